// npm run eval:screen -- --labels <labels.json> [--verbose] <folder>
// Screens every labelled file in the folder with the demo vacancy's checklist, exactly as the web
// page and `npm run screen` do, and prints how far the proposals agree with the hand labels; the
// last line is one JSON object with every figure. Nothing is stored: the checklist comes from an
// in-memory database built from the question banks. Exit 0 when it ran, 2 on a usage error.
import { readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadBank } from '../content/bank-files.js';
import { seedDemoVacancy } from '../bootstrap.js';
import { bankRepo } from '../db/bank.js';
import { openDatabase } from '../db/connection.js';
import { createRepos } from '../db/repos.js';
import type { ChecklistItem } from '../db/vacancies.js';
import type { VerdictPolicy } from '../domain/screening/index.js';
import { extractText } from '../extract/index.js';
import { screenText } from '../services/screening.js';
import { expandPaths, plainReason } from './common.js';
import { evaluate, formatReport, labelsSchema, summaryJson, type Case, type Labels } from './eval-metrics.js';
import { runCli, UsageError } from './run.js';

const USAGE = 'usage: npm run eval:screen -- --labels <labels.json> [--verbose] <folder>';

interface Args {
  labels: string;
  folder: string;
  verbose: boolean;
}

function parse(argv: readonly string[]): Args {
  let labels: string | undefined;
  let verbose = false;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i]!;
    if (a === '--verbose' || a === '-v') verbose = true;
    else if (a === '--labels') {
      labels = argv[++i];
      if (labels === undefined) throw new UsageError('--labels needs a value');
    } else if (a.startsWith('--labels=')) labels = a.slice('--labels='.length);
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else rest.push(a);
  }
  if (!labels) throw new UsageError('--labels <labels.json> is required');
  if (rest.length !== 1) throw new UsageError(rest.length === 0 ? 'no folder given' : 'give exactly one folder');
  return { labels, folder: rest[0]!, verbose };
}

function readLabels(file: string): Labels {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read the labels file ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = labelsSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new UsageError(`the labels file ${file} is not valid: ${first ? `${first.path.join('.')}: ${first.message}` : 'bad shape'}`);
  }
  return parsed.data;
}

/** The demo vacancy's checklist from a throw-away in-memory database, bootstrapped like the tests do. */
export function demoChecklist(): { checklist: ChecklistItem[]; policy: VerdictPolicy } {
  const db = openDatabase(':memory:');
  try {
    bankRepo(db).importBank(loadBank());
    const id = seedDemoVacancy(db);
    if (id === null) throw new Error('the demo vacancy was not created');
    const { vacancies } = createRepos(db);
    return { checklist: vacancies.checklist(id), policy: vacancies.verdictPolicy(id) };
  } finally {
    db.close();
  }
}

/** A label's `now` is a calendar day; the screen sees noon UTC of that day. */
function clockOf(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

export async function main(
  argv: readonly string[],
  write: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Promise<number> {
  const args = parse(argv);
  const labels = readLabels(args.labels);
  const folder = resolve(args.folder);
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new UsageError(`${args.folder} is not a folder`);
  }
  const { checklist, policy } = demoChecklist();
  const onDisk = new Map(expandPaths([folder]).map((p) => [relative(folder, p).split(sep).join('/'), p]));
  const unlabelled = [...onDisk.keys()].filter((f) => !(f in labels));

  const cases: Case[] = [];
  for (const [file, label] of Object.entries(labels).sort(([a], [b]) => a.localeCompare(b))) {
    const path = onDisk.get(file) ?? join(folder, file);
    try {
      const { text } = await extractText(readFileSync(path), basename(path));
      const r = screenText(text, checklist, policy, clockOf(label.now));
      const items = Object.fromEntries(Object.entries(r.items).map(([k, v]) => [k, { status: v.status, evidence: v.evidence }]));
      cases.push({ file, label, text, proposal: { items, verdict: r.verdict, relevantYears: r.experience.relevantYears } });
    } catch (e) {
      cases.push({ file, label, text: null, proposal: null, error: plainReason(e) });
    }
  }

  const figures = evaluate(cases);
  for (const line of formatReport(figures, { verbose: args.verbose })) write(line);
  if (unlabelled.length > 0)
    write(`files without a label (skipped): ${unlabelled.length}${args.verbose ? ` — ${unlabelled.join(', ')}` : ''}`);
  write(JSON.stringify({ ...summaryJson(figures), unlabelled: unlabelled.length }));
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  runCli(() => main(process.argv.slice(2)), USAGE);
}
