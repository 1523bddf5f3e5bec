/**
 * Issue 13, finding 2: what a blind grader downloads names the candidate nowhere — one test per
 * hiding place the issue lists, in each format. Each download is searched whole: its raw bytes,
 * every part of a package after unzipping (and its ZIP comment), every deflated stream and every
 * string of a PDF, and the text pdf.js reads from its pages.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { extractText } from '../../src/extract/index.js';
import { extractOfficeText } from '../../src/extract/scrub.js';
import { anonymous, binaryBody, buildApp, csrfFrom, loginAs, type TestApp } from '../helpers/app.js';
import { makeUser, TEST_PASSWORD } from '../helpers/factories.js';
import {
  DOCX_LEAKS,
  leakyDocx,
  leakyPdf,
  leakyPptx,
  leakyXlsx,
  PDF_LEAKS,
  PPTX_LEAKS,
  SECRETS,
  WHO,
  WORK_DOCX,
  WORK_PDF,
  WORK_PPTX,
  XLSX_LEAKS,
} from '../helpers/leaky.js';
import { postAssignment, postCandidate } from '../helpers/intake.js';

async function setup() {
  const t = buildApp();
  const hr = await loginAs(t, 'hr');
  const add = await postCandidate(hr, t.demoVacancyId, {
    full_name: WHO.fullName,
    email: WHO.email,
    phone: WHO.phone,
    resume_text: 'Менеджер по работе с ключевыми клиентами, 2019–2024.',
  });
  const candidateId = Number(add.headers.location!.split('/').pop());
  const head = await makeUser(t.db, { role: 'department_head', username: 'head1', department: 'Коммерческий отдел' });
  const res = await postAssignment(hr, candidateId, [String(head)]);
  const token = /value="http[^"]+\/t\/([^"]+)"/.exec(res.text)![1]!;
  const code = (t.db.prepare('SELECT code FROM assignments').get() as { code: string }).code;
  const grader = await anonymous(t.app);
  await grader.agent.post('/login').type('form').send({ _csrf: grader.csrf, username: 'head1', password: TEST_PASSWORD }).expect(302);
  return { t, token, code, grader: grader.agent };
}

let shared: Promise<Awaited<ReturnType<typeof setup>>> | null = null;
const world = () => (shared ??= setup());

/** Submits one file as the candidate and downloads it as the blind grader. */
async function roundTrip(
  t: TestApp,
  token: string,
  code: string,
  grader: Awaited<ReturnType<typeof setup>>['grader'],
  name: string,
  file: Buffer,
) {
  const agent = request.agent(t.app);
  const page = await agent.get(`/t/${token}`);
  const key = /name="idempotency_key" value="([^"]+)"/.exec(page.text)![1]!;
  const sent = await agent
    .post(`/t/${token}`)
    .field('_csrf', csrfFrom(page.text))
    .field('idempotency_key', key)
    .field('body', '')
    .field('link', '')
    .attach('files', file, name);
  expect(sent.status, sent.text.slice(0, 2000)).toBe(303);
  const grading = await grader.get(`/grading/${code}`);
  const fileId = /\/grading\/K-[A-Z0-9-]+\/files\/(\d+)/.exec(grading.text)![1]!;
  const res = await grader.get(`/grading/${code}/files/${fileId}`).buffer(true).parse(binaryBody);
  expect(res.status).toBe(200);
  return { body: res.body as Buffer, headers: res.headers, page: grading.text };
}

function pdfStrings(latin1: string): string[] {
  const out: string[] = [];
  for (const m of latin1.matchAll(/<([0-9A-Fa-f\s]+)>/g)) {
    const hex = (m[1] ?? '').replace(/\s/g, '');
    const bytes = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
    out.push(bytes[0] === 0xfe && bytes[1] === 0xff ? new TextDecoder('utf-16be').decode(bytes.subarray(2)) : bytes.toString('latin1'));
  }
  for (const m of latin1.matchAll(/\(((?:\\.|[^\\)])*)\)/g)) out.push(m[1] ?? '');
  return out;
}

/** Everything a curious grader could read out of the bytes. */
async function everything(buf: Buffer): Promise<string> {
  const parts = [buf.toString('utf8'), buf.toString('latin1')];
  if (buf.subarray(0, 2).toString('latin1') === 'PK') {
    const zip = await JSZip.loadAsync(buf);
    parts.push((zip as unknown as { comment?: string }).comment ?? '');
    for (const f of Object.values(zip.files)) parts.push(f.name, await f.async('string'));
  }
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') {
    const latin1 = buf.toString('latin1');
    parts.push(...pdfStrings(latin1));
    for (const m of latin1.matchAll(/stream\r?\n/g)) {
      const start = m.index + m[0].length;
      const end = latin1.indexOf('endstream', start);
      try {
        const inflated = inflateSync(buf.subarray(start, end));
        parts.push(inflated.toString('utf8'), inflated.toString('latin1'), ...pdfStrings(inflated.toString('latin1')));
      } catch {
        // Not deflated.
      }
    }
    parts.push((await extractText(buf, 'x.pdf')).text);
  }
  return parts.join('\n').toLowerCase();
}

async function expectClean(buf: Buffer): Promise<void> {
  const all = await everything(buf);
  for (const secret of SECRETS) expect(all, `"${secret}" in the download`).not.toContain(secret.toLowerCase());
}

describe('blind grader downloads name the candidate nowhere', () => {
  it.each(DOCX_LEAKS)('DOCX: %s', async (leak) => {
    const { t, token, code, grader } = await world();
    const before = await leakyDocx(leak);
    const everythingBefore = await everything(before);
    expect(SECRETS.some((s) => everythingBefore.includes(s.toLowerCase()))).toBe(true);
    const { body, headers } = await roundTrip(t, token, code, grader, 'Петрова_КП.docx', before);
    expect(headers['content-disposition']).toMatch(/K-[A-Z0-9-]+-v\d+-1\.docx/);
    await expectClean(body);
    expect((await mammoth.extractRawText({ buffer: body })).value).toContain(WORK_DOCX);
  });

  it.each(PPTX_LEAKS)('PPTX: %s', async (leak) => {
    const { t, token, code, grader } = await world();
    const { body } = await roundTrip(t, token, code, grader, 'deck.pptx', await leakyPptx(leak));
    await expectClean(body);
    expect(await extractOfficeText(body, 'pptx')).toContain(WORK_PPTX);
  });

  it.each(XLSX_LEAKS)('XLSX: %s', async (leak) => {
    const { t, token, code, grader } = await world();
    const { body } = await roundTrip(t, token, code, grader, 'plan.xlsx', await leakyXlsx(leak));
    await expectClean(body);
    expect(await extractOfficeText(body, 'xlsx')).toContain('Выручка сети');
  });

  it.each(PDF_LEAKS)('PDF: %s', async (leak) => {
    const { t, token, code, grader } = await world();
    const { body, headers } = await roundTrip(t, token, code, grader, 'kp.pdf', await leakyPdf(leak));
    expect(headers['content-type']).toBe('application/pdf');
    await expectClean(body);
    expect((await extractText(body, 'kp.pdf')).text).toContain(WORK_PDF);
  });

  it('gives a PDF naming the candidate on its pages as masked text, and the grading page says so', async () => {
    const { t, token, code, grader } = await world();
    const { body, headers, page } = await roundTrip(t, token, code, grader, 'kp.pdf', await leakyPdf(null, { signed: true }));
    expect(headers['content-type']).toMatch(/^text\/plain/);
    expect(headers['content-disposition']).toMatch(/-1\.txt/);
    await expectClean(body);
    expect(body.toString('utf8')).toContain(WORK_PDF);
    expect(page).toContain('so it downloads as its text');
  });
});
