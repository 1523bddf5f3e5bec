// A sender in its own process, for the crash test (test/http/mail-delivery.test.ts): one delivery pass
// over the database file given, through the SMTP server given. The test kills it mid-try.
import { openDatabase } from '../../src/db/connection.js';
import { createRepos } from '../../src/db/repos.js';
import { deliverDue, smtpTransport } from '../../src/services/mail-sender.js';

const [file, url] = process.argv.slice(2);
if (!file || !url) throw new Error('usage: mail-send-once <db file> <smtp url>');
const db = openDatabase(file);
process.stdout.write('ready\n');
const r = await deliverDue(createRepos(db), smtpTransport(url), new Date(), { from: 'KAM Hire <hire@example.test>' });
process.stdout.write(`${JSON.stringify(r)}\n`);
db.close();
