import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseBank, type BankSet, type BankSourceFile } from '../domain/bank/parse.js';

export const DEFAULT_BANKS_DIR = new URL('../../question-banks/', import.meta.url).pathname;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

export function readBankFiles(root: string = DEFAULT_BANKS_DIR): BankSourceFile[] {
  return walk(root)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ path: relative(root, f).split(sep).join('/'), content: readFileSync(f, 'utf8') }));
}

export function loadBank(root: string = DEFAULT_BANKS_DIR): BankSet {
  return parseBank(readBankFiles(root));
}
