import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { loadConfig } from '../config.js';
import { bootstrap } from '../bootstrap.js';
import { BankError } from '../domain/bank/error.js';
import { createRepos } from '../db/repos.js';
import { DEMO_SLUG } from '../content/demo-vacancy.js';
import { ExtractError, type ExtractErrorCode } from '../extract/errors.js';

import { UsageError } from './run.js';

export { UsageError };

export interface CliArgs {
  flags: Map<string, string>;
  paths: string[];
}

/** `--name value` and `--name=value` flags, everything else a path; `known` lists flags that take values. */
export function parseArgs(argv: string[], known: string[]): CliArgs {
  const flags = new Map<string, string>();
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    } else paths.push(a);
  }
  return { flags, paths };
}

/** Opens the app's database (creating and migrating it if needed) without creating demo users. */
export async function openApp() {
  const config = loadConfig();
  try {
    const booted = await bootstrap(config, { seedDemoUsers: false });
    return { config, db: booted.db, repos: createRepos(booted.db) };
  } catch (e) {
    if (e instanceof BankError) throw new UsageError(`question bank error in ${e.message}`);
    throw e;
  }
}

export function findVacancy(repos: ReturnType<typeof createRepos>, slug: string | undefined) {
  const wanted = slug ?? DEMO_SLUG;
  const vacancy = repos.vacancies.findBySlug(wanted);
  if (!vacancy) {
    const known =
      repos.vacancies
        .list()
        .map((v) => v.slug)
        .join(', ') || 'none';
    throw new UsageError(`no vacancy with the slug "${wanted}" (known: ${known})`);
  }
  return vacancy;
}

const RESUME_EXT = new Set(['.pdf', '.docx', '.txt', '.doc', '.rtf', '.odt']);

/** Files named directly are always taken; inside folders, hidden files and non-resume extensions are skipped. */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (RESUME_EXT.has(extname(name).toLowerCase())) out.push(p);
    }
  };
  for (const p of paths) {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch {
      out.push(p); // reported as unreadable by the caller, in order
      continue;
    }
    if (st.isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}

const REASONS: Record<ExtractErrorCode, (detail: string) => string> = {
  empty: () => 'The file is empty.',
  too_large: () => 'The file is larger than 10 MB.',
  unsupported_type: (d) => `This kind of file (${d}) is not supported: use PDF, DOCX, RTF or TXT.`,
  type_mismatch: (d) => `The file's name does not match its content: it is really ${d}.`,
  no_text_layer: () => 'The PDF has no text layer (probably a scan): paste its text in the web form instead.',
  encrypted: () => 'The file is password-protected.',
  corrupt: () => 'The file is damaged and cannot be read.',
  too_complex: () =>
    'The file is too complex to read safely (far more time or memory than a real document needs): save it as PDF or paste its text.',
};

/** Why a file could not be read, in plain words for a terminal. */
export function plainReason(e: unknown): string {
  if (e instanceof ExtractError) return REASONS[e.code](e.detail ?? 'unknown');
  if (e && typeof e === 'object' && 'code' in e) {
    const code = (e as { code: unknown }).code;
    if (code === 'ENOENT') return 'The file does not exist.';
    if (code === 'EACCES') return 'The file cannot be read (permission denied).';
    if (code === 'EISDIR') return 'This is a folder, not a file.';
  }
  return `The file could not be read: ${e instanceof Error ? e.message : String(e)}`;
}
