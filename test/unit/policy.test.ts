import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  canGrade,
  canGradeFor,
  canInterview,
  canSeeVacancy,
  departmentKey,
  interviewAccess,
  sameDepartment,
} from '../../src/domain/policy.js';
import { listMigrations, migrate } from '../../src/db/connection.js';
import { vacanciesRepo } from '../../src/db/vacancies.js';
import { buildApp, loginAs } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

const head = (department: string | null) => ({ id: 7, role: 'department_head' as const, department });

describe('department key', () => {
  it('folds Cyrillic case, outer and inner white space and ё', () => {
    expect(departmentKey('  Коммерческий   ОТДЕЛ ')).toBe('коммерческий отдел');
    expect(departmentKey('Отдел продаж ЁЛКИ')).toBe(departmentKey('отдел продаж елки'));
    expect(sameDepartment('Коммерческий отдел', 'коммерческий ОТДЕЛ')).toBe(true);
    expect(sameDepartment('Коммерческий отдел', 'Логистика')).toBe(false);
    // No department is nobody's: two blanks do not match.
    expect(sameDepartment('', '  ')).toBe(false);
    expect(sameDepartment(null, null)).toBe(false);
  });

  it('is the key SQL stores and filters on, so a head finds their vacancies whatever the case', async () => {
    const t = buildApp();
    const repo = vacanciesRepo(t.db);
    expect(t.db.prepare('SELECT department, department_key FROM vacancies WHERE id = ?').get(t.demoVacancyId)).toEqual({
      department: 'Коммерческий отдел',
      department_key: 'коммерческий отдел',
    });
    expect(repo.listByDepartment('коммерческий ОТДЕЛ').map((v) => v.id)).toEqual([t.demoVacancyId]);
    expect(repo.listByDepartment('Логистика')).toEqual([]);
    // Users store the same key; the department list offers one spelling per department.
    await makeUser(t.db, { role: 'department_head', department: 'коммерческий  ОТДЕЛ' });
    expect(t.db.prepare("SELECT DISTINCT department_key FROM users WHERE role = 'department_head'").all()).toEqual([
      { department_key: 'коммерческий отдел' },
    ]);
    expect(repo.departments().filter((d) => departmentKey(d) === 'коммерческий отдел')).toHaveLength(1);
    // The same head through the pages: the list (SQL), the vacancy page (the policy) and the home page agree.
    const { agent } = await loginAs(t, 'department_head', { department: ' коммерческий  ОТДЕЛ' });
    expect((await agent.get('/vacancies')).text).toContain(`/vacancies/${t.demoVacancyId}`);
    expect((await agent.get(`/vacancies/${t.demoVacancyId}`)).status).toBe(200);
    expect((await agent.get('/')).text).toContain(`/vacancies/${t.demoVacancyId}`);
    const { agent: other } = await loginAs(t, 'department_head', { department: 'Логистика' });
    expect((await other.get('/vacancies')).text).not.toContain(`/vacancies/${t.demoVacancyId}"`);
    expect((await other.get(`/vacancies/${t.demoVacancyId}`)).status).toBe(403);
  });

  it('is filled in for vacancies stored before the key existed', () => {
    const db = new Database(':memory:');
    const all = listMigrations();
    migrate(
      db,
      all.filter((m) => m.version < 11),
    );
    db.prepare(
      "INSERT INTO vacancies (slug, title_ru, title_en, department, target_grade, profile) VALUES ('x', 'x', 'x', '  Коммерческий   ОТДЕЛ', 'middle', '{}')",
    ).run();
    migrate(db, all);
    expect(db.prepare("SELECT department_key FROM vacancies WHERE slug = 'x'").get()).toEqual({ department_key: 'коммерческий отдел' });
  });

  it('is filled in for users stored before users had it (migration 018)', () => {
    const db = new Database(':memory:');
    const all = listMigrations();
    migrate(
      db,
      all.filter((m) => m.version < 18),
    );
    db.prepare(
      "INSERT INTO users (username, display_name, role, department, password_hash) VALUES ('h', 'H', 'department_head', ' КОММЕРЧЕСКИЙ  отдел', 'x')",
    ).run();
    migrate(db, all);
    expect(db.prepare("SELECT department_key FROM users WHERE username = 'h'").get()).toEqual({ department_key: 'коммерческий отдел' });
  });
});

describe('row-level policy', () => {
  const vacancy = { department: 'Коммерческий отдел' };

  it('lets a head see only their department, whatever the spelling', () => {
    expect(canSeeVacancy(head('коммерческий ОТДЕЛ'), vacancy)).toBe(true);
    expect(canSeeVacancy(head('Логистика'), vacancy)).toBe(false);
    expect(canSeeVacancy(head(null), vacancy)).toBe(false);
    expect(canSeeVacancy({ id: 1, role: 'hr', department: null }, vacancy)).toBe(true);
  });

  it('lets an interviewer read the profile only of vacancies where they interview', () => {
    const interviewer = { id: 3, role: 'interviewer' as const, department: null };
    expect(canSeeVacancy(interviewer, vacancy, true)).toBe(true);
    expect(canSeeVacancy(interviewer, vacancy, false)).toBe(false);
    expect(canSeeVacancy(interviewer, vacancy)).toBe(false);
    // Interviewing there gives a head of another department nothing more.
    expect(canSeeVacancy(head('Логистика'), vacancy, true)).toBe(false);
  });

  it('opens an interview to HR, the head of the department and the panel; the panel judges independently', () => {
    expect(interviewAccess({ id: 1, role: 'hr', department: null }, vacancy, false)).toEqual({
      allowed: true,
      canManage: true,
      isInterviewer: false,
      seesAll: true,
    });
    expect(interviewAccess({ id: 1, role: 'hr', department: null }, vacancy, true).seesAll).toBe(false);
    expect(interviewAccess(head('КОММЕРЧЕСКИЙ отдел'), vacancy, false)).toMatchObject({ allowed: true, canManage: false, seesAll: true });
    expect(interviewAccess(head('Логистика'), vacancy, false).allowed).toBe(false);
    expect(interviewAccess({ id: 2, role: 'interviewer', department: null }, vacancy, false).allowed).toBe(false);
    expect(interviewAccess({ id: 2, role: 'interviewer', department: null }, vacancy, true)).toMatchObject({
      allowed: true,
      seesAll: false,
    });
  });

  it('lets graders in only when assigned, and heads only within their department', () => {
    expect(canGrade({ id: 2, role: 'interviewer', department: null }, vacancy, true)).toBe(true);
    expect(canGrade({ id: 2, role: 'interviewer', department: null }, vacancy, false)).toBe(false);
    expect(canGrade(head('коммерческий отдел'), vacancy, true)).toBe(true);
    expect(canGrade(head('Логистика'), vacancy, true)).toBe(false);
    expect(canGradeFor({ role: 'department_head', department: 'Коммерческий  отдел', disabled: 0 }, vacancy.department)).toBe(true);
    expect(canGradeFor({ role: 'department_head', department: 'Логистика', disabled: 0 }, vacancy.department)).toBe(false);
    expect(canGradeFor({ role: 'interviewer', department: null, disabled: 1 }, vacancy.department)).toBe(false);
    expect(canGradeFor({ role: 'hr', department: null, disabled: 0 }, vacancy.department)).toBe(false);
    expect(canInterview({ role: 'hr', disabled: 0 })).toBe(true);
    expect(canInterview({ role: 'admin', disabled: 0 })).toBe(false);
  });
});
