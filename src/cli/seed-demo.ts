// npm run seed:demo -- --candidates <N> [--vacancy <slug>] [--seed 42]
//
// Fills a vacancy (default: the demo vacancy) with N generated candidates and a realistic funnel over
// the last 90 days: every one screened, some decided, moved along the pipeline, interviewed (submitted
// scorecards), given a take-home task (submitted and graded twice), and scored.
//
// It always ADDS: a second run adds N more. The same --seed generates the same people again, so they come
// in flagged as possible duplicates of the first run (as the app would flag them); pass another --seed
// for new people. Content (names, resumes, stages, ratings, grades) depends only on the seed; timestamps
// are placed relative to the time of the run.
//
// Interviewers and graders are demo users (demo.interviewer1…8, demo.head1…2 in the vacancy's department),
// created when missing with DEMO_PASSWORD or a generated password printed once. On a database with no users
// at all the usual demo users (admin, hr, interviewer, head) are created as well, with the same password,
// so that `npm start` afterwards still has someone to log in as.
import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_USERS } from '../bootstrap.js';
import {
  buildGrades,
  buildScorecard,
  competencySkew,
  DemoRng,
  gradeComment,
  idempotencyKey,
  planApplicant,
  planJourney,
  submissionBody,
  type KitForScoring,
} from '../content/demo-candidates.js';
import { generateResume, GENERATOR_AS_OF, type ResumeProfile } from '../content/resume-generator.js';
import type { DB } from '../db/connection.js';
import { assignmentCode, rubricOf } from '../domain/assignment.js';
import { COMPETENCY_IDS, type CaseMeta, type CompetencyId, type Lang, type TaskMeta } from '../domain/bank/schema.js';
import { CONSENT_VERSION, PIPELINE, type PipelineStage } from '../domain/candidate.js';
import { competenciesToRate, proposeKit } from '../domain/interview.js';
import type { Role } from '../domain/roles.js';
import type { Verdict } from '../domain/screening/index.js';
import { generatePassword, hashPassword } from '../security/password.js';
import { refreshScore } from '../services/scores.js';
import { intakeCandidate } from '../services/screening.js';
import { compactSearchIndex } from '../services/search-index.js';
import { fileStore } from '../storage/files.js';
import { createRepos, type Repos } from '../db/repos.js';
import { isHeadOf } from '../domain/policy.js';
import { findVacancy, openApp, parseArgs, UsageError } from './common.js';
import { hashToken } from '../security/tokens.js';

const USAGE = 'usage: npm run seed:demo -- --candidates <N> [--vacancy <slug>] [--seed <integer>]';
const MAX_CANDIDATES = 1_000_000;
const BATCH = 250;

const PANEL: { username: string; displayName: string; role: Role }[] = [
  { username: 'demo.interviewer1', displayName: 'Дмитрий Волков', role: 'interviewer' },
  { username: 'demo.interviewer2', displayName: 'Мария Кузнецова', role: 'interviewer' },
  { username: 'demo.interviewer3', displayName: 'Алексей Соколов', role: 'interviewer' },
  { username: 'demo.interviewer4', displayName: 'Ольга Морозова', role: 'interviewer' },
  { username: 'demo.interviewer5', displayName: 'Сергей Лебедев', role: 'interviewer' },
  { username: 'demo.interviewer6', displayName: 'Наталья Попова', role: 'interviewer' },
  { username: 'demo.interviewer7', displayName: 'Павел Новиков', role: 'interviewer' },
  { username: 'demo.interviewer8', displayName: 'Ирина Фёдорова', role: 'interviewer' },
  { username: 'demo.head1', displayName: 'Виктор Андреев (руководитель)', role: 'department_head' },
  { username: 'demo.head2', displayName: 'Светлана Белова (руководитель)', role: 'department_head' },
];

export interface SeedOptions {
  vacancyId: number;
  count: number;
  seed: number;
  /** Folder for uploaded files (none are written: resumes are text). */
  dataDir: string;
  /** For the users created; generated when undefined and users have to be created. */
  password?: string | undefined;
  /** Epoch ms the 90-day window ends at; default: now. */
  now?: number;
  /** Weights of the resume profiles; default PROFILE_MIX (15% strong, 40% average, 30% weak, 15% off-track). */
  profiles?: Readonly<Record<ResumeProfile, number>>;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedSummary {
  added: number;
  ms: number;
  stages: Record<PipelineStage, number>;
  verdicts: Record<Verdict, number>;
  decisions: number;
  interviews: number;
  scorecards: number;
  assignments: number;
  grades: number;
  disagreements: number;
  duplicates: number;
  vacancyTotal: number;
  users: { created: string[]; password: string | null; generated: boolean };
}

interface People {
  hrId: number;
  /** Interviewers first, then department heads: the indexes JourneyStep.panel refers to. */
  panel: number[];
  interviewers: number;
  heads: number;
  created: string[];
  password: string | null;
  generated: boolean;
}

/** The panel (and, on an empty database, the usual demo users), sharing one password hash. */
async function ensurePeople(repos: Repos, department: string, vacancyId: number, password: string | undefined): Promise<People> {
  const users = repos.users;
  const plan: { username: string; displayName: string; role: Role; department: string | null }[] = [];
  if (users.count() === 0) plan.push(...DEMO_USERS);
  const panelNames: string[] = [];
  for (const p of PANEL) {
    // A head reads only their own department's vacancies: reuse a demo head only if it is in this one.
    const names = p.role === 'department_head' ? [p.username, `${p.username}-v${vacancyId}`] : [p.username];
    const fit =
      names.find((n) => {
        const u = users.findByUsername(n);
        return u?.role !== 'department_head' || isHeadOf(u, department);
      }) ?? names[names.length - 1]!;
    panelNames.push(fit);
    if (!users.findByUsername(fit)) plan.push({ username: fit, displayName: p.displayName, role: p.role, department });
  }
  const created: string[] = [];
  const firstPassword = plan.length > 0 ? (password ?? generatePassword()) : null;
  if (firstPassword !== null) {
    const passwordHash = await hashPassword(firstPassword);
    for (const u of plan) {
      users.create({ username: u.username, displayName: u.displayName, email: null, role: u.role, department: u.department, passwordHash });
      created.push(u.username);
    }
  }
  const byName = (n: string) => {
    const u = users.findByUsername(n);
    if (!u) throw new Error(`user ${n} is missing`);
    return u;
  };
  const panelUsers = panelNames.map(byName);
  const interviewers = panelUsers.filter((u) => u.role !== 'department_head').map((u) => u.id);
  const heads = panelUsers.filter((u) => u.role === 'department_head').map((u) => u.id);
  const active = users.list().filter((u) => !u.disabled);
  let hrId = (active.find((u) => u.role === 'hr') ?? active.find((u) => u.role === 'admin'))?.id;
  let pw = firstPassword;
  if (hrId === undefined) {
    // Users exist but no HR or admin: someone has to have made the decisions.
    pw ??= password ?? generatePassword();
    const username = `demo.hr-v${vacancyId}`;
    hrId = users.create({
      username,
      displayName: 'Анна Смирнова (HR)',
      email: null,
      role: 'hr',
      department: null,
      passwordHash: await hashPassword(pw),
    });
    created.push(username);
  }
  return {
    hrId,
    panel: [...interviewers, ...heads],
    interviewers: interviewers.length,
    heads: heads.length,
    created,
    password: pw,
    generated: password === undefined,
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Adds `count` demo candidates to the vacancy, all scored; see the header of this file. */
export async function seedDemoCandidates(db: DB, opts: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const repos = createRepos(db);
  const vacancy = repos.vacancies.findById(opts.vacancyId);
  if (!vacancy) throw new Error(`no vacancy #${opts.vacancyId}`);
  const now = opts.now ?? Date.now();
  const people = await ensurePeople(repos, vacancy.department, vacancy.id, opts.password);
  if (people.interviewers < 2) throw new Error('the demo needs at least two interviewers');
  const files = fileStore(opts.dataDir);
  const checklist = repos.vacancies.checklist(vacancy.id);
  const profile = vacancy.profile;
  const weights = profile.competencyWeights;

  // The bank, read once.
  const questions = repos.bank.questions('en');
  const cases = repos.bank.cases('en');
  const kitQuestions = questions.map((q) => ({
    id: q.id,
    competency: q.meta.competency,
    type: q.meta.type,
    screeningGaps: q.meta.screening_gaps,
  }));
  const kitCases = cases.map((c) => ({ id: c.id, competencies: c.meta.competencies }));
  const competenciesOf = new Map<string, readonly CompetencyId[]>([
    ...questions.map((q) => [q.id, [q.meta.competency]] as const),
    ...cases.map((c) => [c.id, c.meta.competencies] as const),
  ]);
  const criteriaOf = new Map<string, { id: string; points: number }[]>(
    cases.map((c) => [c.id, (c.meta as CaseMeta).criteria.map((k) => ({ id: k.id, points: k.points }))]),
  );
  const versions = new Map<string, Record<string, number>>();
  const versionsOf = (id: string) => {
    let v = versions.get(id);
    if (!v) versions.set(id, (v = repos.bank.currentVersions(id)));
    return v;
  };
  const titles: Record<Lang, Partial<Record<CompetencyId, string>>> = {
    ru: Object.fromEntries(repos.bank.competencies('ru').map((c) => [c.id, c.title])),
    en: Object.fromEntries(repos.bank.competencies('en').map((c) => [c.id, c.title])),
  };
  const taskIds = profile.taskIds.length > 0 ? profile.taskIds : repos.bank.tasks('en').map((t) => t.id);
  if (taskIds.length === 0) throw new Error('the question bank has no take-home tasks');
  const taskOf = (id: string, lang: Lang) => {
    const item = repos.bank.get(id, lang) ?? repos.bank.get(id, lang === 'ru' ? 'en' : 'ru');
    if (item?.meta.kind !== 'task') throw new Error(`task ${id} is missing from the bank`);
    return { item, rubric: rubricOf(item.meta as TaskMeta) };
  };
  // Each person's leniency, fixed for the run: the same interviewer rates everybody a little high or low.
  const bias = new Map(people.panel.map((id) => [id, DemoRng.for(opts.seed, id, 7).normal(0, 0.3)]));
  const biasOf = (id: number) => bias.get(id) ?? 0;

  const stmts = {
    candidate: db.prepare('UPDATE candidates SET created_at = ?, stage_changed_at = ?, updated_at = ? WHERE id = ?'),
    eventIds: db.prepare<[number], { id: number }>('SELECT id FROM candidate_events WHERE candidate_id = ? ORDER BY id'),
    event: db.prepare('UPDATE candidate_events SET created_at = ? WHERE id = ?'),
    screening: db.prepare(
      'UPDATE screenings SET screened_at = ?, decided_at = CASE WHEN decided_at IS NULL THEN NULL ELSE ? END WHERE candidate_id = ?',
    ),
    interview: db.prepare('UPDATE interviews SET created_at = ? WHERE id = ?'),
    scorecard: db.prepare('UPDATE scorecards SET updated_at = ?, submitted_at = ? WHERE id = ?'),
    revision: db.prepare('UPDATE scorecard_revisions SET created_at = ? WHERE scorecard_id = ?'),
    assignment: db.prepare('UPDATE assignments SET created_at = ?, opened_at = ? WHERE id = ?'),
    submission: db.prepare('UPDATE submissions SET submitted_at = ? WHERE assignment_id = ?'),
    grade: db.prepare('UPDATE grades SET submitted_at = ? WHERE assignment_id = ? AND grader_id = ?'),
  };

  const summary: SeedSummary = {
    added: 0,
    ms: 0,
    stages: Object.fromEntries(PIPELINE.map((s) => [s, 0])) as Record<PipelineStage, number>,
    verdicts: { pass: 0, review: 0, reject: 0 },
    decisions: 0,
    interviews: 0,
    scorecards: 0,
    assignments: 0,
    grades: 0,
    disagreements: 0,
    duplicates: 0,
    vacancyTotal: 0,
    users: { created: people.created, password: people.created.length > 0 ? people.password : null, generated: people.generated },
  };

  const uniqueCode = (rng: DemoRng) => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const bytes = Uint8Array.from({ length: 3 }, () => Math.floor(rng.next() * 256));
      // Three characters give ~30,000 codes; past a few hundred collisions in a row, use four.
      const code =
        attempt < 100
          ? assignmentCode(bytes)
          : `${assignmentCode(bytes)}${assignmentCode(Uint8Array.of(Math.floor(rng.next() * 256), 0, 0)).slice(2, 3)}`;
      if (!repos.assignments.isCodeTaken(code)) return code;
    }
    throw new Error('could not find a free assignment code');
  };

  const seedOne = (index: number) => {
    const a = planApplicant(opts.seed, index, now, opts.profiles);
    const resume = generateResume(a.resumeSeed, { lang: a.lang, profile: a.profile });
    // Screened as of the month the resumes were written, so 'present' jobs (and scores) depend on the seed alone.
    const intake = intakeCandidate(
      repos.candidates,
      files,
      {
        vacancyId: vacancy.id,
        checklist,
        policy: vacancy.verdictPolicy,
        fullName: resume.fullName,
        email: resume.email,
        phone: resume.phone,
        source: a.source,
        consentAt: iso(a.appliedAt).slice(0, 10),
        consentVersion: CONSENT_VERSION,
        coverLetter: null,
        resume: { text: resume.text, extracted: null, file: null },
        createdBy: null,
        allowDuplicate: true,
      },
      GENERATOR_AS_OF,
    );
    if (!intake.ok) throw new Error('intake refused a duplicate although duplicates are allowed');
    const id = intake.id;
    summary.verdicts[intake.screening.verdict] += 1;
    if (intake.duplicate) summary.duplicates += 1;

    const journey = planJourney(
      DemoRng.for(opts.seed, index, 1),
      { ability: a.ability, lang: a.lang, appliedAt: a.appliedAt, verdict: intake.screening.verdict, now },
      { interviewers: people.interviewers, heads: people.heads },
      taskIds.length,
    );
    const rng = DemoRng.for(opts.seed, index, 2);
    const skew = competencySkew(rng, COMPETENCY_IDS);
    const gaps = checklist.filter((c) => intake.screening.items[c.key]?.status !== 'met').map((c) => c.key);
    const eventTimes = [a.appliedAt];
    let stageAt = a.appliedAt;
    let decidedAt: number | null = null;
    let lastAt = a.appliedAt;

    for (const step of journey.steps) {
      switch (step.kind) {
        case 'move':
          repos.candidates.moveStage(id, step.from, step.to, step.reason, people.hrId);
          eventTimes.push(step.at);
          stageAt = lastAt = step.at;
          break;
        case 'decide':
          repos.candidates.decide(
            id,
            { decision: step.decision, reason: step.reason, old: null, stage: { from: step.from, to: step.to } },
            people.hrId,
          );
          eventTimes.push(step.at);
          if (step.from !== step.to) {
            eventTimes.push(step.at);
            stageAt = step.at;
          }
          decidedAt = lastAt = step.at;
          summary.decisions += 1;
          break;
        case 'interview': {
          const kit = proposeKit({
            stage: step.stage,
            weights,
            selectedQuestionIds: profile.questionIds,
            selectedCaseIds: profile.caseIds,
            questions: kitQuestions,
            cases: kitCases,
            gaps,
          });
          const panel = step.panel.map((p) => people.panel[p]!);
          const interviewId = repos.interviews.create(
            {
              candidateId: id,
              stage: step.stage,
              scheduledAt: iso(step.at),
              durationMin: step.durationMin,
              location: step.location,
              createdBy: people.hrId,
            },
            panel,
            kit.map((k) => ({ ...k, bankVersions: versionsOf(k.itemId) })),
          );
          stmts.interview.run(iso(Math.max(lastAt, step.at - 3 * 86_400_000)), interviewId);
          const stored = repos.interviews.kit(interviewId);
          const rate = competenciesToRate(
            stored.map((k) => ({ kind: k.kind, competencies: competenciesOf.get(k.itemId) ?? [] })),
            weights,
          );
          const scoringKit: KitForScoring[] = stored.map((k) => ({
            id: k.id,
            kind: k.kind,
            criteria: k.kind === 'case' ? (criteriaOf.get(k.itemId) ?? []) : [],
          }));
          panel.forEach((userId, n) => {
            const card = repos.interviews.scorecardFor(interviewId, userId);
            if (!card) throw new Error(`no scorecard for user ${userId}`);
            const data = buildScorecard(rng, {
              lang: a.lang,
              perf: step.perf,
              raterBias: biasOf(userId),
              skew,
              rate,
              kit: scoringKit,
              titles: titles[a.lang],
            });
            const draft = repos.interviews.saveDraft(card.id, card.version, data.draft);
            if (!draft.ok) throw new Error(`draft of scorecard ${card.id} not saved: ${draft.reason}`);
            const done = repos.interviews.submit(card.id, draft.version, data.final, userId);
            if (!done.ok) throw new Error(`scorecard ${card.id} not submitted: ${done.reason}`);
            const at = iso(step.submittedAt[n] ?? step.at);
            stmts.scorecard.run(at, at, card.id);
            stmts.revision.run(at, card.id);
            summary.scorecards += 1;
          });
          lastAt = Math.max(...step.submittedAt);
          summary.interviews += 1;
          break;
        }
        case 'assignment': {
          const { item, rubric } = taskOf(taskIds[step.taskIndex] ?? taskIds[0]!, a.lang);
          const graders = step.graders.map((g) => people.panel[g]!);
          const assignmentId = repos.assignments.create(
            {
              candidateId: id,
              kind: 'task',
              itemId: item.id,
              lang: item.lang,
              bankVersion: item.version,
              briefOverride: null,
              code: uniqueCode(rng),
              // The link's token is a secret nobody receives here; only its hash is stored, as in the app.
              tokenHash: hashToken(randomBytes(32).toString('base64url')),
              deadlineAt: iso(step.deadlineAt),
              graceHours: 24,
              createdBy: people.hrId,
            },
            graders,
          );
          repos.assignments.markOpened(assignmentId);
          const sub = repos.assignments.submit(
            assignmentId,
            { body: submissionBody(rng, a.lang), link: null, late: step.late, key: idempotencyKey(rng) },
            [],
          );
          const grades = buildGrades(rng, rubric, { perf: step.perf, graderBiases: graders.map(biasOf) });
          graders.forEach((graderId, n) => {
            const scores = grades.scores[n];
            if (!scores) return;
            if (repos.assignments.grade({ assignmentId, graderId, version: sub.version, scores, comment: gradeComment(rng, a.lang) }))
              summary.grades += 1;
            stmts.grade.run(iso(step.gradedAt[n] ?? step.submittedAt), assignmentId, graderId);
          });
          stmts.assignment.run(iso(step.at), iso(step.openedAt), assignmentId);
          stmts.submission.run(iso(step.submittedAt), assignmentId);
          if (grades.disagreement) summary.disagreements += 1;
          summary.assignments += 1;
          lastAt = Math.max(...step.gradedAt);
          break;
        }
      }
    }
    refreshScore(repos, id);

    // Backdate: the rows were written now, the story happened over the last weeks.
    stmts.candidate.run(iso(a.appliedAt), iso(stageAt), iso(Math.max(lastAt, stageAt)), id);
    const ids = stmts.eventIds.all(id);
    ids.forEach((e, n) => stmts.event.run(iso(eventTimes[n] ?? eventTimes[eventTimes.length - 1]!), e.id));
    stmts.screening.run(iso(a.appliedAt + 60_000), iso(decidedAt ?? a.appliedAt), id);
    summary.stages[journey.stage] += 1;
    summary.added += 1;
  };

  for (let from = 0; from < opts.count; from += BATCH) {
    const to = Math.min(opts.count, from + BATCH);
    db.transaction(() => {
      for (let i = from; i < to; i++) seedOne(i);
    })();
    opts.onProgress?.(to, opts.count);
  }
  summary.vacancyTotal = repos.candidates.idsForVacancy(vacancy.id).length;
  // As after an import: many candidates at once leave the search index in many segments (services/search-index.ts).
  await compactSearchIndex(repos.candidates);
  summary.ms = performance.now() - started;
  return summary;
}

/** The summary as the CLI prints it. */
export function formatSummary(s: SeedSummary, vacancy: { id: number; slug: string }, seed: number): string[] {
  const secs = s.ms / 1000;
  const lines = [
    `Vacancy: ${vacancy.slug} (#${vacancy.id})`,
    `Added: ${s.added} candidates in ${secs.toFixed(1)} s (${Math.round(s.added / Math.max(secs, 0.001))}/s), seed ${seed}; the vacancy now has ${s.vacancyTotal}`,
    `By stage: ${PIPELINE.map((st) => `${st} ${s.stages[st]}`).join(', ')}`,
    `Screening proposals: pass ${s.verdicts.pass}, review ${s.verdicts.review}, reject ${s.verdicts.reject}; HR decisions: ${s.decisions}`,
    `Interviews: ${s.interviews} (submitted scorecards: ${s.scorecards})`,
    `Take-home tasks: ${s.assignments} submitted (grades: ${s.grades}; 2+ point disagreements: ${s.disagreements})`,
    `Flagged as possible duplicates: ${s.duplicates}`,
    `Scores refreshed: ${s.added}`,
  ];
  if (s.users.created.length > 0) {
    lines.push(`Users created: ${s.users.created.join(', ')}`);
    lines.push(
      s.users.generated
        ? `Their password (shown only this once): ${s.users.password ?? ''}`
        : 'Their password is the value of DEMO_PASSWORD.',
    );
  } else {
    lines.push('Users: the demo interviewers and department heads already existed (their passwords are unchanged).');
  }
  return lines;
}

function positiveInt(value: string | undefined, name: string, fallback: number | null, max: number): number {
  if (value === undefined) {
    if (fallback === null) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max)
    throw new UsageError(`--${name} must be a whole number from 1 to ${max}`);
  return Number(value);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), ['candidates', 'vacancy', 'seed']);
  if (args.paths.length > 0) throw new UsageError(`unexpected argument "${args.paths[0]}"`);
  const count = positiveInt(args.flags.get('candidates'), 'candidates', null, MAX_CANDIDATES);
  const seedFlag = args.flags.get('seed');
  if (seedFlag !== undefined && !/^-?\d{1,15}$/.test(seedFlag)) throw new UsageError('--seed must be an integer');
  const seed = seedFlag === undefined ? 42 : Number(seedFlag);

  const { repos, db, config } = await openApp();
  try {
    const vacancy = findVacancy(repos, args.flags.get('vacancy'));
    const tty = process.stderr.isTTY;
    let shown = 0;
    const t0 = performance.now();
    const summary = await seedDemoCandidates(db, {
      vacancyId: vacancy.id,
      count,
      seed,
      dataDir: config.dataDir,
      password: config.demoPassword,
      onProgress: (done, total) => {
        if (!tty && done < total && done - shown < Math.max(1000, total / 10)) return;
        shown = done;
        const rate = Math.round(done / Math.max((performance.now() - t0) / 1000, 0.001));
        const line = `seeding ${vacancy.slug}: ${done}/${total} (${rate}/s)`;
        process.stderr.write(tty ? `\r${line}` : `${line}\n`);
      },
    });
    if (tty) process.stderr.write('\n');
    for (const line of formatSummary(summary, vacancy, seed)) console.log(line);
    return 0;
  } finally {
    db.close();
  }
}

function isEntryPoint(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      if (e instanceof UsageError) {
        console.error(`${e.message}\n${USAGE}`);
        process.exit(2);
      }
      console.error(e);
      process.exit(1);
    },
  );
}
