import JSZip from 'jszip';
import mammoth from 'mammoth';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { anonymous, binaryBody, buildApp, csrfFrom, loginAs, type TestApp } from '../helpers/app.js';
import { makeUser, TEST_PASSWORD } from '../helpers/factories.js';
import { postAssignment, postCandidate } from '../helpers/intake.js';

const RESUME = readFileSync('test/fixtures/resumes/ru_hh_kam_nestle.txt', 'utf8');
const NAME = 'Петрова Анна Сергеевна';
const EMAIL = 'anna.petrova@example.ru';
const PHONE = '+7 (916) 555-12-34';

async function as(t: TestApp, username: string) {
  const { agent, csrf } = await anonymous(t.app);
  await agent.post('/login').type('form').send({ _csrf: csrf, username, password: TEST_PASSWORD }).expect(302);
  return { agent, csrf: csrfFrom((await agent.get('/')).text) };
}

async function setup() {
  const t = buildApp();
  const hr = await loginAs(t, 'hr');
  const add = await postCandidate(hr, t.demoVacancyId, { full_name: NAME, email: EMAIL, phone: PHONE, resume_text: RESUME });
  const candidateId = Number(add.headers.location!.split('/').pop());
  const h1 = await makeUser(t.db, { role: 'department_head', username: 'head1', department: 'Коммерческий отдел' });
  const h2 = await makeUser(t.db, { role: 'department_head', username: 'head2', department: 'Коммерческий отдел' });
  await makeUser(t.db, { role: 'department_head', username: 'head3', department: 'Коммерческий отдел' });
  await makeUser(t.db, { role: 'department_head', username: 'logist', department: 'Логистика' });
  const res = await postAssignment(hr, candidateId, [String(h1), String(h2)]);
  expect(res.status).toBe(200);
  const url = /value="(http[^"]+\/t\/[^"]+)"/.exec(res.text)![1]!;
  const token = url.split('/t/')[1]!;
  const a = t.db.prepare('SELECT id, code, token_hash FROM assignments').get() as { id: number; code: string; token_hash: string };
  return { t, hr, candidateId, token, a };
}

async function candidateSubmit(t: TestApp, token: string, fields: Record<string, string>, files: [string, Buffer][] = []) {
  const agent = request.agent(t.app);
  const page = await agent.get(`/t/${token}`);
  const csrf = csrfFrom(page.text);
  const key = /name="idempotency_key" value="([^"]+)"/.exec(page.text)![1]!;
  let req = agent
    .post(`/t/${token}`)
    .field('_csrf', csrf)
    .field('idempotency_key', fields.idempotency_key ?? key);
  for (const [k, v] of Object.entries(fields)) if (k !== 'idempotency_key') req = req.field(k, v);
  for (const [name, buf] of files) req = req.attach('files', buf, name);
  return { res: await req, agent, csrf, key };
}

const PROPOSAL = `Коммерческое предложение для сети «ПродМакс».\nПредлагаю ввести 12 SKU с промо-поддержкой.\n\nС уважением, ${NAME}\n${PHONE}\n${EMAIL}`;

describe('the candidate link', () => {
  it('stores only a hash of the token and shows the brief without login', async () => {
    const { t, token, a } = await setup();
    expect(a.token_hash).not.toContain(token);
    // 31^8 codes: guessing one is hopeless.
    expect(a.code).toMatch(/^K-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const page = await request(t.app).get(`/t/${token}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="ru">');
    expect(page.text).not.toContain('Коммерческий отдел');
    expect(t.db.prepare('SELECT opened_at IS NOT NULL AS o FROM assignments').get()).toEqual({ o: 1 });
  });

  it('refuses an unknown token and an expired link with clear messages', async () => {
    const { t, token } = await setup();
    const unknown = await request(t.app).get('/t/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').set('Accept-Language', 'en');
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('This link is not valid');
    t.db.prepare("UPDATE assignments SET deadline_at = '2020-01-01T00:00:00.000Z'").run();
    const expired = await request(t.app).get(`/t/${token}`).set('Accept-Language', 'en');
    expect(expired.status).toBe(410);
    // The candidate's page speaks the assignment's language (Russian here), whatever the browser says.
    expect(expired.text).toContain('Срок действия ссылки истёк');
  });

  it('accepts text and files, keeps every version, and ignores a double submit', async () => {
    const { t, token } = await setup();
    const pdf = readFileSync('test/fixtures/files/resume-en.pdf');
    const first = await candidateSubmit(t, token, { body: PROPOSAL, link: '' }, [['Petrova_Anna_KP.pdf', pdf]]);
    expect(first.res.status).toBe(303);
    // The same form sent again (double click): no second version.
    const again = await first.agent
      .post(`/t/${token}`)
      .field('_csrf', first.csrf)
      .field('idempotency_key', first.key)
      .field('body', PROPOSAL);
    expect(again.status).toBe(303);
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM submissions').get()).toEqual({ n: 1 });
    const second = await candidateSubmit(t, token, { body: `${PROPOSAL}\nv2`, link: 'https://example.com/deck' });
    expect(second.res.status).toBe(303);
    expect(t.db.prepare('SELECT version, late FROM submissions ORDER BY version').all()).toEqual([
      { version: 1, late: 0 },
      { version: 2, late: 0 },
    ]);
  });

  it('explains empty submissions and wrong files, and saves nothing', async () => {
    const { t, token } = await setup();
    const empty = await candidateSubmit(t, token, { body: '   ', link: '' });
    expect(empty.res.status).toBe(422);
    expect(empty.res.text).toContain('Напишите ответ, приложите файл или дайте ссылку.');
    const exe = await candidateSubmit(t, token, { body: 'x', link: '' }, [['deck.pptx', Buffer.from('MZ\x90\x00not an office file')]]);
    expect(exe.res.status).toBe(422);
    expect(exe.res.text).toContain('deck.pptx');
    const badLink = await candidateSubmit(t, token, { body: 'x', link: 'javascript:alert(1)' });
    expect(badLink.res.status).toBe(422);
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM submissions').get()).toEqual({ n: 0 });
  });

  it('marks a submission after the deadline but within the grace period as late', async () => {
    const { t, token } = await setup();
    t.db.prepare('UPDATE assignments SET deadline_at = ?').run(new Date(Date.now() - 3600_000).toISOString());
    const r = await candidateSubmit(t, token, { body: PROPOSAL, link: '' });
    expect(r.res.status).toBe(303);
    expect(t.db.prepare('SELECT late FROM submissions').get()).toEqual({ late: 1 });
  });
});

describe('blind grading', () => {
  it('never shows the candidate name, e-mail, phone or file name to a grader', async () => {
    const { t, token, a } = await setup();
    await candidateSubmit(t, token, { body: PROPOSAL, link: '' }, [
      ['Petrova_Anna_KP.pdf', readFileSync('test/fixtures/files/resume-en.pdf')],
    ]);
    const head = await as(t, 'head1');
    const list = await head.agent.get('/grading');
    const page = await head.agent.get(`/grading/${a.code}`);
    expect(page.status).toBe(200);
    for (const html of [list.text, page.text]) {
      for (const secret of ['Петрова', 'Анна', 'Сергеевна', EMAIL, '916', 'Petrova_Anna_KP']) expect(html).not.toContain(secret);
    }
    expect(page.text).toContain('Предлагаю ввести 12 SKU');
    expect(page.text).toContain('The download is a clean copy');
    const fileId = /\/grading\/K-[A-Z0-9-]+\/files\/(\d+)/.exec(page.text)![1];
    const file = await head.agent.get(`/grading/${a.code}/files/${fileId}`).buffer(true);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toContain(`${a.code}-v1-1.pdf`);
    expect(file.headers['content-disposition']).not.toContain('Petrova');
  });

  it('masks the candidate in the text of the files graders download, until HR unblinds', async () => {
    const { t, hr, token, a } = await setup();
    const txt = Buffer.from(`Расчёт плана продаж.\nАвтор: ${NAME}, ${EMAIL}, ${PHONE}\nАня`, 'utf8');
    // The DOCX fixture, signed by this candidate instead of its made-up «Соколова Мария Игоревна».
    const zip = await JSZip.loadAsync(readFileSync('test/fixtures/files/resume-ru.docx'));
    zip.file('word/document.xml', (await zip.file('word/document.xml')!.async('string')).replace('Соколова Мария Игоревна', NAME));
    const docx = await zip.generateAsync({ type: 'nodebuffer' });
    await candidateSubmit(t, token, { body: 'Файлы во вложении.', link: '' }, [
      ['plan.txt', txt],
      ['kp.docx', docx],
    ]);
    const head = await as(t, 'head1');
    const page = await head.agent.get(`/grading/${a.code}`);
    const ids = [...page.text.matchAll(/\/grading\/K-[A-Z0-9-]+\/files\/(\d+)/g)].map((m) => m[1]!);
    expect(ids).toHaveLength(2);
    const download = async (id: string): Promise<Buffer> => {
      const res = await head.agent.get(`/grading/${a.code}/files/${id}`).buffer(true).parse(binaryBody);
      expect(res.status).toBe(200);
      return res.body as Buffer;
    };
    const maskedTxt = (await download(ids[0]!)).toString('utf8');
    expect(maskedTxt).toBe('Расчёт плана продаж.\nАвтор: █████ █████ █████, █████, █████\n█████');
    const docxText = (await mammoth.extractRawText({ buffer: await download(ids[1]!) })).value;
    expect(docxText).toContain('█████ █████ █████');
    expect(docxText).toContain('Менеджер по работе с ключевыми клиентами');
    expect(docxText).not.toContain('Петрова');

    await hr.agent.post(`/assignments/${a.id}/unblind`).type('form').send({ _csrf: hr.csrf, reason: 'Финальное обсуждение' }).expect(302);
    expect((await download(ids[0]!)).toString('utf8')).toBe(txt.toString('utf8'));
  });

  it('keeps graders independent, flags disagreement, and lets HR add a grader', async () => {
    const { t, hr, token, a } = await setup();
    await candidateSubmit(t, token, { body: PROPOSAL, link: '' });
    const h1 = await as(t, 'head1');
    const h2 = await as(t, 'head2');
    const page = await h1.agent.get(`/grading/${a.code}`);
    const crits = [...new Set([...page.text.matchAll(/name="scores\[([a-z0-9_-]+)\]"/g)].map((m) => m[1]!))];
    expect(crits.length).toBeGreaterThanOrEqual(4);
    const bad = await h1.agent
      .post(`/grading/${a.code}`)
      .type('form')
      .send({ _csrf: h1.csrf, [`scores[${crits[0]}]`]: '9' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Enter a number from 1 to 5.');
    const send = (agent: typeof h1.agent, csrf: string, score: (i: number) => string, comment: string) =>
      agent
        .post(`/grading/${a.code}`)
        .type('form')
        .send({ _csrf: csrf, comment, ...Object.fromEntries(crits.map((c, i) => [`scores[${c}]`, score(i)])) });
    await send(h1.agent, h1.csrf, () => '4', 'Сильная структура').expect(303);
    // Before grading, head2 does not see head1's scores or comment.
    const before = await h2.agent.get(`/grading/${a.code}`);
    expect(before.text).not.toContain('Сильная структура');
    expect(before.text).not.toContain('Grades side by side');
    await send(h2.agent, h2.csrf, (i) => (i === 0 ? '1' : '4'), 'Слабый расчёт').expect(303);
    const after = await h2.agent.get(`/grading/${a.code}`);
    expect(after.text).toContain('disagree');
    expect(after.text).toContain('Grades side by side');
    // A second grade by the same grader changes nothing.
    await send(h2.agent, h2.csrf, () => '5', 'again').expect(303);
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM grades').get()).toEqual({ n: 2 });

    const hrPage = await hr.agent.get(`/assignments/${a.id}`);
    expect(hrPage.text).toContain('Сильная структура');
    expect(hrPage.text).toContain('graders disagree by 2 or more points');
    const head3 = t.db.prepare("SELECT id FROM users WHERE username = 'head3'").get() as { id: number };
    await hr.agent
      .post(`/assignments/${a.id}/graders`)
      .type('form')
      .send({ _csrf: hr.csrf, user_id: String(head3.id) })
      .expect(302);
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM assignment_graders').get()).toEqual({ n: 3 });
    const cal = await hr.agent.get(`/vacancies/${t.demoVacancyId}/calibration`);
    expect(cal.status).toBe(200);
    expect(cal.text).toContain('Krippendorff');
  });

  it('keeps other departments and unassigned users out; unblinding is recorded', async () => {
    const { t, hr, token, a } = await setup();
    await candidateSubmit(t, token, { body: PROPOSAL, link: '' });
    for (const u of ['logist', 'head3']) {
      const other = await as(t, u);
      // Forbidden and unknown codes answer alike (404, same page), so codes cannot be probed.
      const forbidden = await other.agent.get(`/grading/${a.code}`);
      const unknown = await other.agent.get('/grading/K-AAAA-AAAA');
      expect(forbidden.status).toBe(404);
      expect(unknown.status).toBe(404);
      expect(forbidden.text.replace(/name="_csrf" value="[^"]+"|\/grading\/K-[A-Z0-9-]+/g, '')).toBe(
        unknown.text.replace(/name="_csrf" value="[^"]+"|\/grading\/K-[A-Z0-9-]+/g, ''),
      );
    }
    const interviewer = await loginAs(t, 'interviewer');
    expect((await interviewer.agent.get(`/assignments/${a.id}`)).status).toBe(403);
    const h1 = await as(t, 'head1');
    await hr.agent.post(`/assignments/${a.id}/unblind`).type('form').send({ _csrf: hr.csrf, reason: 'Финальное обсуждение' }).expect(302);
    expect(t.db.prepare('SELECT reason FROM unblind_events').all()).toEqual([{ reason: 'Финальное обсуждение' }]);
    expect((await h1.agent.get(`/grading/${a.code}`)).text).toContain(NAME);
  });
});
