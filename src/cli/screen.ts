// npm run screen -- --vacancy <slug> <files...>
// One JSON object per line per file, screened by the same code as the web page. Nothing is stored.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { extractText } from '../extract/index.js';
import { screenText } from '../services/screening.js';
import { expandPaths, findVacancy, openApp, parseArgs, plainReason } from './common.js';
import { runCli, UsageError } from './run.js';

const USAGE = 'usage: npm run screen -- [--vacancy <slug>] <file or folder>...';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), ['vacancy']);
  if (args.paths.length === 0) throw new UsageError('no files given');
  const { repos, db } = await openApp();
  try {
    const vacancy = findVacancy(repos, args.flags.get('vacancy'));
    const checklist = repos.vacancies.checklist(vacancy.id);
    let failed = 0;
    for (const file of expandPaths(args.paths)) {
      try {
        const { text } = await extractText(readFileSync(file), basename(file));
        const r = screenText(text, checklist, vacancy.verdictPolicy);
        const items = Object.fromEntries(
          Object.entries(r.items).map(([k, v]) => [
            k,
            { status: v.status, evidence: v.evidence ?? '', ...(v.reason ? { reason: v.reason } : {}) },
          ]),
        );
        const line = { file, experience_years: r.experience.relevantYears, items, verdict: r.verdict, rule: r.rule, decisive: r.decisive };
        process.stdout.write(`${JSON.stringify(line)}\n`);
      } catch (e) {
        failed += 1;
        process.stdout.write(`${JSON.stringify({ file, error: plainReason(e) })}\n`);
      }
    }
    return failed > 0 ? 1 : 0;
  } finally {
    db.close();
  }
}

runCli(main, USAGE);
