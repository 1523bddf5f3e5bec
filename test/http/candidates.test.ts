import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildApp, loginAs, type TestApp } from '../helpers/app.js';

const RESUME_RU = readFileSync('test/fixtures/resumes/ru_hh_kam_nestle.txt', 'utf8');
const RESUME_EN = readFileSync('test/fixtures/resumes/en_programmer.txt', 'utf8');
const FILES = 'test/fixtures/files';

const today = () => new Date().toISOString().slice(0, 10);

function form(over: Record<string, string> = {}) {
  return {
    full_name: 'Анна Петрова',
    email: 'anna.petrova@example.ru',
    phone: '+7 916 555-12-34',
    source: 'hh',
    resume_text: RESUME_RU,
    cover_letter: '',
    consent: '1',
    consent_date: today(),
    ...over,
  };
}

async function hr(t: TestApp, lang: 'ru' | 'en' = 'en') {
  return loginAs(t, 'hr', { lang });
}

const count = (t: TestApp) => (t.db.prepare('SELECT COUNT(*) AS n FROM candidates').get() as { n: number }).n;

async function addPasted(t: TestApp, over: Record<string, string> = {}) {
  const { agent, csrf } = await hr(t);
  const res = await agent
    .post(`/vacancies/${t.demoVacancyId}/candidates`)
    .type('form')
    .send({ _csrf: csrf, ...form(over) });
  return { agent, csrf, res, id: Number(res.headers.location?.split('/').pop()) };
}

describe('candidate intake', () => {
  it('adds a pasted resume, screens it and shows the evidence and computed years', async () => {
    const t = buildApp();
    const { agent, res, id } = await addPasted(t);
    expect(res.status).toBe(302);
    const page = await agent.get(`/candidates/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Анна Петрова');
    expect(page.text).toContain('Relevant experience, years');
    const years = (t.db.prepare('SELECT relevant_years AS y FROM screenings WHERE candidate_id = ?').get(id) as { y: number }).y;
    expect(years).toBeGreaterThan(9.5);
    expect(page.text).toContain(`<strong>${years}</strong>`);
    // Evidence is quoted verbatim and highlighted in the resume text.
    expect(page.text).toContain('<mark>');
    expect(page.text).toContain('Выполнение плана продаж 2023 года на 112%');
    const items = t.db.prepare('SELECT key, status, evidence FROM screening_items WHERE candidate_id = ?').all(id) as {
      key: string;
      status: string;
      evidence: string | null;
    }[];
    expect(items).toHaveLength(9);
    for (const i of items) if (i.evidence) expect(RESUME_RU).toContain(i.evidence);
    expect(t.db.prepare('SELECT verdict FROM screenings WHERE candidate_id = ?').get(id)).toEqual({ verdict: 'pass' });
  });

  it('refuses to store a resume without consent, keeping what was typed', async () => {
    const t = buildApp();
    const { agent, csrf } = await hr(t, 'ru');
    const res = await agent
      .post(`/vacancies/${t.demoVacancyId}/candidates`)
      .type('form')
      .send({ _csrf: csrf, ...form({ consent: '' }) });
    expect(res.status).toBe(422);
    expect(res.text).toContain('Резюме можно сохранить только при согласии кандидата');
    expect(res.text).toContain('value="Анна Петрова"');
    expect(res.text).toContain('Выполнение плана продаж 2023 года на 112%');
    expect(count(t)).toBe(0);
  });

  it('validates fields: no resume, bad e-mail, future consent date', async () => {
    const t = buildApp();
    const { agent, csrf } = await hr(t);
    const res = await agent
      .post(`/vacancies/${t.demoVacancyId}/candidates`)
      .type('form')
      .send({ _csrf: csrf, ...form({ resume_text: '  ', email: 'anna@', consent_date: '2999-01-01', full_name: '' }) });
    expect(res.status).toBe(422);
    expect(res.text).toContain('Paste the resume text or attach a file.');
    expect(res.text).toContain('Enter an e-mail address like name@example.com.');
    expect(res.text).toContain('Fill in this field.');
    expect(count(t)).toBe(0);
  });

  it('flags a duplicate instead of silently doubling it, and adds it only when confirmed', async () => {
    const t = buildApp();
    const { agent, csrf } = await addPasted(t);
    const again = await agent
      .post(`/vacancies/${t.demoVacancyId}/candidates`)
      .type('form')
      .send({ _csrf: csrf, ...form({ email: 'ANNA.PETROVA@example.ru', resume_text: `${RESUME_RU}\nP.S.` }) });
    expect(again.status).toBe(409);
    expect(again.text).toContain('A candidate with the same e-mail exists');
    expect(count(t)).toBe(1);
    const confirmed = await agent
      .post(`/vacancies/${t.demoVacancyId}/candidates`)
      .type('form')
      .send({ _csrf: csrf, ...form({ resume_text: `${RESUME_RU}\nP.S.`, confirm_duplicate: '1' }) });
    expect(confirmed.status).toBe(302);
    expect(count(t)).toBe(2);
    expect(t.db.prepare('SELECT duplicate_of, duplicate_reason FROM candidates ORDER BY id DESC LIMIT 1').get()).toMatchObject({
      duplicate_reason: 'email',
    });
  });

  it('detects the same phone written differently', async () => {
    const t = buildApp();
    const { agent, csrf } = await addPasted(t);
    const res = await agent
      .post(`/vacancies/${t.demoVacancyId}/candidates`)
      .type('form')
      .send({ _csrf: csrf, ...form({ email: '', phone: '8 (916) 555 12 34', resume_text: RESUME_EN }) });
    expect(res.status).toBe(409);
    expect(res.text).toContain('same phone');
  });
});

describe('file uploads', () => {
  const upload = async (t: TestApp, file: string, name = file.split('/').pop()!, lang: 'ru' | 'en' = 'en') => {
    const { agent, csrf } = await hr(t, lang);
    const f = form({ resume_text: '' });
    let req = agent.post(`/vacancies/${t.demoVacancyId}/candidates`).field('_csrf', csrf);
    for (const [k, v] of Object.entries(f)) req = req.field(k, v);
    return { agent, res: await req.attach('file', readFileSync(file), name) };
  };

  it('extracts a PDF, keeps the original for download', async () => {
    const t = buildApp();
    const { agent, res } = await upload(t, `${FILES}/resume-ru.pdf`);
    expect(res.status).toBe(302);
    const id = Number(res.headers.location!.split('/').pop());
    const row = t.db.prepare('SELECT resume_text, file_id FROM candidates WHERE id = ?').get(id) as {
      resume_text: string;
      file_id: number;
    };
    expect(row.resume_text.length).toBeGreaterThan(200);
    const dl = await agent.get(`/candidates/${id}/resume`).buffer(true);
    expect(dl.status).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toContain('attachment');
    expect(Buffer.from(dl.body as Buffer).equals(readFileSync(`${FILES}/resume-ru.pdf`))).toBe(true);
  });

  it('extracts a DOCX', async () => {
    const t = buildApp();
    const { res } = await upload(t, `${FILES}/resume-en.docx`);
    expect(res.status).toBe(302);
  });

  it('extracts an RTF (hh.ru export), screens its table rows and keeps the original', async () => {
    const t = buildApp();
    const { agent, res } = await upload(t, `${FILES}/resume-ru.rtf`, 'Кузнецова Анна.rtf');
    expect(res.status).toBe(302);
    const id = Number(res.headers.location!.split('/').pop());
    const row = t.db.prepare('SELECT resume_text FROM candidates WHERE id = ?').get(id) as { resume_text: string };
    expect(row.resume_text).toContain('Март 2019 — настоящее время\n7 лет 2 месяца\nООО «Северное молоко — Дистрибуция»');
    const dl = await agent
      .get(`/candidates/${id}/resume`)
      .buffer(true)
      .parse((r, done) => {
        const parts: Buffer[] = [];
        r.on('data', (c: Buffer) => parts.push(c));
        r.on('end', () => done(null, Buffer.concat(parts)));
      });
    expect(dl.headers['content-type']).toContain('application/rtf');
    expect(Buffer.from(dl.body as Buffer).equals(readFileSync(`${FILES}/resume-ru.rtf`))).toBe(true);
  });

  it('says RTF is accepted, in the field hint, the accept list and the error for other files', async () => {
    const t = buildApp();
    const { agent } = await hr(t, 'ru');
    const page = await agent.get(`/vacancies/${t.demoVacancyId}/candidates/new`);
    expect(page.text).toContain('PDF, DOCX, RTF или TXT');
    expect(page.text).toMatch(/accept="[^"]*\.rtf[^"]*"/);
    const { res } = await upload(t, `${FILES}/old-word.doc`, 'old.doc', 'ru');
    expect(res.status).toBe(422);
    expect(res.text).toContain('Приложите PDF, DOCX, RTF или TXT');
  });

  it.each([
    ['scanned.pdf', 'no text layer'],
    ['protected.pdf', 'password-protected'],
    ['broken.docx', 'damaged'],
    ['empty.pdf', 'empty'],
    ['image-named.pdf', 'does not match its content'],
  ])('explains a bad file: %s', async (name, words) => {
    const t = buildApp();
    const { res } = await upload(t, `${FILES}/${name}`);
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/id="f-file-error"/);
    expect(res.text).toContain(words);
    expect(res.text).toContain('value="Анна Петрова"');
    expect(count(t)).toBe(0);
  });

  it('explains a scanned PDF in Russian and offers to paste text', async () => {
    const t = buildApp();
    const { res } = await upload(t, `${FILES}/scanned.pdf`, 'scan.pdf', 'ru');
    expect(res.text).toContain('похоже, это скан. Вставьте текст резюме');
  });

  it('refuses a file far over the limit without a 5xx and saves nothing', async () => {
    const t = buildApp();
    const { agent, csrf } = await hr(t);
    const big = Buffer.alloc(11 * 1024 * 1024, 0x20);
    big.write('%PDF-1.4');
    const res = await agent
      .post(`/vacancies/${t.demoVacancyId}/candidates`)
      .field('_csrf', csrf)
      .field('full_name', 'X')
      .field('source', 'hh')
      .field('consent', '1')
      .field('consent_date', today())
      .attach('file', big, 'big.pdf');
    expect(res.status).toBe(422);
    expect(res.text).toContain('larger than 10 MB');
    expect(count(t)).toBe(0);
  });

  it('keeps an uploaded file across a validation error', async () => {
    const t = buildApp();
    const { agent, csrf } = await hr(t);
    const first = await agent
      .post(`/vacancies/${t.demoVacancyId}/candidates`)
      .field('_csrf', csrf)
      .field('full_name', 'Ivan')
      .field('source', 'hh')
      .field('consent_date', today())
      .attach('file', readFileSync(`${FILES}/resume-en.pdf`), 'ivan.pdf');
    expect(first.status).toBe(422);
    expect(first.text).toContain('Kept from your previous attempt: ivan.pdf');
    const token = /name="pending" value="([^"]+)"/.exec(first.text)?.[1];
    expect(token).toBeTruthy();
    const second = await agent
      .post(`/vacancies/${t.demoVacancyId}/candidates`)
      .type('form')
      .send({ _csrf: csrf, full_name: 'Ivan', source: 'hh', consent: '1', consent_date: today(), pending: token });
    expect(second.status).toBe(302);
    expect(t.db.prepare('SELECT f.original_name FROM candidates c JOIN files f ON f.id = c.file_id').get()).toEqual({
      original_name: 'ivan.pdf',
    });
  });
});

describe('contacts proposed from the resume', () => {
  const HH = `Кузнецова Анна Сергеевна
Женщина, 34 года
+7 (916) 555-01-23 — предпочитаемый способ связи
anna.kuznetsova@example.ru
Проживает: Москва, м. Тверская
Опыт работы — 9 лет
Март 2019 — настоящее время
ООО «Северное молоко»
Ключевой менеджер по работе с сетевыми клиентами`;

  const post = async (t: TestApp, fields: Record<string, string>, lang: 'ru' | 'en' = 'en') => {
    const { agent, csrf } = await hr(t, lang);
    return {
      agent,
      csrf,
      res: await agent
        .post(`/vacancies/${t.demoVacancyId}/candidates`)
        .type('form')
        .send({ _csrf: csrf, ...fields }),
    };
  };

  it('"Fill from resume" proposes name, e-mail, phone and city into the empty fields, keeps what was typed, saves nothing', async () => {
    const t = buildApp();
    const { res } = await post(t, {
      action: 'propose',
      full_name: '',
      email: 'typed@example.org',
      phone: '',
      city: '',
      source: 'hh',
      resume_text: HH,
      consent_date: today(),
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('value="Кузнецова Анна Сергеевна"');
    expect(res.text).toContain('value="typed@example.org"');
    expect(res.text).not.toContain('value="anna.kuznetsova@example.ru"');
    expect(res.text).toContain('value="+7 916 555 01 23"');
    expect(res.text).toContain('value="Москва"');
    // Marked for checking, next to each proposed field and in a status line; no errors for an unfinished form.
    expect(res.text.match(/Proposed from the resume: check it\./g)).toHaveLength(3);
    expect(res.text).toContain('id="proposal-status"');
    expect(res.text).not.toContain('error-summary');
    expect(res.text).toContain(HH.split('\n')[0]!);
    expect(count(t)).toBe(0);
  });

  it('confirming by saving stores the contacts, the city and the E.164 phone; the city shows on the candidate page', async () => {
    const t = buildApp();
    const { agent, res } = await post(t, {
      ...form({ full_name: 'Кузнецова Анна Сергеевна', phone: '+7 916 555 01 23', email: '' }),
      city: 'Москва',
      resume_text: HH,
    });
    expect(res.status).toBe(302);
    const id = Number(res.headers.location!.split('/').pop());
    expect(t.db.prepare('SELECT city, phone, phone_norm FROM candidates WHERE id = ?').get(id)).toEqual({
      city: 'Москва',
      phone: '+7 916 555 01 23',
      phone_norm: '+79165550123',
    });
    const page = await agent.get(`/candidates/${id}`);
    expect(page.text).toMatch(/<dt>City<\/dt><dd>Москва<\/dd>/);
  });

  it('a submit with the name left empty comes back with the proposals filled in, for HR to confirm', async () => {
    const t = buildApp();
    const { res, agent, csrf } = await post(t, { ...form({ full_name: '', email: '', phone: '' }), resume_text: HH }, 'ru');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Контакты из резюме подставлены в пустые поля');
    expect(res.text).toContain('value="Кузнецова Анна Сергеевна"');
    expect(res.text.match(/Предложено по резюме — проверьте\./g)).toHaveLength(4);
    expect(count(t)).toBe(0);
    // Saving the form as shown adds the candidate.
    const saved = await agent
      .post(`/vacancies/${t.demoVacancyId}/candidates`)
      .type('form')
      .send({
        _csrf: csrf,
        ...form({ full_name: 'Кузнецова Анна Сергеевна', email: 'anna.kuznetsova@example.ru', phone: '+7 916 555 01 23' }),
        city: 'Москва',
        resume_text: HH,
      });
    expect(saved.status).toBe(302);
    expect(count(t)).toBe(1);
  });

  it('works from an uploaded file too, keeping the file for the save', async () => {
    const t = buildApp();
    const { agent, csrf } = await hr(t);
    const res = await agent
      .post(`/vacancies/${t.demoVacancyId}/candidates`)
      .field('_csrf', csrf)
      .field('action', 'propose')
      .field('full_name', '')
      .field('source', 'hh')
      .field('consent_date', today())
      .attach('file', readFileSync(`${FILES}/resume-ru.rtf`), 'anna.rtf');
    expect(res.status).toBe(200);
    expect(res.text).toContain('value="Кузнецова Анна Сергеевна"');
    expect(res.text).toContain('value="+7 916 555 01 23"');
    expect(res.text).toContain('value="Москва"');
    expect(res.text).toContain('Kept from your previous attempt: anna.rtf');
    const token = /name="pending" value="([^"]+)"/.exec(res.text)?.[1];
    const saved = await agent.post(`/vacancies/${t.demoVacancyId}/candidates`).type('form').send({
      _csrf: csrf,
      full_name: 'Кузнецова Анна Сергеевна',
      phone: '+7 916 555 01 23',
      city: 'Москва',
      source: 'hh',
      consent: '1',
      consent_date: today(),
      pending: token,
    });
    expect(saved.status).toBe(302);
    expect(t.db.prepare('SELECT f.original_name AS n, c.city FROM candidates c JOIN files f ON f.id = c.file_id').get()).toEqual({
      n: 'anna.rtf',
      city: 'Москва',
    });
  });

  it('says so when the resume gives nothing, and asks for a resume when there is none', async () => {
    const t = buildApp();
    const nothing = await post(t, {
      action: 'propose',
      full_name: '',
      source: 'hh',
      resume_text: 'опыт работы в продажах',
      consent_date: today(),
    });
    expect(nothing.res.status).toBe(200);
    expect(nothing.res.text).toContain('The resume gave nothing for the empty contact fields');
    const none = await post(t, { action: 'propose', full_name: '', source: 'hh', resume_text: '', consent_date: today() });
    expect(none.res.status).toBe(422);
    expect(none.res.text).toContain('Paste the resume text or attach a file.');
  });

  it('is refused without the CSRF token', async () => {
    const t = buildApp();
    const { agent } = await hr(t);
    const res = await agent.post(`/vacancies/${t.demoVacancyId}/candidates`).type('form').send({ action: 'propose', resume_text: HH });
    expect(res.status).toBe(403);
    expect(count(t)).toBe(0);
  });
});

describe('reviewing a screening', () => {
  it('overrides an item in one click, recomputes the verdict and keeps who did it', async () => {
    const t = buildApp();
    const { agent, csrf, id } = await addPasted(t);
    const res = await agent.post(`/candidates/${id}/items/experience_3y`).type('form').send({ _csrf: csrf, status: 'not_met' });
    expect(res.status).toBe(302);
    expect(
      t.db
        .prepare(
          'SELECT status, proposed_status, confirmed_by IS NOT NULL AS confirmed FROM screening_items WHERE candidate_id = ? AND key = ?',
        )
        .get(id, 'experience_3y'),
    ).toEqual({ status: 'not_met', proposed_status: 'met', confirmed: 1 });
    // A B2B seller whose experience HR marks short is reviewed, not rejected (the verdict policy).
    expect(t.db.prepare('SELECT verdict, proposed_verdict FROM screenings WHERE candidate_id = ?').get(id)).toEqual({
      verdict: 'review',
      proposed_verdict: 'pass',
    });
    const page = await agent.get(`/candidates/${id}`);
    expect(page.text).toContain('Overridden by a person');
    // The history names the item by its label, not its key.
    expect(page.text).toContain('3+ years in sales or key account management: Met → Not met');
    expect(page.text).not.toContain('experience_3y: Met');
  });

  it('records a decision with its reason and moves the candidate along the pipeline', async () => {
    const t = buildApp();
    const { agent, csrf, id } = await addPasted(t);
    const bad = await agent.post(`/candidates/${id}/decision`).type('form').send({ _csrf: csrf, decision: 'reject', reason: '' });
    // Shown again: the chosen decision still chosen, the message next to the reason, a summary linking to it.
    expect(bad.status).toBe(422);
    expect(bad.text).toMatch(/id="d-reject" name="decision" value="reject"\s+checked/);
    expect(bad.text).toMatch(/<a href="#f-reason">/);
    expect(bad.text).toMatch(/id="f-reason-error"/);
    expect(t.db.prepare('SELECT decision FROM screenings WHERE candidate_id = ?').get(id)).toEqual({ decision: null });
    await agent
      .post(`/candidates/${id}/decision`)
      .type('form')
      .send({ _csrf: csrf, decision: 'pass', reason: 'Strong FMCG chains background' })
      .expect(302);
    expect(
      t.db
        .prepare(
          'SELECT s.decision, s.decision_reason, c.stage FROM screenings s JOIN candidates c ON c.id = s.candidate_id WHERE c.id = ?',
        )
        .get(id),
    ).toEqual({ decision: 'pass', decision_reason: 'Strong FMCG chains background', stage: 'interview' });
    await agent
      .post(`/candidates/${id}/stage`)
      .type('form')
      .send({ _csrf: csrf, stage: 'offer', stage_reason: 'Final round done' })
      .expect(302);
    const events = t.db.prepare('SELECT kind, old_value, new_value FROM candidate_events WHERE candidate_id = ? ORDER BY id').all(id);
    expect(events).toEqual([
      { kind: 'created', old_value: null, new_value: 'pass' },
      { kind: 'decision', old_value: null, new_value: 'pass' },
      { kind: 'stage', old_value: 'new', new_value: 'interview' },
      { kind: 'stage', old_value: 'interview', new_value: 'offer' },
    ]);
  });

  it('is not open to interviewers or department heads', async () => {
    const t = buildApp();
    const { id } = await addPasted(t);
    for (const role of ['interviewer', 'department_head'] as const) {
      const { agent } = await loginAs(t, role, { department: 'Коммерческий отдел' });
      expect((await agent.get(`/candidates/${id}`)).status).toBe(403);
      expect((await agent.get(`/vacancies/${t.demoVacancyId}/candidates`)).status).toBe(403);
    }
  });
});

describe('the checklist', () => {
  it('lets HR add a keyword item, reorder, reweight, and rescreen keeps confirmations', async () => {
    const t = buildApp();
    const { agent, csrf, id } = await addPasted(t);
    await agent.post(`/candidates/${id}/items/crm`).type('form').send({ _csrf: csrf, status: 'not_met' }).expect(302);
    const bad = await agent
      .post(`/vacancies/${t.demoVacancyId}/checklist`)
      .type('form')
      .send({ _csrf: csrf, label_ru: '', label_en: '', kind: 'required', weight: '9', keywords: '' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Give the item a label in at least one language.');
    expect(bad.text).toContain('Enter a number from 1 to 5.');
    await agent
      .post(`/vacancies/${t.demoVacancyId}/checklist`)
      .type('form')
      .send({ _csrf: csrf, label_ru: 'Опыт с X5', label_en: 'X5 experience', kind: 'nice_to_have', weight: '2', keywords: 'X5, Пятёрочка' })
      .expect(302);
    const items = t.db
      .prepare('SELECT id, key, position FROM vacancy_checklist_items WHERE vacancy_id = ? ORDER BY position')
      .all(t.demoVacancyId) as { id: number; key: string }[];
    const added = items.at(-1)!;
    expect(added.key).toBe('custom_x5_experience');
    await agent
      .post(`/vacancies/${t.demoVacancyId}/checklist/${added.id}/move`)
      .type('form')
      .send({ _csrf: csrf, direction: 'up' })
      .expect(302);
    const order = (
      t.db.prepare('SELECT key FROM vacancy_checklist_items WHERE vacancy_id = ? ORDER BY position').all(t.demoVacancyId) as {
        key: string;
      }[]
    ).map((r) => r.key);
    expect(order.at(-2)).toBe('custom_x5_experience');
    const page = await agent.get(`/candidates/${id}`);
    expect(page.text).toContain('The vacancy&#39;s checklist changed after this screening.');
    await agent.post(`/vacancies/${t.demoVacancyId}/rescreen`).type('form').send({ _csrf: csrf }).expect(302);
    const rows = t.db.prepare('SELECT key, status, evidence FROM screening_items WHERE candidate_id = ?').all(id) as {
      key: string;
      status: string;
      evidence: string;
    }[];
    expect(rows.find((r) => r.key === 'custom_x5_experience')).toMatchObject({ status: 'met' });
    expect(rows.find((r) => r.key === 'crm')).toMatchObject({ status: 'not_met' });
  });
});

describe('finding candidates', () => {
  it('searches resumes in Russian and English by word beginnings, case-insensitively, ё = е', async () => {
    const t = buildApp();
    const { agent } = await addPasted(t);
    const { agent: a2, csrf } = await hr(t);
    await a2
      .post(`/vacancies/${t.demoVacancyId}/candidates`)
      .type('form')
      .send({ _csrf: csrf, ...form({ full_name: 'John Smith', email: 'john@example.com', phone: '', resume_text: RESUME_EN }) })
      .expect(302);
    const search = async (q: string) => (await agent.get(`/vacancies/${t.demoVacancyId}/candidates?q=${encodeURIComponent(q)}`)).text;
    expect(await search('ПЕРЕГОВОР')).toContain('Анна Петрова');
    expect(await search('переговор')).not.toContain('John Smith');
    expect(await search('пятерочк')).toContain('Анна Петрова');
    expect(await search('smit')).toContain('John Smith');
    expect(await search('"OR" NEAR(')).toContain('0 candidates');
    // Words too short to search: everyone is listed, and the page says why.
    const short = await search('а');
    expect(short).toContain('Type at least two letters to search.');
    expect(short).toContain('Анна Петрова');
    expect(short).toContain('John Smith');
    expect(await search('smit')).not.toContain('Type at least two letters to search.');
    const filtered = await agent.get(`/vacancies/${t.demoVacancyId}/candidates?verdict=reject`);
    expect(filtered.text).not.toContain('Анна Петрова');
    const sorted = await agent.get(`/vacancies/${t.demoVacancyId}/candidates?sort=score`);
    expect(sorted.text.indexOf('Анна Петрова')).toBeLessThan(sorted.text.indexOf('John Smith'));
  });

  it('finds word forms in Russian and English through the search box (Snowball stems)', async () => {
    const t = buildApp();
    const ru = `Кузнецова Анна Сергеевна
Опыт работы — 9 лет
Март 2019 — настоящее время
ООО «Северное молоко»
Ключевой менеджер
Ведение переговоров; переговоры с сетевыми клиентами: «Магнит», «Лента».`;
    const en = `John Smith
Key Account Manager, Brightleaf Foods
May 2019 - Present
Negotiating annual terms with Tesco; led the negotiation of the 2025 range review.`;
    const { agent } = await addPasted(t, { full_name: 'Кузнецова Анна Сергеевна', email: 'anna.k@example.ru', phone: '', resume_text: ru });
    await addPasted(t, { full_name: 'John Smith', email: 'john@example.com', phone: '', resume_text: en });
    const search = async (q: string) => (await agent.get(`/vacancies/${t.demoVacancyId}/candidates?q=${encodeURIComponent(q)}`)).text;
    for (const q of ['переговорами', 'сетевых клиентов', 'Кузнецову', 'Магнита', 'перегов', 'КУЗНЕЦОВ']) {
      const page = await search(q);
      expect(page, q).toContain('Кузнецова Анна Сергеевна');
      expect(page, q).not.toContain('John Smith');
    }
    for (const q of ['negotiations', 'negotiate', 'negotiation Tesco']) {
      const page = await search(q);
      expect(page, q).toContain('John Smith');
      expect(page, q).not.toContain('Кузнецова Анна Сергеевна');
    }
    expect(await search('переговорами Tesco')).toContain('0 candidates');
  });

  it('pages through a long list by its links: next and previous continue from a row, first and last jump', async () => {
    const t = buildApp();
    const { agent, csrf } = await hr(t);
    for (let i = 0; i < 55; i += 1) {
      await agent
        .post(`/vacancies/${t.demoVacancyId}/candidates`)
        .type('form')
        .send({
          _csrf: csrf,
          ...form({ full_name: `Кандидат ${i % 7}`, email: `c${i}@example.com`, phone: '', resume_text: `${RESUME_EN}\n${i}` }),
        })
        .expect(302);
    }
    const ids = (html: string) => [...html.matchAll(/<a href="\/candidates\/(\d+)">/g)].map((m) => Number(m[1]));
    const link = (html: string, text: string) => {
      const m = new RegExp(`<a href="([^"]+)"[^>]*>${text}</a>`).exec(html);
      return m ? m[1]!.replaceAll('&amp;', '&') : null;
    };
    for (const sort of ['name', 'fit', 'score', 'newest']) {
      const p1 = await agent.get(`/vacancies/${t.demoVacancyId}/candidates?sort=${sort}`);
      expect(p1.text).toContain('Page 1 of 3');
      expect(link(p1.text, '« First')).toBeNull();
      // Forward by "Next": every candidate once, in pages of 25, 25 and 5.
      const pages = [ids(p1.text)];
      let html = p1.text;
      for (let n = 2; n <= 3; n++) {
        const next = link(html, 'Next');
        expect(next).toMatch(new RegExp(`page=${n}&after=\\d+`));
        html = (await agent.get(`/vacancies/${t.demoVacancyId}/candidates${next}`)).text;
        expect(html).toContain(`Page ${n} of 3`);
        pages.push(ids(html));
      }
      expect(link(html, 'Next')).toBeNull();
      expect(pages.map((p) => p.length)).toEqual([25, 25, 5]);
      expect(new Set(pages.flat()).size).toBe(55);
      // "Last" from page 1 is the same page; "Previous" from there goes back over the same pages.
      const last = await agent.get(`/vacancies/${t.demoVacancyId}/candidates${link(p1.text, 'Last »')}`);
      expect(ids(last.text)).toEqual(pages[2]);
      const prev = link(last.text, 'Previous');
      expect(prev).toMatch(/page=2&before=\d+/);
      const back = await agent.get(`/vacancies/${t.demoVacancyId}/candidates${prev}`);
      expect(ids(back.text)).toEqual(pages[1]);
      expect(link(back.text, 'Previous')).toMatch(/sort=\w+$/); // page 1 needs no cursor
      // A page number typed by hand still works.
      expect(ids((await agent.get(`/vacancies/${t.demoVacancyId}/candidates?sort=${sort}&page=2`)).text)).toEqual(pages[1]);
    }
  });
});
