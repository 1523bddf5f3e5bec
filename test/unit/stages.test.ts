import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listMigrations, migrate, openDatabase } from '../../src/db/connection.js';
import { offersRepo } from '../../src/db/offers.js';
import { cumulativeReached, FUNNEL, furtherStage, stageAfterWork } from '../../src/domain/funnel.js';
import { PIPELINE, type PipelineStage } from '../../src/domain/candidate.js';
import { approvalStep, canSeeOffer } from '../../src/domain/policy.js';
import { candidateLang, defaultStartDate, offerDefaults, outsideRange, textLang } from '../../src/domain/offer.js';
import { seedDemoVacancy } from '../../src/bootstrap.js';

describe('stages that move themselves', () => {
  it('move forward to the stage the work defines, never backwards, never out of an ended journey', () => {
    expect(stageAfterWork('new', 'interview_scheduled')).toBe('interview');
    expect(stageAfterWork('screening', 'take_home_assigned')).toBe('take_home');
    expect(stageAfterWork('interview', 'take_home_assigned')).toBe('take_home');
    expect(stageAfterWork('take_home', 'offer_proposed')).toBe('offer');
    expect(stageAfterWork('take_home', 'interview_scheduled')).toBeNull();
    expect(stageAfterWork('offer', 'take_home_assigned')).toBeNull();
    expect(stageAfterWork('interview', 'interview_scheduled')).toBeNull();
    expect(stageAfterWork('rejected', 'interview_scheduled')).toBeNull();
    expect(stageAfterWork('hired', 'offer_proposed')).toBeNull();
  });

  it('keep the furthest stage reached; "rejected" is not a step', () => {
    expect(furtherStage('interview', 'screening')).toBe('interview');
    expect(furtherStage('screening', 'offer')).toBe('offer');
    expect(furtherStage('interview', 'rejected')).toBe('interview');
    expect(furtherStage('rejected', 'rejected')).toBe('new');
  });

  it('make a cumulative funnel: each stage counts everyone who reached it or a later one', () => {
    expect(cumulativeReached({ new: 5, screening: 0, interview: 3, take_home: 1, offer: 0, hired: 2 })).toEqual({
      new: 11,
      screening: 6,
      interview: 6,
      take_home: 3,
      offer: 2,
      hired: 2,
    });
    expect(cumulativeReached({})).toEqual({ new: 0, screening: 0, interview: 0, take_home: 0, offer: 0, hired: 0 });
    // Never goes down from one stage to the one before it.
    const r = cumulativeReached({ new: 1, interview: 4, hired: 1 });
    for (let i = 1; i < FUNNEL.length; i++) expect(r[FUNNEL[i]!]).toBeLessThanOrEqual(r[FUNNEL[i - 1]!]);
  });
});

describe('the furthest stage in the database (migration 017)', () => {
  it('ranks stages in the order of FUNNEL', () => {
    const db = openDatabase(':memory:');
    const rows = db.prepare('SELECT stage FROM pipeline_stage_ranks ORDER BY rank').all() as { stage: string }[];
    expect(rows.map((r) => r.stage)).toEqual([...FUNNEL]);
  });

  it('keeps furthest_stage and vacancy_furthest_counts equal to a recount through any moves, inserts and deletes', () => {
    const db = openDatabase(':memory:');
    const vacancyId = seedDemoVacancy(db)!;
    const insert = db.prepare(
      `INSERT INTO candidates (vacancy_id, full_name, source, stage, consent_at, consent_version, resume_text, resume_sha256)
       VALUES (?, ?, 'hh', ?, '2026-01-01', 'v', '', ?)`,
    );
    const move = db.prepare('UPDATE candidates SET stage = ? WHERE id = ?');
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const furthest = new Map<number, PipelineStage>();
    const ids: number[] = [];
    for (let i = 0; i < 300; i++) {
      const op = rnd(10);
      if (op < 3 || ids.length === 0) {
        const stage = PIPELINE[rnd(PIPELINE.length)]!;
        const id = Number(insert.run(vacancyId, `C${i}`, stage, `sha${i}`).lastInsertRowid);
        ids.push(id);
        furthest.set(id, furtherStage('new', stage));
      } else if (op < 9) {
        const id = ids[rnd(ids.length)]!;
        const stage = PIPELINE[rnd(PIPELINE.length)]!;
        move.run(stage, id);
        furthest.set(id, furtherStage(furthest.get(id)!, stage));
      } else {
        const id = ids.splice(rnd(ids.length), 1)[0]!;
        db.prepare('DELETE FROM candidates WHERE id = ?').run(id);
        furthest.delete(id);
      }
    }
    const stored = db.prepare('SELECT id, furthest_stage AS f FROM candidates').all() as { id: number; f: string }[];
    expect(new Map(stored.map((r) => [r.id, r.f]))).toEqual(furthest);
    const kept = Object.fromEntries(
      offersRepo(db)
        .furthestCounts(vacancyId)
        .map((r) => [r.stage, r.n]),
    );
    const recount: Record<string, number> = {};
    for (const f of furthest.values()) recount[f] = (recount[f] ?? 0) + 1;
    expect(kept).toEqual(recount);
  });

  it('fills the furthest stage of existing candidates from their history and their work, and their language from the resume', () => {
    const db = new Database(':memory:');
    const before = listMigrations().filter((m) => m.version < 17);
    migrate(db, before);
    // The repositories expect the newest schema, so the vacancy is written directly.
    const vacancyId = Number(
      db
        .prepare(
          "INSERT INTO vacancies (slug, title_ru, title_en, department, target_grade, profile) VALUES ('v', 'В', 'V', 'Продажи', 'middle', '{}')",
        )
        .run().lastInsertRowid,
    );
    const add = (name: string, stage: string, resume: string) =>
      Number(
        db
          .prepare(
            `INSERT INTO candidates (vacancy_id, full_name, source, stage, consent_at, consent_version, resume_text, resume_sha256)
             VALUES (?, ?, 'hh', ?, '2026-01-01', 'v', ?, ?)`,
          )
          .run(vacancyId, name, stage, resume, name).lastInsertRowid,
      );
    const rejectedAfterInterview = add('A', 'rejected', 'Менеджер по работе с ключевыми клиентами, сети');
    db.prepare("INSERT INTO candidate_events (candidate_id, kind, old_value, new_value) VALUES (?, 'stage', 'new', 'interview')").run(
      rejectedAfterInterview,
    );
    db.prepare("INSERT INTO candidate_events (candidate_id, kind, old_value, new_value) VALUES (?, 'stage', 'interview', 'rejected')").run(
      rejectedAfterInterview,
    );
    const withTask = add('B', 'screening', 'Key account manager, national chains, FMCG');
    db.prepare(
      `INSERT INTO assignments (candidate_id, kind, item_id, lang, bank_version, code, token_hash, deadline_at, grace_hours)
       VALUES (?, 'task', 'task-x', 'ru', 1, 'K-AAA', 'h', '2026-02-01T00:00:00Z', 24)`,
    ).run(withTask);
    const untouched = add('C', 'new', '');
    migrate(db, listMigrations());
    const row = (id: number) => db.prepare('SELECT furthest_stage AS f, lang FROM candidates WHERE id = ?').get(id);
    expect(row(rejectedAfterInterview)).toEqual({ f: 'interview', lang: 'ru' });
    expect(row(withTask)).toEqual({ f: 'take_home', lang: 'en' });
    expect(row(untouched)).toEqual({ f: 'new', lang: null });
    expect(
      offersRepo(db)
        .furthestCounts(vacancyId)
        .sort((a, b) => a.stage.localeCompare(b.stage)),
    ).toEqual([
      { stage: 'interview', n: 1 },
      { stage: 'new', n: 1 },
      { stage: 'take_home', n: 1 },
    ]);
  });
});

describe('offer rules', () => {
  const head = { id: 1, role: 'department_head' as const, department: 'Коммерческий отдел' };
  const otherHead = { id: 2, role: 'department_head' as const, department: 'Логистика' };
  const hr = { id: 3, role: 'hr' as const, department: null };
  const director = { id: 4, role: 'admin' as const, department: null };
  const vacancy = { department: 'коммерческий  ОТДЕЛ' };
  const pending = { status: 'pending', headApprovedAt: null, secondApproverId: 4, secondApprovedAt: null };

  it('let the head of the department and the named second approver approve, each once; HR and other heads not', () => {
    expect(approvalStep(head, vacancy, pending)).toBe('head');
    expect(approvalStep(director, vacancy, pending)).toBe('second');
    expect(approvalStep(hr, vacancy, pending)).toBeNull();
    expect(approvalStep(otherHead, vacancy, pending)).toBeNull();
    expect(approvalStep(head, vacancy, { ...pending, headApprovedAt: 'x' })).toBeNull();
    expect(approvalStep(director, vacancy, { ...pending, secondApprovedAt: 'x' })).toBeNull();
    expect(approvalStep(director, vacancy, { ...pending, secondApproverId: null })).toBeNull();
    expect(approvalStep(head, vacancy, { ...pending, status: 'approved' })).toBeNull();
    expect(canSeeOffer(otherHead, vacancy, null)).toBe(false);
    expect(canSeeOffer(otherHead, vacancy, 2)).toBe(true);
    expect(canSeeOffer(head, vacancy, null)).toBe(true);
    expect(canSeeOffer(hr, vacancy, null)).toBe(true);
  });

  it('start from the vacancy profile and the candidate language', () => {
    const vacancy = {
      targetGrade: 'middle' as const,
      profile: { compensation: { salaryMin: 150000, salaryMax: 221000, currency: 'RUB' as const, bonusPctMin: 5, bonusPctMax: 15 } },
    };
    expect(offerDefaults(vacancy, 'senior', '2026-12-02')).toEqual({
      grade: 'senior',
      baseSalary: 186000,
      currency: 'RUB',
      bonusPct: 15,
      startDate: '2027-01-04',
    });
    expect(defaultStartDate('2026-12-02')).toBe('2027-01-04'); // a Monday at least 28 days on
    expect(new Date('2027-01-04T00:00:00Z').getUTCDay()).toBe(1);
    const noRange = { ...vacancy, profile: { compensation: { ...vacancy.profile.compensation, salaryMin: null, bonusPctMax: null } } };
    expect(offerDefaults(noRange, null, '2026-12-02')).toMatchObject({ grade: 'middle', baseSalary: 221000, bonusPct: 5 });
    expect(outsideRange(300000, vacancy.profile.compensation)).toBe('above');
    expect(outsideRange(100000, vacancy.profile.compensation)).toBe('below');
    expect(outsideRange(200000, vacancy.profile.compensation)).toBeNull();
    expect(textLang('Опыт работы: менеджер по ключевым клиентам')).toBe('ru');
    expect(textLang('Key account manager at a dairy company')).toBe('en');
    expect(textLang('')).toBe('ru');
    expect(candidateLang({ lang: 'en', resumeText: 'Опыт работы' })).toBe('en');
    expect(candidateLang({ lang: null, resumeText: 'Experience in FMCG sales' })).toBe('en');
  });
});
