import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'kam-cli-'));
// A folder of the eleven plain-text rule fixtures only: test/fixtures/resumes also holds the labelled
// set (set/, dozens of PDF/DOCX/RTF files) that the import test is not about.
const resumesDir = mkdtempSync(join(tmpdir(), 'kam-cli-resumes-'));
for (const f of readdirSync('test/fixtures/resumes').filter((n) => n.endsWith('.txt')))
  copyFileSync(join('test/fixtures/resumes', f), join(resumesDir, f));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(resumesDir, { recursive: true, force: true });
});

function run(script: string, args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run screen', () => {
  it('prints one JSON object per file and goes on after an unreadable one', () => {
    const r = run('screen', [
      'test/fixtures/resumes/ru_hh_kam_nestle.txt',
      'test/fixtures/files/resume-en.pdf',
      'test/fixtures/files/resume-ru.docx',
      'test/fixtures/files/scanned.pdf',
      'test/fixtures/files/protected.pdf',
    ]);
    expect(r.code).toBe(1);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(5);
    const first = lines[0] as {
      file: string;
      experience_years: number;
      items: Record<string, { status: string; evidence: string }>;
      verdict: string;
    };
    expect(first.file).toBe('test/fixtures/resumes/ru_hh_kam_nestle.txt');
    expect(first.experience_years).toBeGreaterThan(9);
    expect(Object.keys(first.items)).toEqual(expect.arrayContaining(['experience_3y', 'fmcg', 'key_accounts', 'crm', 'stable_tenure']));
    expect(first.items.fmcg).toMatchObject({ status: 'met' });
    expect(first.verdict).toBe('pass');
    expect(lines[1]).toHaveProperty('verdict');
    expect(lines[2]).toHaveProperty('verdict');
    expect(lines[3]).toEqual({ file: 'test/fixtures/files/scanned.pdf', error: expect.stringContaining('no text layer') });
    expect(lines[4]).toEqual({ file: 'test/fixtures/files/protected.pdf', error: expect.stringContaining('password') });
  });

  it('reads RTF exports (hh.ru table layout) like the other formats', () => {
    const r = run('screen', ['test/fixtures/files/resume-ru.rtf', 'test/fixtures/files/resume-en.rtf']);
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; experience_years: number; verdict: string });
    expect(lines.map((l) => l.file)).toEqual(['test/fixtures/files/resume-ru.rtf', 'test/fixtures/files/resume-en.rtf']);
    // Both jobs were read from the table rows: more than the 7 years of the current one.
    expect(lines[0]!.experience_years).toBeGreaterThan(7);
    expect(lines[1]!.verdict).toMatch(/^(pass|review|reject)$/);
  });

  it('exits 0 when every file was screened, 2 on a usage error', () => {
    expect(run('screen', ['test/fixtures/resumes/en_programmer.txt']).code).toBe(0);
    expect(run('screen', []).code).toBe(2);
    const bad = run('screen', ['--vacancy', 'no-such', 'x.txt']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('no vacancy with the slug "no-such"');
  });
});

describe('npm run import', () => {
  it('imports a folder, reports bad files, and changes nothing on a second run', () => {
    const first = run('import', [
      '--vacancy',
      'kam-middle-fmcg',
      resumesDir,
      'test/fixtures/files/resume-ru.pdf',
      'test/fixtures/files/scanned.pdf',
    ]);
    expect(first.code).toBe(1);
    expect(first.out).toMatch(/Imported: 12 /);
    expect(first.out).toMatch(/Failed: 1\n/);
    expect(first.out).toContain('scanned.pdf: The PDF has no text layer');
    const db = new Database(join(dataDir, 'kam-hire.db'), { readonly: true });
    const count = () => (db.prepare('SELECT COUNT(*) AS n FROM candidates').get() as { n: number }).n;
    expect(count()).toBe(12);
    expect(db.prepare('SELECT COUNT(*) AS n FROM screening_items').get()).toEqual({ n: 12 * 9 });
    expect(db.prepare("SELECT full_name FROM candidates WHERE email = 'dmitry.ivanov@example.com'").get()).toEqual({
      full_name: 'Dmitry Ivanov',
    });

    const second = run('import', ['--vacancy', 'kam-middle-fmcg', resumesDir, 'test/fixtures/files/resume-ru.pdf']);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/Imported: 0 /);
    expect(second.out).toMatch(/Skipped as duplicates: 12/);
    expect(count()).toBe(12);
    db.close();
  });

  it('fills name, e-mail, E.164 phone and city from the resume (an RTF export here)', () => {
    const r = run('import', ['--vacancy', 'kam-middle-fmcg', 'test/fixtures/files/resume-ru.rtf']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Imported: 1 /);
    const db = new Database(join(dataDir, 'kam-hire.db'), { readonly: true });
    expect(
      db.prepare("SELECT full_name, email, phone, phone_norm, city FROM candidates WHERE email = 'anna.kuznetsova@example.ru'").get(),
    ).toEqual({
      full_name: 'Кузнецова Анна Сергеевна',
      email: 'anna.kuznetsova@example.ru',
      phone: '+7 916 555 01 23',
      phone_norm: '+79165550123',
      city: 'Москва',
    });
    db.close();
  });

  it('requires a vacancy', () => {
    const r = run('import', [resumesDir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--vacancy is required');
  });
});
