import type matterFn from 'gray-matter';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { lazyPackage } from '../lazy.js';
import { BankError } from './error.js';
import { FOLDER_KIND, itemSchemas, LANGS, CHECKLIST_KEYS, type AnyMeta, type ItemKind, type Lang } from './schema.js';

// gray-matter (with js-yaml) loads when a bank file is parsed: a start whose banks did not change parses none.
const matter = lazyPackage<typeof matterFn>('gray-matter');

export interface BankItem {
  id: string;
  lang: Lang;
  kind: ItemKind;
  meta: AnyMeta;
  body: string;
  hash: string;
  file: string;
}

export interface BankSourceFile {
  /** Path relative to the banks root, with forward slashes: `ru/questions/q-x.md`. */
  path: string;
  content: string;
}

export { BankError };

function fieldOf(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join('.') || '(front matter)';
}

export function parseBankFile(file: BankSourceFile): BankItem {
  const parts = file.path.split('/');
  const [lang, folder, name] = parts;
  if (parts.length !== 3 || !lang || !folder || !name) {
    throw new BankError(file.path, null, 'expected <lang>/<folder>/<id>.md');
  }
  if (!(LANGS as readonly string[]).includes(lang)) throw new BankError(file.path, null, `unknown language folder "${lang}"`);
  const kind = FOLDER_KIND[folder];
  if (!kind) throw new BankError(file.path, null, `unknown folder "${folder}"`);

  const normalized = file.content.replace(/\r\n?/g, '\n');
  let parsed: matterFn.GrayMatterFile<string>;
  try {
    // An empty options object disables gray-matter's cache, which would hand back stale data for equal strings.
    parsed = matter()(normalized, {});
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new BankError(file.path, null, `YAML front matter does not parse: ${reason}`);
  }
  if (Object.keys(parsed.data).length === 0) throw new BankError(file.path, null, 'no YAML front matter');

  const result = itemSchemas[kind].safeParse(parsed.data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new BankError(file.path, fieldOf(issue), issue.message);
  }
  const meta = result.data;
  if (`${meta.id}.md` !== name) throw new BankError(file.path, 'id', `id "${meta.id}" does not match the file name`);
  const body = parsed.content.trim();
  if (!body) throw new BankError(file.path, 'body', 'the Markdown body is empty');
  if (meta.kind === 'case' || meta.kind === 'task') {
    const ids = meta.criteria.map((c) => c.id);
    const dup = ids.find((c, i) => ids.indexOf(c) !== i);
    if (dup) throw new BankError(file.path, 'criteria', `criterion id "${dup}" is repeated`);
  }
  if (meta.kind === 'checklist') {
    const keys = meta.items.map((i) => i.key);
    const dup = keys.find((k, i) => keys.indexOf(k) !== i);
    if (dup) throw new BankError(file.path, 'items', `item key "${dup}" is repeated`);
  }
  const hash = createHash('sha256').update(normalized).digest('hex');
  return { id: meta.id, lang: lang as Lang, kind, meta, body, hash, file: file.path };
}

export interface BankSet {
  items: BankItem[];
}

/** Parses every file and checks what no single file can: unique ids and the same items in both languages. */
export function parseBank(files: BankSourceFile[]): BankSet {
  const items = files.filter((f) => f.path.endsWith('.md') && f.path.split('/').length === 3).map(parseBankFile);
  const seen = new Map<string, BankItem>();
  for (const item of items) {
    const key = `${item.lang}:${item.id}`;
    const other = seen.get(key);
    if (other) throw new BankError(item.file, 'id', `id "${item.id}" is also used by ${other.file}`);
    seen.set(key, item);
  }
  for (const item of items) {
    for (const lang of LANGS) {
      if (lang === item.lang) continue;
      const twin = seen.get(`${lang}:${item.id}`);
      if (!twin) throw new BankError(item.file, 'id', `no ${lang} version of "${item.id}"`);
      if (twin.kind !== item.kind) throw new BankError(item.file, 'kind', `"${item.id}" is a ${twin.kind} in ${lang}`);
    }
  }
  for (const item of items) {
    if (item.meta.kind !== 'checklist') continue;
    const keys = new Set(item.meta.items.map((i) => i.key));
    const missing = CHECKLIST_KEYS.find((k) => !keys.has(k));
    if (missing) throw new BankError(item.file, 'items', `template key "${missing}" is missing`);
  }
  return { items };
}

export function countBank(set: BankSet): Record<Lang, Record<ItemKind, number>> {
  const counts = {} as Record<Lang, Record<ItemKind, number>>;
  for (const lang of LANGS) counts[lang] = { competency: 0, question: 0, case: 0, task: 0, checklist: 0 };
  for (const item of set.items) counts[item.lang][item.kind] += 1;
  return counts;
}
