import { describe, expect, it } from 'vitest';
import { createRepos, type Repos } from '../../src/db/repos.js';
import type { TaskMeta } from '../../src/domain/bank/schema.js';
import { rubricOf } from '../../src/domain/assignment.js';
import { CONSENT_VERSION } from '../../src/domain/candidate.js';
import type { Actor } from '../../src/services/audit.js';
import { addCandidate, decide, moveStage, screenAgain, screenVacancyAgain, setScreeningItem } from '../../src/services/candidates.js';
import { grade } from '../../src/services/grading.js';
import { eraseCandidate } from '../../src/services/privacy.js';
import { amendScorecard, submitScorecard } from '../../src/services/scorecards.js';
import { prepareResume } from '../../src/services/screening.js';
import { updateVacancy } from '../../src/services/vacancies.js';
import { fileStore } from '../../src/storage/files.js';
import { buildApp, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

/*
 * Every write a user makes is one transaction: the change, the refreshed score and the audit line.
 * Here the audit log refuses inserts (a trigger the test installs), and each use-case must leave the
 * database exactly as it found it; with the trigger gone, the same call must change something.
 */

const TABLES = [
  'candidates',
  'screenings',
  'screening_items',
  'candidate_events',
  'candidate_scores',
  'vacancies',
  'interviews',
  'scorecards',
  'scorecard_revisions',
  'assignments',
  'grades',
  'files',
  'audit_log',
];

function snapshot(t: TestApp): string {
  return JSON.stringify(TABLES.map((name) => t.db.prepare(`SELECT * FROM ${name} ORDER BY rowid`).all()));
}

const breakAudit = (t: TestApp) =>
  t.db.exec("CREATE TEMP TRIGGER audit_down BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log unavailable'); END");
const mendAudit = (t: TestApp) => t.db.exec('DROP TRIGGER temp.audit_down');

const RESUME = `Иван Петров
Опыт работы
03.2016 — настоящее время  ООО «Напитки», менеджер по работе с ключевыми клиентами
Вёл федеральные сети (X5, Магнит), переговоры, выполнение плана продаж 105%.
Образование: МГУ, экономический факультет, 2012. Английский — B2. CRM: Salesforce.`;

interface World {
  t: TestApp;
  repos: Repos;
  actor: Actor & { userId: number };
  candidateId: number;
  dataDir: string;
}

async function world(): Promise<World> {
  const t = buildApp();
  const repos = createRepos(t.db);
  const hr = await makeUser(t.db, { role: 'hr' });
  const actor = { userId: hr, userName: 'Test HR', ip: '127.0.0.1' };
  const dataDir = t.dataDir;
  const r = addCandidate(
    repos,
    fileStore(dataDir),
    {
      vacancyId: t.demoVacancyId,
      checklist: repos.vacancies.checklist(t.demoVacancyId),
      policy: repos.vacancies.verdictPolicy(t.demoVacancyId),
      fullName: 'Иван Петров',
      email: 'ivan@example.org',
      phone: null,
      source: 'hh',
      consentAt: '2026-01-10',
      consentVersion: CONSENT_VERSION,
      coverLetter: null,
      resume: await prepareResume({ text: RESUME }),
      createdBy: hr,
      allowDuplicate: false,
    },
    actor,
  );
  if (!r.ok) throw new Error('setup: duplicate');
  return { t, repos, actor, candidateId: r.id, dataDir };
}

/** The use-case fails whole while the audit log is down, and changes something once it is back. */
function atomic(w: World, run: () => unknown): void {
  const before = snapshot(w.t);
  breakAudit(w.t);
  expect(run).toThrow(/audit log unavailable/);
  expect(snapshot(w.t)).toBe(before);
  mendAudit(w.t);
  run();
  expect(snapshot(w.t)).not.toBe(before);
}

const score = (w: World) => w.repos.scores.get(w.candidateId);

describe('use-cases write the change, the score and the audit line together', () => {
  it('add a candidate', async () => {
    const w = await world();
    const input = {
      vacancyId: w.t.demoVacancyId,
      checklist: w.repos.vacancies.checklist(w.t.demoVacancyId),
      policy: w.repos.vacancies.verdictPolicy(w.t.demoVacancyId),
      fullName: 'Мария Сидорова',
      email: 'maria@example.org',
      phone: null,
      source: 'referral',
      consentAt: '2026-01-10',
      consentVersion: CONSENT_VERSION,
      coverLetter: null,
      resume: await prepareResume({ text: `${RESUME}\nМария Сидорова` }),
      createdBy: w.actor.userId,
      allowDuplicate: true,
    };
    atomic(w, () => addCandidate(w.repos, fileStore(w.dataDir), input, w.actor));
    const added = w.repos.candidates.idsForVacancy(w.t.demoVacancyId).filter((id) => id !== w.candidateId);
    expect(added).toHaveLength(1);
    expect(w.repos.scores.get(added[0]!)).toBeDefined();
  });

  it('confirm a screening item, screen again (one and all)', async () => {
    const w = await world();
    const item = w.repos.candidates.screening(w.candidateId)!.items.find((i) => i.status === 'met')!;
    const scoreBefore = score(w)!.result;
    atomic(w, () => setScreeningItem(w.repos, { id: w.candidateId, vacancyId: w.t.demoVacancyId }, item.key, 'not_met', w.actor));
    expect(score(w)!.result).not.toEqual(scoreBefore);
    // Screening again keeps the confirmation, so the score stays; the event and the audit line are the change.
    atomic(w, () => screenAgain(w.repos, w.repos.candidates.get(w.candidateId)!, w.actor));
    atomic(w, () => screenVacancyAgain(w.repos, w.t.demoVacancyId, w.actor));
  });

  it('decide and move stage', async () => {
    const w = await world();
    atomic(w, () =>
      decide(w.repos, w.repos.candidates.get(w.candidateId)!, { decision: 'pass', reason: 'Сильный опыт с сетями' }, w.actor),
    );
    expect(w.repos.candidates.get(w.candidateId)!.stage).toBe('interview');
    atomic(w, () => moveStage(w.repos, w.repos.candidates.get(w.candidateId)!, 'offer', 'после интервью', w.actor));
    expect(w.repos.candidates.get(w.candidateId)!.stage).toBe('offer');
  });

  it('edit a vacancy (every score refreshed)', async () => {
    const w = await world();
    const v = w.repos.vacancies.findById(w.t.demoVacancyId)!;
    const profile = { ...v.profile, stageWeights: { ...v.profile.stageWeights, screening: 40 } };
    atomic(w, () =>
      updateVacancy(
        w.repos,
        v.id,
        { slug: v.slug, titleRu: v.titleRu, titleEn: v.titleEn, department: v.department, targetGrade: v.targetGrade },
        profile,
        w.actor,
      ),
    );
  });

  it('submit and amend a scorecard', async () => {
    const w = await world();
    const interviewer = await makeUser(w.t.db, { role: 'interviewer' });
    const iid = w.repos.interviews.create(
      {
        candidateId: w.candidateId,
        stage: 'competency',
        scheduledAt: '2026-02-01T10:00:00.000Z',
        durationMin: 60,
        location: null,
        createdBy: w.actor.userId,
      },
      [interviewer],
      [],
    );
    const card = w.repos.interviews.scorecardFor(iid, interviewer)!;
    const me = { userId: interviewer, userName: 'Test interviewer', ip: null };
    const ref = { scorecard: card, interviewId: iid, candidateId: w.candidateId };
    const data = {
      notes: {},
      ratings: { negotiation: 5, client_relationships: 4 },
      cases: {},
      recommendation: 'strong_yes' as const,
      summary: 'Сильный переговорщик',
    };
    atomic(w, () => submitScorecard(w.repos, ref, { version: card.version, data }, me));
    expect(w.repos.interviews.scorecardFor(iid, interviewer)!.status).toBe('submitted');
    const withRatings = score(w)!.result;
    atomic(w, () => amendScorecard(w.repos, ref, 'Перепутал оценки', me));
    expect(score(w)!.result).not.toEqual(withRatings);
  });

  it('grade a take-home task', async () => {
    const w = await world();
    const grader = await makeUser(w.t.db, { role: 'interviewer' });
    const task = w.repos.bank.get('task-sales-plan', 'en')!;
    const aid = w.repos.assignments.create(
      {
        candidateId: w.candidateId,
        kind: 'task',
        itemId: task.id,
        lang: 'en',
        bankVersion: task.version,
        briefOverride: null,
        code: 'K-T01',
        tokenHash: 'x'.repeat(64),
        deadlineAt: '2030-01-01T00:00:00.000Z',
        graceHours: 24,
        createdBy: w.actor.userId,
      },
      [grader],
    );
    w.repos.assignments.submit(aid, { body: 'План продаж', link: null, late: false, key: 'k-1' }, []);
    const scores = Object.fromEntries(rubricOf(task.meta as TaskMeta).map((c) => [c.id, 4]));
    const before = score(w)!.result;
    atomic(w, () =>
      grade(
        w.repos,
        { id: aid, code: 'K-T01', candidateId: w.candidateId },
        { version: 1, scores, comment: 'Хорошо' },
        { userId: grader, userName: 'Grader', ip: null },
      ),
    );
    expect(score(w)!.result).not.toEqual(before);
  });

  it('erase on request: no half-erased candidate', async () => {
    const w = await world();
    atomic(w, () => eraseCandidate(w.repos, w.dataDir, w.candidateId, w.actor));
    expect(w.repos.candidates.get(w.candidateId)!.fullName).toBe(`#${w.candidateId}`);
  });
});
