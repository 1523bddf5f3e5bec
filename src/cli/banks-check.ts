// Validates the question banks without touching the database; CI and content authors run it.
import { BankError, countBank } from '../domain/bank/parse.js';
import { loadBank } from '../content/bank-files.js';

try {
  const bank = loadBank(process.argv[2]);
  const counts = countBank(bank);
  console.log(JSON.stringify(counts));
} catch (e) {
  if (e instanceof BankError) {
    console.error(`Question bank error: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
