import { describe, expect, it } from 'vitest';
import { createRepos, type Repos } from '../../src/db/repos.js';
import type { CaseMeta, TaskMeta } from '../../src/domain/bank/schema.js';
import { gradePercent, rubricOf } from '../../src/domain/assignment.js';
import { CONSENT_VERSION } from '../../src/domain/candidate.js';
import { SYSTEM_ACTOR } from '../../src/services/audit.js';
import { addCandidate } from '../../src/services/candidates.js';
import { scoringInput } from '../../src/services/scores.js';
import { prepareResume } from '../../src/services/screening.js';
import { fileStore } from '../../src/storage/files.js';
import { buildApp, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

// scoringInput gathers what the scoring engine needs about one candidate from the stores.

const RESUME = `Анна Смирнова
Опыт работы
01.2015 — настоящее время  ООО «Молоко», менеджер по работе с ключевыми клиентами
Федеральные сети, годовые переговоры, план продаж выполнен на 110%.
Образование: высшее экономическое, 2013.`;

async function candidate(t: TestApp, repos: Repos): Promise<number> {
  const r = addCandidate(
    repos,
    fileStore(t.dataDir),
    {
      vacancyId: t.demoVacancyId,
      checklist: repos.vacancies.checklist(t.demoVacancyId),
      policy: repos.vacancies.verdictPolicy(t.demoVacancyId),
      fullName: 'Анна Смирнова',
      email: null,
      phone: null,
      source: 'hh',
      consentAt: '2026-01-10',
      consentVersion: CONSENT_VERSION,
      coverLetter: null,
      resume: await prepareResume({ text: RESUME }),
      createdBy: null,
      allowDuplicate: false,
    },
    SYSTEM_ACTOR,
  );
  if (!r.ok) throw new Error('duplicate');
  return r.id;
}

function interview(repos: Repos, candidateId: number, panel: number[], kit: { kind: 'question' | 'case'; itemId: string }[]) {
  const id = repos.interviews.create(
    { candidateId, stage: 'competency', scheduledAt: '2026-02-01T10:00:00.000Z', durationMin: 60, location: null, createdBy: panel[0]! },
    panel,
    kit.map((k) => ({ ...k, bankVersions: repos.bank.currentVersions(k.itemId), reason: 'added' })),
  );
  return { id, kit: repos.interviews.kit(id), card: (u: number) => repos.interviews.scorecardFor(id, u)! };
}

describe('scoringInput', () => {
  it('is null for a candidate that does not exist', () => {
    const t = buildApp();
    expect(scoringInput(createRepos(t.db), 999)).toBeNull();
  });

  it('takes the weights from the vacancy and the screening statuses with their checklist kind and weight', async () => {
    const t = buildApp();
    const repos = createRepos(t.db);
    const id = await candidate(t, repos);
    const v = repos.vacancies.findById(t.demoVacancyId)!;
    const got = scoringInput(repos, id)!;
    expect(got.input.stageWeights).toEqual(v.profile.stageWeights);
    expect(got.input.competencyWeights).toEqual(v.profile.competencyWeights);
    expect(got.input.gradeLevels).toEqual(v.profile.gradeLevels);
    const checklist = repos.vacancies.checklist(v.id);
    const statuses = new Map(repos.candidates.screening(id)!.items.map((i) => [i.key, i.status]));
    const byKey = <T extends { key: string }>(xs: T[]) => [...xs].sort((a, b) => a.key.localeCompare(b.key));
    expect(byKey(got.input.screening!.items)).toEqual(
      byKey(checklist.map((c) => ({ key: c.key, kind: c.kind, weight: c.weight, status: statuses.get(c.key)! }))),
    );
    expect(got.input.ratings).toEqual([]);
    expect(got.input.cases).toEqual([]);
    expect(got.input.takeHome).toEqual([]);
    expect(got.disagreement).toBe(false);
  });

  it('drops screening items whose checklist item was deleted since', async () => {
    const t = buildApp();
    const repos = createRepos(t.db);
    const id = await candidate(t, repos);
    const gone = repos.vacancies.checklist(t.demoVacancyId)[0]!;
    repos.vacancies.deleteChecklistItem(t.demoVacancyId, gone.id);
    expect(scoringInput(repos, id)!.input.screening!.items.map((i) => i.key)).not.toContain(gone.key);
  });

  it('counts submitted scorecards only, not drafts nor cancelled interviews, with cases scored live', async () => {
    const t = buildApp();
    const repos = createRepos(t.db);
    const id = await candidate(t, repos);
    const [u1, u2, u3] = [
      await makeUser(t.db, { role: 'interviewer' }),
      await makeUser(t.db, { role: 'interviewer' }),
      await makeUser(t.db, { role: 'interviewer' }),
    ];
    const iv = interview(repos, id, [u1, u2], [{ kind: 'case', itemId: 'case-client-leaving' }]);
    const caseKit = iv.kit.find((k) => k.kind === 'case')!;
    const caseMeta = repos.bank.atVersion<CaseMeta>('case-client-leaving', 'en', caseKit.bankVersions.en!)!.meta;
    const criteria = rubricOf(caseMeta);
    const caseScores = Object.fromEntries(criteria.map((c, n) => [c.id, n === 0 ? c.min : c.max]));
    const submitted = iv.card(u1);
    repos.interviews.submit(
      submitted.id,
      submitted.version,
      {
        notes: {},
        ratings: { negotiation: 4, communication: 2 },
        cases: { [`k${caseKit.id}`]: caseScores },
        recommendation: 'yes',
        summary: '',
      },
      u1,
    );
    const draft = iv.card(u2);
    repos.interviews.saveDraft(draft.id, draft.version, {
      notes: {},
      ratings: { negotiation: 1 },
      cases: {},
      recommendation: null,
      summary: '',
    });
    const cancelled = interview(repos, id, [u3], []);
    const c3 = cancelled.card(u3);
    repos.interviews.submit(
      c3.id,
      c3.version,
      { notes: {}, ratings: { negotiation: 5 }, cases: {}, recommendation: 'strong_yes', summary: '' },
      u3,
    );
    repos.interviews.cancel(cancelled.id);

    const got = scoringInput(repos, id)!;
    expect(got.input.ratings).toEqual([
      { rater: `u${u1}`, competency: 'negotiation', rating: 4 },
      { rater: `u${u1}`, competency: 'communication', rating: 2 },
    ]);
    const expected = gradePercent(criteria, caseScores);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(100);
    expect(got.input.cases).toEqual([{ source: `scorecard:${submitted.id}:${caseKit.id}`, percent: expected }]);
    // A case scored only in part gives no percentage yet: it is left out, not counted as zero.
    const again = iv.card(u1);
    repos.interviews.reopen(again.id, 'fix');
    const reopened = iv.card(u1);
    repos.interviews.submit(
      reopened.id,
      reopened.version,
      { ...reopened.data, cases: { [`k${caseKit.id}`]: { ...caseScores, [criteria[0]!.id]: null } } },
      u1,
    );
    expect(scoringInput(repos, id)!.input.cases).toEqual([]);
  });

  it('takes every grader of a take-home task and flags graders 2 or more apart on a criterion', async () => {
    const t = buildApp();
    const repos = createRepos(t.db);
    const id = await candidate(t, repos);
    const [g1, g2] = [await makeUser(t.db, { role: 'interviewer' }), await makeUser(t.db, { role: 'interviewer' })];
    const task = repos.bank.get('task-sales-plan', 'en')!;
    const aid = repos.assignments.create(
      {
        candidateId: id,
        kind: 'task',
        itemId: task.id,
        lang: 'en',
        bankVersion: task.version,
        briefOverride: null,
        code: 'K-S01',
        tokenHash: 'y'.repeat(64),
        deadlineAt: '2030-01-01T00:00:00.000Z',
        graceHours: 0,
        createdBy: g1,
      },
      [g1, g2],
    );
    repos.assignments.submit(aid, { body: 'План', link: null, late: false, key: 'k1' }, []);
    const rubric = rubricOf(task.meta as TaskMeta);
    const high = Object.fromEntries(rubric.map((c) => [c.id, 5]));
    repos.assignments.grade({ assignmentId: aid, graderId: g1, version: 1, scores: high, comment: '' });
    expect(scoringInput(repos, id)!.disagreement).toBe(false);
    const low = { ...high, [rubric[0]!.id]: 3 };
    repos.assignments.grade({ assignmentId: aid, graderId: g2, version: 1, scores: low, comment: '' });
    const got = scoringInput(repos, id)!;
    expect(got.input.takeHome).toEqual([
      { source: `assignment:${aid}:${g1}`, percent: gradePercent(rubric, high) },
      { source: `assignment:${aid}:${g2}`, percent: gradePercent(rubric, low) },
    ]);
    expect(got.input.cases).toEqual([]);
    expect(got.disagreement).toBe(true);
  });
});
