import { readFileSync } from 'node:fs';
import type request from 'supertest';
import { describe, expect, it } from 'vitest';
import { binaryBody, buildApp, loginAs, type TestApp } from '../helpers/app.js';
import { resumePool, seedCandidates } from '../../bench/lib.js';

const today = () => new Date().toISOString().slice(0, 10);

let seq = 0;
async function addCandidate(t: TestApp, hr: { agent: request.Agent; csrf: string }, name: string, file: string) {
  seq += 1;
  const res = await hr.agent
    .post(`/vacancies/${t.demoVacancyId}/candidates`)
    .type('form')
    .send({
      _csrf: hr.csrf,
      full_name: name,
      email: `pipeline${seq}@example.com`,
      phone: '',
      source: 'hh',
      resume_text: readFileSync(`test/fixtures/resumes/${file}`, 'utf8'),
      consent: '1',
      consent_date: today(),
    });
  return Number(res.headers.location!.split('/').pop());
}

/** The funnel table's "reached" cell of a stage. */
const reached = (html: string, stage: string) => Number(new RegExp(`<th scope="row">${stage}</th><td>(\\d+)</td>`).exec(html)?.[1]);

describe('the pipeline page keeps its funnel until the vacancy changes', () => {
  it('shows every change made through the app or straight in the database (another process)', async () => {
    const t = buildApp();
    const hr = await loginAs(t, 'hr');
    const page = async () => (await hr.agent.get(`/vacancies/${t.demoVacancyId}/pipeline`).expect(200)).text;
    const a = await addCandidate(t, hr, 'Анна Петрова', 'ru_hh_kam_nestle.txt');
    const first = await page();
    expect(reached(first, 'New')).toBe(1);
    expect(reached(first, 'Interview')).toBe(0);
    // Nothing changed: the same funnel, from the kept one.
    expect(reached(await page(), 'New')).toBe(1);

    await addCandidate(t, hr, 'Alexey Smirnov', 'en_programmer.txt');
    expect(reached(await page(), 'New')).toBe(2);

    await hr.agent.post(`/candidates/${a}/decision`).type('form').send({ _csrf: hr.csrf, decision: 'pass', reason: 'ok' }).expect(302);
    expect(reached(await page(), 'Interview')).toBe(1);

    // A write that bypasses the app (a command-line import, another server process) raises the version too.
    const before = t.db.prepare('SELECT version FROM vacancy_versions WHERE vacancy_id = ?').pluck().get(t.demoVacancyId) as number;
    t.db.prepare("UPDATE candidates SET stage = 'rejected' WHERE id = ?").run(a);
    const after = t.db.prepare('SELECT version FROM vacancy_versions WHERE vacancy_id = ?').pluck().get(t.demoVacancyId) as number;
    expect(after).toBeGreaterThan(before);
    const moved = await page();
    expect(reached(moved, 'Interview')).toBe(1);
    expect(reached(moved, 'Rejected')).toBe(1);
    t.db.prepare('DELETE FROM candidates WHERE id = ?').run(a);
    expect(reached(await page(), 'New')).toBe(1);
  });

  it('counts a final decision in the statistics by reason at once, however it was written', async () => {
    const t = buildApp();
    const hr = await loginAs(t, 'hr');
    const id = await addCandidate(t, hr, 'Анна Петрова', 'ru_hh_kam_nestle.txt');
    const version = () => t.db.prepare('SELECT version FROM vacancy_versions WHERE vacancy_id = ?').pluck().get(t.demoVacancyId) as number;
    const stats = async () => (await hr.agent.get(`/vacancies/${t.demoVacancyId}/pipeline`).expect(200)).text;
    const reason = t.db.prepare("SELECT id, label_en FROM decision_reasons WHERE kind = 'company' ORDER BY id LIMIT 1").get() as {
      id: number;
      label_en: string;
    };
    expect(await stats()).not.toContain(reason.label_en);
    // Straight into the table (no stage change, no list row touched): the version still moves, the page shows it.
    let v = version();
    t.db
      .prepare("INSERT INTO candidate_outcomes (candidate_id, outcome, reason_id, stage) VALUES (?, 'rejected_by_company', ?, 'new')")
      .run(id, reason.id);
    expect(version()).toBeGreaterThan(v);
    expect(await stats()).toContain(reason.label_en);
    v = version();
    t.db.prepare("UPDATE candidate_outcomes SET outcome = 'declined_by_candidate' WHERE candidate_id = ?").run(id);
    expect(version()).toBeGreaterThan(v);
    v = version();
    t.db.prepare('DELETE FROM candidate_outcomes WHERE candidate_id = ?').run(id);
    expect(version()).toBeGreaterThan(v);
    expect(await stats()).not.toContain(reason.label_en);
  });
});

describe('the CSV export', () => {
  it('sends every candidate once, in id order, across its pages', async () => {
    const t = buildApp();
    const hr = await loginAs(t, 'hr');
    const rows = 1_234; // more than two pages of 500
    seedCandidates(t.db, t.demoVacancyId, rows, 7, undefined, { pool: resumePool(20, 7) });
    const res = await hr.agent.get(`/vacancies/${t.demoVacancyId}/export.csv`).buffer(true).parse(binaryBody).expect(200);
    const lines = (res.body as Buffer).toString('utf8').trim().split('\r\n');
    const ids = lines.slice(1).map((l) => Number(l.split(',')[0]));
    const expected = (
      t.db.prepare('SELECT id FROM candidates WHERE vacancy_id = ? ORDER BY id').pluck().all(t.demoVacancyId) as number[]
    ).map(Number);
    expect(ids).toEqual(expected);
    expect(ids.length).toBe(rows);
  });
});

describe('the count of candidates waiting for a decision', () => {
  it('is kept by triggers equal to counting them', async () => {
    const t = buildApp();
    seedCandidates(t.db, t.demoVacancyId, 300, 3, undefined, { pool: resumePool(10, 3) });
    const counted = () =>
      t.db
        .prepare(
          `SELECT COUNT(*) FROM candidate_list WHERE vacancy_id = ? AND verdict IS NOT NULL AND decision IS NULL AND stage IN ('new', 'screening')`,
        )
        .pluck()
        .get(t.demoVacancyId);
    const kept = () => t.db.prepare('SELECT n FROM vacancy_waiting_counts WHERE vacancy_id = ?').pluck().get(t.demoVacancyId);
    expect(kept()).toBe(counted());
    const ids = t.db
      .prepare('SELECT id FROM candidates WHERE vacancy_id = ? ORDER BY id LIMIT 40')
      .pluck()
      .all(t.demoVacancyId) as number[];
    for (const id of ids.slice(0, 10)) t.db.prepare("UPDATE candidates SET stage = 'interview' WHERE id = ?").run(id);
    for (const id of ids.slice(10, 20)) t.db.prepare("UPDATE screenings SET decision = 'pass' WHERE candidate_id = ?").run(id);
    for (const id of ids.slice(20, 30)) t.db.prepare('DELETE FROM candidates WHERE id = ?').run(id);
    for (const id of ids.slice(30, 40)) t.db.prepare("UPDATE candidates SET stage = 'new' WHERE id = ?").run(id);
    expect(kept()).toBe(counted());
    expect(Number(counted())).toBeGreaterThan(0);
  });
});
