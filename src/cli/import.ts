// npm run import -- --vacancy <slug> [--source hh] [--consent-date YYYY-MM-DD] <files or folders>
// Imports many resumes; a bad file is reported and skipped; a second run on the same files changes nothing.
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { CONSENT_VERSION, SOURCES } from '../domain/candidate.js';
import { proposeContacts } from '../domain/contacts.js';
import { duplicateOf, prepareResume } from '../services/screening.js';
import { fileStore } from '../storage/files.js';
import { addCandidate } from '../services/candidates.js';
import { compactSearchIndex } from '../services/search-index.js';
import { expandPaths, findVacancy, openApp, parseArgs, plainReason } from './common.js';
import { runCli, UsageError } from './run.js';

const USAGE = 'usage: npm run import -- --vacancy <slug> [--source <source>] [--consent-date YYYY-MM-DD] <file or folder>...';

function progress(done: number, total: number, label: string) {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  process.stderr.write(`\r${bar} ${done}/${total} ${label.slice(0, 40).padEnd(40)}`);
}

/** "ivanov_petr-cv.pdf" → "Ivanov Petr Cv": better than nothing when the resume names nobody. */
function nameFromFile(file: string): string {
  const stem = basename(file, extname(file))
    .replace(/[_\-.]+/g, ' ')
    .trim();
  return stem.replace(/\p{L}+/gu, (w) => w[0]!.toUpperCase() + w.slice(1)) || 'Unnamed';
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), ['vacancy', 'source', 'consent-date']);
  if (!args.flags.get('vacancy')) throw new UsageError('--vacancy is required');
  if (args.paths.length === 0) throw new UsageError('no files or folders given');
  const source = args.flags.get('source') ?? 'import';
  if (!(SOURCES as readonly string[]).includes(source)) throw new UsageError(`unknown source "${source}" (one of ${SOURCES.join(', ')})`);
  // Job boards collect the applicant's consent when they apply; the import records that date.
  const consentAt = args.flags.get('consent-date') ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(consentAt) || Number.isNaN(Date.parse(consentAt)))
    throw new UsageError('--consent-date must be YYYY-MM-DD');

  const { repos, db, config } = await openApp();
  try {
    const vacancy = findVacancy(repos, args.flags.get('vacancy'));
    const checklist = repos.vacancies.checklist(vacancy.id);
    const files = fileStore(config.dataDir);
    const list = expandPaths(args.paths);
    const summary = { imported: 0, flagged: 0, duplicates: 0, failed: 0 };
    const failures: { file: string; reason: string }[] = [];
    for (const [n, file] of list.entries()) {
      progress(n, list.length, basename(file));
      try {
        const resume = await prepareResume({ file: { buf: readFileSync(file), originalName: basename(file) } });
        const contacts = proposeContacts(resume.text);
        const input = {
          vacancyId: vacancy.id,
          checklist,
          policy: vacancy.verdictPolicy,
          fullName: contacts.fullName ?? nameFromFile(file),
          email: contacts.email,
          phone: contacts.phone,
          city: contacts.city,
          source,
          consentAt,
          consentVersion: CONSENT_VERSION,
          coverLetter: null,
          resume,
          createdBy: null,
          allowDuplicate: true,
        };
        const dup = duplicateOf(repos.candidates, input);
        // The same file or text again is skipped; the same person with another resume is added and flagged.
        if (dup && (dup.reason === 'file' || dup.reason === 'resume')) {
          summary.duplicates += 1;
          continue;
        }
        const r = addCandidate(repos, files, input, { userId: null, userName: 'npm run import', ip: null });
        if (r.ok && r.duplicate) summary.flagged += 1;
        summary.imported += 1;
      } catch (e) {
        summary.failed += 1;
        failures.push({ file, reason: plainReason(e) });
      }
    }
    progress(list.length, list.length, 'done');
    if (process.stderr.isTTY) process.stderr.write('\n');
    // Many candidates at once leave the search index in many segments, each read by every search: merge them now.
    const index = await compactSearchIndex(repos.candidates);
    console.log(`Vacancy: ${vacancy.slug}`);
    console.log(`Imported: ${summary.imported} (of them flagged as possible duplicates: ${summary.flagged})`);
    console.log(`Skipped as duplicates: ${summary.duplicates}`);
    console.log(`Failed: ${summary.failed}`);
    for (const f of failures) console.log(`  ${f.file}: ${f.reason}`);
    if (index.slices) console.log(`Search index: ${index.segmentsBefore} segments merged into ${index.segmentsAfter}`);
    return summary.failed > 0 ? 1 : 0;
  } finally {
    db.close();
  }
}

runCli(main, USAGE);
