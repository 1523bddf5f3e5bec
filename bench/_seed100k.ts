import { openDemoDb, seedCandidates } from './lib.js';
const { db, vacancyId } = await openDemoDb('/tmp/prof/s100k/bench.db');
seedCandidates(db, vacancyId, 100_000, 20260102, (d) => console.error('inserted', d));
console.log('vacancy', vacancyId);
db.close();
