import { parseBank, type BankSet } from '../domain/bank/parse.js';
import { DEFAULT_BANKS_DIR, readBankFiles } from './bank-source.js';

export { bankFingerprint, DEFAULT_BANKS_DIR, readBankFiles } from './bank-source.js';

export function loadBank(root: string = DEFAULT_BANKS_DIR): BankSet {
  return parseBank(readBankFiles(root));
}
