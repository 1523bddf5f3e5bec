/**
 * The question banks as files: reading them and their fingerprint. No parser here (gray-matter, YAML, zod schemas),
 * so a start whose banks did not change never loads one: bootstrap.ts compares the fingerprint with the one stored at
 * the last import and parses only when they differ.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { BankSourceFile } from '../domain/bank/parse.js';

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

// The code that turns files into rows: a change to it (a new field, another hash) must import again though no file changed.
// Read next to this module: .ts under tsx and the tests, the compiled .js under dist/.
const EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const IMPORT_CODE = ['../domain/bank/parse', '../domain/bank/schema', '../db/bank'].map((m) => new URL(`${m}${EXT}`, import.meta.url));

/** SHA-256 over every bank file (path and content) and the parser and importer code. */
export function bankFingerprint(files: readonly BankSourceFile[]): string {
  const h = createHash('sha256');
  for (const url of IMPORT_CODE) h.update(readFileSync(url)).update('\0');
  for (const f of files) h.update(f.path).update('\0').update(f.content).update('\0');
  return h.digest('hex');
}
