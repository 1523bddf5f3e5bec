import ejs from 'ejs';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ejsViewEngine } from '../../src/web/view-engine.js';
import { ROUTES } from '../../src/web/routes.js';
import { buildWorld, type Persona, type PersonaName, type World } from '../helpers/world.js';

/*
 * Oracle for the app's view engine (src/web/view-engine.ts compiles templates without ejs's
 * `with` block): every page the app renders while a crawl walks all GET routes as every persona, and
 * a set of forms posted with mistakes, is rendered again by ejs.renderFile with the very same data.
 * The two outputs must be identical, and every page template must have been rendered at least once.
 */

const VIEWS = join(process.cwd(), 'views');

interface Rendered {
  file: string;
  data: Record<string, unknown>;
  html: string;
}

function listViews(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listViews(join(dir, e.name)) : e.name.endsWith('.ejs') ? [join(dir, e.name)] : [],
  );
}

function fill(path: string, w: World): string {
  const { ids } = w;
  const segments = path.split('/');
  return segments
    .map((seg, i) => {
      if (!seg.startsWith(':')) return seg;
      const before = segments[i - 1] ?? '';
      const byName: Record<string, string | number | undefined> = {
        id:
          segments[1] === 'bank'
            ? ids.bankId
            : (
                {
                  vacancies: ids.vacancyId,
                  candidates: ids.candidateId,
                  interviews: ids.interviewId,
                  assignments: ids.assignmentId,
                  users: ids.targetUserId,
                  'decision-reasons': ids.reasonId,
                  outbox: ids.outboxId,
                } as Record<string, number>
              )[before],
        lang: ids.bankLang,
        index: 0,
        template: 'rejection.en',
        itemId: ids.checklistItemId,
        kitId: ids.kitItemId,
        key: ids.checklistKey,
        code: ids.code,
        feed: `${ids.feedToken}.ics`,
        slotToken: ids.slotToken,
        token: segments[1] === 'consent' ? ids.consentToken : ids.token,
        fileId: ids.submissionFileId,
      };
      return encodeURIComponent(String(byName[seg.slice(1)]));
    })
    .join('/');
}

describe('the view engine against ejs.renderFile', () => {
  const rendered: Rendered[] = [];
  let w: World;

  beforeAll(async () => {
    w = await buildWorld();
    const engine = ejsViewEngine();
    w.t.app.engine('ejs', (file: string, options: object, done: (e: unknown, html?: string) => void) => {
      engine(file, options, (e, html) => {
        if (!e && html !== undefined) rendered.push({ file, data: options as Record<string, unknown>, html });
        done(e, html);
      });
    });

    const as = (name: PersonaName): Persona => w.personas[name];
    const personas: PersonaName[] = ['admin', 'hr', 'interviewer', 'department_head', 'grader_head', 'anonymous'];
    for (const name of personas) {
      for (const r of ROUTES.filter((x) => x.method === 'get' && !x.path.includes('/files/') && !x.path.endsWith('/resume'))) {
        await as(name).agent.get(fill(r.path, w)).set('Accept', 'text/html');
      }
    }
    // Forms posted with mistakes: the pages that show field errors and keep what was typed.
    const hr = as('hr');
    const admin = as('admin');
    const post = (p: Persona, url: string, body: Record<string, unknown>) =>
      p.agent
        .post(url)
        .type('form')
        .set('Accept', 'text/html')
        .send({ _csrf: p.csrf, ...body });
    const v = w.ids.vacancyId;
    const c = w.ids.candidateId;
    await post(hr, '/vacancies', { title_ru: '', title_en: '', department: ' ' });
    await post(hr, `/vacancies/${v}`, { title_ru: '', title_en: '' });
    await post(hr, `/vacancies/${v}/checklist`, { label_ru: '', label_en: '', kind: 'x', weight: '9' });
    await post(hr, `/vacancies/${v}/candidates`, { full_name: '', email: 'not-an-email', resume_text: '' });
    await post(hr, `/candidates/${c}/interviews`, { stage: 'x', date: 'tomorrow' });
    await post(hr, `/candidates/${c}/assignments`, { item: 'task:none', date: '' });
    await post(hr, `/candidates/${c}/erase`, { confirm: 'someone else' });
    await post(admin, '/admin/users', { username: '', role: 'department_head', department: '' });
    await post(admin, `/admin/users/${w.ids.targetUserId}`, { display_name: '', role: 'department_head', department: '' });
    await post(admin, `/admin/users/${w.ids.targetUserId}/password`, {});
    await post(admin, '/admin/privacy', { months: 'many' });
    await post(hr, `/candidates/${c}/consent/record`, { source: 'fax', date: 'tomorrow' });
    await post(hr, `/vacancies/${v}/reminders`, { scorecard_hours: '0', grading_days: '' });
    await post(hr, '/account/notifications', { reminders: 'maybe', time_zone: 'Nowhere/Else' });
    await post(as('anonymous'), `/consent/${w.ids.consentToken}`, { action: 'maybe' });
    await post(as('grader_head'), `/grading/${w.ids.code}`, { comment: 'x'.repeat(10) });
    await post(as('anonymous'), '/login', { username: 'nobody', password: 'wrong' });
    // Pages shown after a successful post: a new user's password, a new private link.
    await post(admin, `/admin/users/${w.ids.targetUserId}/password`, { mode: 'generate' });
    await post(admin, '/admin/users', {
      username: 'oracle.user',
      display_name: 'Oracle',
      email: '',
      role: 'interviewer',
      department: '',
      password: '',
    });
    await post(hr, `/assignments/${w.ids.assignmentId}/link`, {});
    // Calendar and self-scheduling: forms with mistakes, an overlap warning, a new slot link, a new feed address.
    const i = w.ids.interviewId;
    await post(hr, `/interviews/${i}/reschedule`, { date: '', time: '25:00', duration_min: '5' });
    await post(hr, `/interviews/${i}/cancel`, { send_to_candidate: '1', mail_subject: '' });
    await post(hr, `/candidates/${c}/interviews`, {
      stage: 'competency',
      date: new Date(Date.now() + 86400_000).toISOString().slice(0, 10),
      time: '14:30',
      duration_min: '60',
      interviewers: String(as('interviewer').userId),
    });
    await post(hr, `/candidates/${c}/slots`, { stage: 'x', slot1_date: 'soon', duration_min: '1', expires_days: '99' });
    await post(hr, `/candidates/${c}/slots`, {
      stage: 'competency',
      duration_min: '30',
      expires_days: '2',
      interviewers: String(as('interviewer').userId),
      slot1_date: new Date(Date.now() + 9 * 86400_000).toISOString().slice(0, 10),
      slot1_time: '10:00',
      slot2_date: new Date(Date.now() + 9 * 86400_000).toISOString().slice(0, 10),
      slot2_time: '11:00',
    });
    await post(as('anonymous'), `/s/${w.ids.slotToken}`, {});
    await post(as('interviewer'), '/calendar/time-zone', { time_zone: 'Nowhere/Town' });
    await post(as('interviewer'), '/calendar/feed', { action: 'create' });
    // Decision day: forms with mistakes, then an offer proposed so its letter renders.
    await post(hr, `/candidates/${c}/decision`, { decision: 'reject', reason: '' });
    await post(hr, `/candidates/${c}/outcome`, { outcome_note: 'x' });
    await post(hr, `/vacancies/${v}/offer-settings`, { second_approver: '999999' });
    await post(admin, '/admin/decision-reasons', { kind: 'company', label_ru: '', label_en: 'x' });
    await post(admin, `/admin/decision-reasons/${w.ids.reasonId}`, { kind: 'x', label_ru: '', label_en: '' });
    await post(hr, `/candidates/${c}/offer`, { grade: 'middle', base_salary: 'x', currency: 'RUB', start_date: '', lang: 'ru' });
    const start = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await post(hr, `/candidates/${c}/offer`, { grade: 'middle', base_salary: '180000', currency: 'RUB', start_date: start, lang: 'ru' });
    await as('hr').agent.get(`/candidates/${c}/offer/letter`).set('Accept', 'text/html');
    await as('department_head').agent.get(`/candidates/${c}/offer`).set('Accept', 'text/html');
    await as('department_head').agent.get('/approvals').set('Accept', 'text/html');
  }, 120_000);

  it('renders every page template', () => {
    const bodies = new Set(rendered.map((r) => `${String(r.data.bodyView)}.ejs`));
    const pages = listViews(join(VIEWS, 'pages')).map((f) => relative(VIEWS, f));
    expect(pages.filter((p) => !bodies.has(p))).toEqual([]);
    // Every partial is included by a template, so it was rendered with the page that includes it.
    const sources = listViews(VIEWS)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const partials = listViews(join(VIEWS, 'partials')).map((f) => relative(VIEWS, f).replace(/\.ejs$/, ''));
    expect(partials.filter((p) => !sources.includes(p))).toEqual([]);
  });

  it('gives exactly what ejs.renderFile gives for the same data', async () => {
    expect(rendered.length).toBeGreaterThan(100);
    const differing: string[] = [];
    for (const r of rendered) {
      const expected = await ejs.renderFile(r.file, r.data);
      if (expected !== r.html) {
        let at = 0;
        while (at < expected.length && expected[at] === r.html[at]) at += 1;
        differing.push(
          `${String(r.data.bodyView)} at ${at}: ejs ${JSON.stringify(expected.slice(at, at + 80))} vs engine ${JSON.stringify(r.html.slice(at, at + 80))}`,
        );
      }
    }
    expect(differing).toEqual([]);
  });
});
