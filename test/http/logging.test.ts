import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/web/middleware/log.js';
import { ROUTES, type RouteDef } from '../../src/web/routes.js';
import { anonymous, buildApp, csrfFrom, loginAs, type TestApp } from '../helpers/app.js';
import { makeUser, TEST_PASSWORD } from '../helpers/factories.js';
import { postAssignment, postCandidate } from '../helpers/intake.js';

/** A logger writing JSON lines to memory, so a test can read what the server logged. */
function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n')) if (l.trim()) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger('info', sink), lines };
}

const boom: RouteDef = {
  method: 'get',
  path: '/boom/:id',
  access: 'authenticated',
  handlers: [
    () => {
      throw new Error('the disk is on fire');
    },
  ],
};

describe('structured request log', () => {
  it('logs every request with its id, and a 5xx with route, user id and the error stack', async () => {
    const { logger, lines } = memoryLogger();
    const t = buildApp({ logger, routes: [...ROUTES, boom] });
    const { agent, userId } = await loginAs(t, 'hr');
    const res = await agent.get('/boom/7?name=Petrova').set('X-Request-Id', 'req-test-0001');
    expect(res.status).toBe(500);
    expect(res.headers['x-request-id']).toBe('req-test-0001');
    // The user sees the plain error page, never the stack.
    expect(res.text).not.toContain('disk is on fire');
    const line = lines.find((l) => l.reqId === 'req-test-0001' && l.status !== undefined);
    expect(line).toMatchObject({ level: 50, route: '/boom/:id', userId, method: 'GET', path: '/boom/7', status: 500 });
    const err = line!.err as { message: string; stack: string };
    expect(err.message).toBe('the disk is on fire');
    expect(err.stack).toContain('logging.test.ts');
    // Query strings may carry names: they stay out of the log.
    expect(JSON.stringify(lines)).not.toContain('Petrova');
    // Ordinary requests are logged too, each with its own generated id.
    const ok = lines.filter((l) => l.status === 302);
    expect(ok.length).toBeGreaterThan(0);
    expect(ok.every((l) => typeof l.reqId === 'string' && l.level === 30)).toBe(true);
  });
});

const NAME = 'Петрова Анна Сергеевна';

async function submittedDocx(t: TestApp) {
  const hr = await loginAs(t, 'hr');
  const resume = readFileSync('test/fixtures/resumes/ru_hh_kam_nestle.txt', 'utf8');
  const add = await postCandidate(hr, t.demoVacancyId, { full_name: NAME, email: 'anna@example.ru', resume_text: resume });
  const candidateId = Number(add.headers.location!.split('/').pop());
  const head = await makeUser(t.db, { role: 'department_head', username: 'head1', department: 'Коммерческий отдел' });
  const assigned = await postAssignment(hr, candidateId, [String(head)]);
  const token = /value="http[^"]+\/t\/([^"]+)"/.exec(assigned.text)![1]!;
  const zip = await JSZip.loadAsync(readFileSync('test/fixtures/files/resume-ru.docx'));
  const docx = await zip.generateAsync({ type: 'nodebuffer' });
  const link = request.agent(t.app);
  const page = await link.get(`/t/${token}`);
  const key = /name="idempotency_key" value="([^"]+)"/.exec(page.text)![1]!;
  await link
    .post(`/t/${token}`)
    .field('_csrf', csrfFrom(page.text))
    .field('idempotency_key', key)
    .field('body', 'КП во вложении')
    .attach('files', docx, 'kp.docx')
    .expect(303);
  const { agent, csrf } = await anonymous(t.app);
  await agent.post('/login').type('form').send({ _csrf: csrf, username: 'head1', password: TEST_PASSWORD }).expect(302);
  const a = t.db.prepare('SELECT code FROM assignments').get() as { code: string };
  const f = t.db.prepare('SELECT id, scrubbed_storage_name FROM submission_files').get() as { id: number; scrubbed_storage_name: string };
  return { grader: agent, url: `/grading/${a.code}/files/${f.id}`, scrubbed: f.scrubbed_storage_name, fileId: f.id };
}

describe('blind downloads fail closed', () => {
  it('refuses the file and logs why when masking it fails', async () => {
    const { logger, lines } = memoryLogger();
    const t = buildApp({ logger });
    const { grader, url, scrubbed, fileId } = await submittedDocx(t);
    expect((await grader.get(url)).status).toBe(200);
    // The stored copy no longer opens (a damaged disk, a bug in the scrubber): masking it throws.
    writeFileSync(join(t.dataDir, 'files', scrubbed), Buffer.from('PK\u0003\u0004 not a zip at all'));
    const res = await grader.get(url).set('Accept-Language', 'en');
    expect(res.status).toBe(500);
    expect(res.text).toContain('This file cannot be shown blind');
    expect(res.headers['content-disposition']).toBeUndefined();
    const line = lines.find((l) => l.msg === 'masking a submitted file failed; blind download refused');
    expect(line).toMatchObject({ level: 50, file: fileId, kind: 'docx' });
    expect((line!.err as { stack: string }).stack).toBeTruthy();
    expect(typeof line!.reqId).toBe('string');
  });
});
