import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { anonymous, buildApp, csrfFrom, type Agent, type TestApp } from './app.js';
import { makeUser, TEST_PASSWORD, vacancyForm } from './factories.js';
import { usersRepo } from '../../src/db/users.js';
import { vacanciesRepo } from '../../src/db/vacancies.js';
import { interviewsRepo } from '../../src/db/interviews.js';
import { createRepos } from '../../src/db/repos.js';
import { DEMO_DEPARTMENT } from '../../src/content/demo-vacancy.js';
import type { Role } from '../../src/domain/roles.js';
import { postAssignment } from './intake.js';

/**
 * One populated app for the hardening suites (access control, fuzzing): every role signed in,
 * and every kind of row a route can name (vacancy, checklist item, candidate with a resume file,
 * interview with a kit, assignment with a submitted file and graders, a vacancy of another department).
 */

export const OTHER_DEPARTMENT = 'Логистика';

/** The five roles of the access table (anonymous included) and the row-level extras. */
export const ROLE_PERSONAS = ['admin', 'hr', 'interviewer', 'department_head', 'anonymous'] as const;
export type RolePersona = (typeof ROLE_PERSONAS)[number];
export const EXTRA_PERSONAS = ['unassigned_interviewer', 'other_head', 'grader_head', 'moved_head'] as const;
export type PersonaName = RolePersona | (typeof EXTRA_PERSONAS)[number];

export interface Persona {
  name: PersonaName;
  /** null for anonymous. */
  role: Role | null;
  userId: number | null;
  username: string | null;
  department: string | null;
  agent: Agent;
  /** The CSRF token of this persona's current session. */
  csrf: string;
  /** What this persona is in the world, for test names and failure messages. */
  about: string;
}

export interface WorldIds {
  /** The demo vacancy (department DEMO_DEPARTMENT): candidate, interview and assignment belong to it. */
  vacancyId: number;
  /** A vacancy of OTHER_DEPARTMENT, with no candidates. */
  otherVacancyId: number;
  /** A checklist item of the demo vacancy (id, key). */
  checklistItemId: number;
  checklistKey: string;
  candidateId: number;
  /** The candidate's uploaded resume is stored: /candidates/:id/resume has a file. */
  candidateFileId: number;
  interviewId: number;
  kitItemId: number;
  assignmentId: number;
  /** Grader-facing code, e.g. K-7Q2. */
  code: string;
  /** The candidate's private link token (see renewToken). */
  token: string;
  /** The candidate's consent link token (consent requested, link valid; renewToken renews it too). */
  consentToken: string;
  /** A file of the candidate's submission (the PDF they attached). */
  submissionFileId: number;
  /** The interviewer's personal calendar feed token (GET /calendar/<token>.ics). */
  feedToken: string;
  /** The candidate's self-scheduling link token (an open offer of two times). */
  slotToken: string;
  /** A user that only exists to be the target of the /admin/users/:id routes (no session depends on it). */
  targetUserId: number;
  bankLang: 'en' | 'ru';
  bankId: string;
  /** A decision reason (of the seeded defaults) for the /admin/decision-reasons/:id routes. */
  reasonId: number;
  /** An outbox message to the candidate, with an .ics attachment (/outbox/:id). */
  outboxId: number;
  /** An outbox message to a user (a reminder), not about any candidate: admins only. */
  userMailId: number;
}

export interface World {
  t: TestApp;
  personas: Record<PersonaName, Persona>;
  ids: WorldIds;
  /** What must never reach a blind grader. */
  candidate: { fullName: string; email: string; phone: string; fileName: string };
  /** Signs the persona in again with a fresh session (e.g. after POST /logout); updates `personas`. */
  relogin: (name: PersonaName) => Promise<Persona>;
  /** Gives the assignment and the consent request new private links (HR may send new ones at any time); updates ids.token and ids.consentToken. */
  renewToken: () => string;
  /** A new checklist item on the demo vacancy, for routes that delete one. */
  freshChecklistItem: () => number;
  /** A new kit item on the interview, for routes that delete one; undefined once the bank is exhausted. */
  freshKitItem: () => number | undefined;
}

const RESUME_PDF = 'test/fixtures/files/resume-ru.pdf';
const SUBMISSION_PDF = 'test/fixtures/files/resume-en.pdf';
const today = () => new Date().toISOString().slice(0, 10);
const future = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

async function signIn(t: TestApp, username: string): Promise<{ agent: Agent; csrf: string }> {
  const { agent, csrf } = await anonymous(t.app);
  const res = await agent.post('/login').type('form').send({ _csrf: csrf, username, password: TEST_PASSWORD });
  if (res.status !== 302) throw new Error(`world: login of ${username} failed with ${res.status}`);
  const home = await agent.get('/');
  return { agent, csrf: csrfFrom(home.text) };
}

function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`world: ${what} missing`);
  return value;
}

export async function buildWorld(opts: Parameters<typeof buildApp>[0] = {}): Promise<World> {
  const t = buildApp(opts);
  const db = t.db;
  const vacancyId = t.demoVacancyId;

  const specs: { name: Exclude<PersonaName, 'anonymous'>; role: Role; department: string | null; about: string }[] = [
    { name: 'admin', role: 'admin', department: null, about: 'administrator' },
    { name: 'hr', role: 'hr', department: null, about: 'HR' },
    { name: 'interviewer', role: 'interviewer', department: null, about: 'interviewer assigned to the interview and as a grader' },
    {
      name: 'department_head',
      role: 'department_head',
      department: DEMO_DEPARTMENT,
      about: 'head of the vacancy department, interviewer and grader',
    },
    { name: 'unassigned_interviewer', role: 'interviewer', department: null, about: 'interviewer assigned to nothing' },
    { name: 'other_head', role: 'department_head', department: OTHER_DEPARTMENT, about: 'head of another department' },
    { name: 'grader_head', role: 'department_head', department: DEMO_DEPARTMENT, about: 'head of the department, grader only (blind)' },
    { name: 'moved_head', role: 'department_head', department: DEMO_DEPARTMENT, about: 'grader head since moved to another department' },
  ];
  const userIds = new Map<PersonaName, number>();
  for (const s of specs) userIds.set(s.name, await makeUser(db, { role: s.role, department: s.department, username: `w_${s.name}` }));
  const targetUserId = await makeUser(db, { role: 'interviewer', username: 'w_target' });

  const personas = {} as Record<PersonaName, Persona>;
  for (const s of specs) {
    const { agent, csrf } = await signIn(t, `w_${s.name}`);
    personas[s.name] = {
      name: s.name,
      role: s.role,
      userId: userIds.get(s.name)!,
      username: `w_${s.name}`,
      department: s.department,
      agent,
      csrf,
      about: s.about,
    };
  }
  const anon = await anonymous(t.app);
  personas.anonymous = {
    name: 'anonymous',
    role: null,
    userId: null,
    username: null,
    department: null,
    agent: anon.agent,
    csrf: anon.csrf,
    about: 'not signed in',
  };

  const hr = personas.hr;
  const id = (name: PersonaName) => String(must(personas[name].userId, name));

  // A candidate added from an uploaded PDF (kept for download), screened on intake, passed by HR.
  const candidate = {
    fullName: 'Петрова Анна Сергеевна',
    email: 'anna.petrova@example.ru',
    phone: '+7 (916) 555-12-34',
    fileName: 'Petrova_Anna_KP.pdf',
  };
  const intake = await hr.agent
    .post(`/vacancies/${vacancyId}/candidates`)
    .field('_csrf', hr.csrf)
    .field('full_name', candidate.fullName)
    .field('email', candidate.email)
    .field('phone', candidate.phone)
    .field('source', 'hh')
    .field('resume_text', '')
    .field('consent', '1')
    .field('consent_date', today())
    .attach('file', readFileSync(RESUME_PDF), 'petrova-resume.pdf');
  if (intake.status !== 302) throw new Error(`world: candidate intake answered ${intake.status}`);
  const candidateId = Number(must(intake.headers.location, 'candidate location').split('/').pop());
  const decided = await hr.agent
    .post(`/candidates/${candidateId}/decision`)
    .type('form')
    .send({ _csrf: hr.csrf, decision: 'pass', reason: 'Strong FMCG background' });
  if (decided.status !== 302) throw new Error(`world: decision answered ${decided.status}`);
  const candidateFileId = must(
    (db.prepare('SELECT file_id FROM candidates WHERE id = ?').get(candidateId) as { file_id: number | null }).file_id,
    'candidate file',
  );

  // An interview with the interviewer and the department head assigned.
  const iv = await hr.agent
    .post(`/candidates/${candidateId}/interviews`)
    .type('form')
    .send({
      _csrf: hr.csrf,
      stage: 'competency',
      date: future(1),
      time: '15:00',
      duration_min: '60',
      location: 'Zoom',
      interviewers: [id('interviewer'), id('department_head')],
    });
  if (iv.status !== 302) throw new Error(`world: scheduling answered ${iv.status}`);
  const interviewId = Number(must(iv.headers.location, 'interview location').split('/').pop());
  const kitItemId = must(
    db.prepare('SELECT id FROM kit_items WHERE interview_id = ? ORDER BY position LIMIT 1').get(interviewId) as { id: number } | undefined,
    'kit item',
  ).id;

  // A take-home task graded blind by two heads of the department (and, as before the blind rule, the panel members).
  const asg = await postAssignment(hr, candidateId, [id('grader_head'), id('moved_head')]);
  if (asg.status !== 200) throw new Error(`world: assigning answered ${asg.status}`);
  const url = must(/value="(http[^"]+\/t\/[^"]+)"/.exec(asg.text)?.[1], 'candidate link');
  let token = must(url.split('/t/')[1], 'token');
  const a = must(
    db.prepare('SELECT id, code FROM assignments WHERE candidate_id = ?').get(candidateId) as { id: number; code: string } | undefined,
    'assignment',
  );
  // The interviewer and the department head sit on the panel, so HR can no longer make them blind graders of
  // this candidate (issue 12); databases from before that rule hold such rows, and the routes must still hold.
  for (const g of ['interviewer', 'department_head'] as const)
    db.prepare('INSERT INTO assignment_graders (assignment_id, user_id, added_by) VALUES (?, ?, ?)').run(a.id, id(g), id('hr'));

  // The candidate submits text and a file through their link (no login).
  const cand = request.agent(t.app);
  const page = await cand.get(`/t/${token}`);
  const key = must(/name="idempotency_key" value="([^"]+)"/.exec(page.text)?.[1], 'idempotency key');
  const sub = await cand
    .post(`/t/${token}`)
    .field('_csrf', csrfFrom(page.text))
    .field('idempotency_key', key)
    .field('body', `Коммерческое предложение.\nС уважением, ${candidate.fullName}\n${candidate.phone}\n${candidate.email}`)
    .field('link', '')
    .attach('files', readFileSync(SUBMISSION_PDF), candidate.fileName);
  if (sub.status !== 303) throw new Error(`world: submission answered ${sub.status}`);
  const submissionFileId = must(
    db
      .prepare('SELECT f.id FROM submission_files f JOIN submissions s ON s.id = f.submission_id WHERE s.assignment_id = ? LIMIT 1')
      .get(a.id) as { id: number } | undefined,
    'submission file',
  ).id;

  // The moved head was assigned as a grader, then changed department: the row-level rule must catch it.
  const users = usersRepo(db);
  const moved = must(users.findById(userIds.get('moved_head')!), 'moved head');
  users.update(moved.id, {
    displayName: moved.display_name,
    email: moved.email,
    role: 'department_head',
    department: OTHER_DEPARTMENT,
    disabled: false,
  });
  personas.moved_head.department = OTHER_DEPARTMENT;

  // A vacancy of another department.
  const other = await hr.agent
    .post('/vacancies')
    .type('form')
    .send({
      ...vacancyForm({ title_ru: 'КАМ логистика', title_en: 'KAM logistics', department: OTHER_DEPARTMENT }),
      _csrf: hr.csrf,
    });
  if (other.status !== 302) throw new Error(`world: vacancy creation answered ${other.status}`);
  const otherVacancyId = Number(must(other.headers.location, 'vacancy location').split('/').pop());

  // The interviewer's calendar feed, and an open offer of two times to the candidate.
  const feedToken = randomBytes(32).toString('base64url');
  db.prepare('INSERT INTO calendar_feeds (user_id, token_hash) VALUES (?, ?)').run(
    must(personas.interviewer.userId, 'interviewer'),
    sha256(feedToken),
  );
  const offer = await hr.agent
    .post(`/candidates/${candidateId}/slots`)
    .type('form')
    .send({
      _csrf: hr.csrf,
      stage: 'final',
      duration_min: '45',
      location: 'Office',
      interviewers: [id('interviewer')],
      expires_days: '7',
      slot1_date: future(5),
      slot1_time: '10:00',
      slot2_date: future(6),
      slot2_time: '10:00',
    });
  if (offer.status !== 200) throw new Error(`world: offering slots answered ${offer.status}`);
  const slotToken = must(/value="http[^"]+\/s\/([^"]+)"/.exec(offer.text)?.[1], 'slot link');

  const checklist = must(
    db.prepare('SELECT id, key FROM vacancy_checklist_items WHERE vacancy_id = ? ORDER BY position LIMIT 1').get(vacancyId) as
      | { id: number; key: string }
      | undefined,
    'checklist item',
  );

  const outbox = createRepos(db).outbox;
  const mailBase = { lang: 'en' as const, subject: 'Your application', text: 'Hello', html: '<p>Hello</p>' };
  const outboxId = outbox.add(
    {
      ...mailBase,
      kind: 'rejection',
      to: { address: 'candidate@example.test' },
      candidateId,
      attachments: [{ filename: 'invite.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }],
    },
    null,
  );
  const userMailId = outbox.add({ ...mailBase, kind: 'scorecard_reminder', to: { address: 'interviewer@example.test' } }, null);
  const ids: WorldIds = {
    outboxId,
    userMailId,
    vacancyId,
    otherVacancyId,
    checklistItemId: checklist.id,
    checklistKey: checklist.key,
    candidateId,
    candidateFileId,
    interviewId,
    kitItemId,
    assignmentId: a.id,
    code: a.code,
    token,
    consentToken: '',
    submissionFileId,
    feedToken,
    slotToken,
    targetUserId,
    bankLang: 'en',
    bankId: 'q-negotiation-01',
    reasonId:
      must(db.prepare('SELECT MAX(id) AS id FROM decision_reasons').get() as { id: number | null } | undefined, 'decision reason').id ?? 0,
  };

  // The candidate has been asked for consent: a valid link, as a request by HR leaves it.
  const renewConsent = () => {
    const consentToken = randomBytes(32).toString('base64url');
    db.prepare(
      `UPDATE candidate_consents SET state = 'requested', token_hash = ?, token_expires_at = ?, requested_at = ? WHERE candidate_id = ?`,
    ).run(sha256(consentToken), new Date(Date.now() + 14 * 86400_000).toISOString(), new Date().toISOString(), candidateId);
    ids.consentToken = consentToken;
  };
  renewConsent();

  let scratch = 0;
  const vacancies = vacanciesRepo(db);
  const interviews = interviewsRepo(db);

  return {
    t,
    personas,
    ids,
    candidate,
    async relogin(name) {
      const p = personas[name];
      if (p.username === null) {
        const fresh = await anonymous(t.app);
        personas[name] = { ...p, agent: fresh.agent, csrf: fresh.csrf };
      } else {
        const fresh = await signIn(t, p.username);
        personas[name] = { ...p, agent: fresh.agent, csrf: fresh.csrf };
      }
      return personas[name];
    },
    renewToken() {
      token = randomBytes(32).toString('base64url');
      db.prepare('UPDATE assignments SET token_hash = ? WHERE id = ?').run(sha256(token), a.id);
      ids.token = token;
      renewConsent();
      return token;
    },
    freshChecklistItem() {
      scratch += 1;
      return vacancies.addChecklistItem(vacancyId, {
        key: `scratch_${scratch}`,
        labelRu: `Временный ${scratch}`,
        labelEn: `Scratch ${scratch}`,
        hintRu: null,
        hintEn: null,
        kind: 'nice_to_have',
        weight: 1,
        keywords: [],
      });
    },
    freshKitItem() {
      const q = db
        .prepare(
          "SELECT id FROM bank_items WHERE kind = 'question' AND lang = 'en' AND id NOT IN (SELECT item_id FROM kit_items WHERE interview_id = ?) ORDER BY id LIMIT 1",
        )
        .get(interviewId) as { id: string } | undefined;
      if (!q) return undefined;
      interviews.addKitItem(interviewId, { kind: 'question', itemId: q.id, bankVersions: { ru: 1, en: 1 }, reason: 'added' });
      return (db.prepare('SELECT id FROM kit_items WHERE interview_id = ? AND item_id = ?').get(interviewId, q.id) as { id: number }).id;
    },
  };
}
