import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { binaryBody, buildApp, loginAs, type TestApp } from '../helpers/app.js';
import { csvFormat } from '../../src/domain/csv.js';

// The CSV export is read back with a CSV parser (csv-parse), as a spreadsheet would read it: Russian with `;`,
// decimal commas and Moscow dates; English with `,` and decimal points.

async function exportFor(t: TestApp, lang: 'ru' | 'en', query = '') {
  const hr = await loginAs(t, 'hr', { lang });
  const res = await hr.agent.get(`/vacancies/${t.demoVacancyId}/export.csv${query}`).buffer(true).parse(binaryBody);
  expect(res.status).toBe(200);
  return (res.body as Buffer).toString('utf8');
}

async function world() {
  const t = buildApp();
  const hr = await loginAs(t, 'hr');
  const res = await hr.agent
    .post(`/vacancies/${t.demoVacancyId}/candidates`)
    .type('form')
    .send({
      _csrf: hr.csrf,
      full_name: 'Анна Петрова',
      email: 'anna@example.com',
      phone: '',
      source: 'hh',
      resume_text: readFileSync('test/fixtures/resumes/en_linkedin_pepsico.txt', 'utf8'),
      consent: '1',
      consent_date: new Date().toISOString().slice(0, 10),
    });
  const id = Number(res.headers.location!.split('/').pop());
  // Fractional values and a time just before midnight UTC, which is already the next day in Moscow.
  t.db.prepare('UPDATE screenings SET relevant_years = 10.3 WHERE candidate_id = ?').run(id);
  t.db.prepare('UPDATE candidate_scores SET fit = 67.25 WHERE candidate_id = ?').run(id);
  t.db.prepare("UPDATE candidates SET created_at = '2026-03-01T21:30:00.000Z' WHERE id = ?").run(id);
  return t;
}

const column = (rows: string[][], name: string) => {
  const i = rows[0]!.indexOf(name);
  expect(i, `column ${name}`).toBeGreaterThanOrEqual(0);
  return rows[1]![i]!;
};

describe('CSV export in the reader’s conventions', () => {
  it('Russian: semicolons, decimal commas, local date and time in Moscow', async () => {
    const t = await world();
    const text = await exportFor(t, 'ru');
    const rows = parse(text, { delimiter: ';', bom: true }) as string[][];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('ФИО');
    expect(column(rows, 'Релевантный опыт, лет')).toBe('10,3');
    expect(Number(column(rows, 'Релевантный опыт, лет').replace(',', '.'))).toBe(10.3);
    const fit = rows[0]!.find((h) => /соответств/i.test(h))!;
    expect(Number(column(rows, fit).replace(',', '.'))).toBe(67.25);
    expect(column(rows, 'Добавлен')).toBe('02.03.2026 00:30');
    // No bare dot decimal anywhere, which Russian Excel would read as a date.
    for (const cell of rows[1]!) expect(cell).not.toMatch(/^\d+\.\d+$/);
  });

  it('English: commas and decimal points, the same local time', async () => {
    const t = await world();
    const text = await exportFor(t, 'en');
    const rows = parse(text, { delimiter: ',', bom: true }) as string[][];
    expect(rows).toHaveLength(2);
    expect(Number(column(rows, 'Relevant years'))).toBe(10.3);
    const fit = rows[0]!.find((h) => /fit/i.test(h))!;
    expect(Number(column(rows, fit))).toBe(67.25);
    expect(column(rows, 'Added')).toBe('2026-03-02 00:30');
    for (const cell of rows[1]!) expect(cell).not.toMatch(/^\d+,\d+$/);
  });

  it('formats by the chosen separator and the configured zone', () => {
    expect(csvFormat(';').number(1234.5)).toBe('1234,5');
    expect(csvFormat(',').number('1234.5')).toBe('1234.5');
    expect(csvFormat(';').number(null)).toBe(null);
    expect(csvFormat(',', 'Asia/Vladivostok').dateTime('2026-03-01T21:30:00.000Z')).toBe('2026-03-02 07:30');
    expect(csvFormat(';', 'UTC').dateTime('2026-03-01 21:30:00')).toBe('01.03.2026 21:30');
  });
});
