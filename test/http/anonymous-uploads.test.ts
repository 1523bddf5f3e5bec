/**
 * Issue 13, finding 6: anonymous uploads were read into memory before anything was checked. The
 * link (and its expiry), this browser's session and the per-address limit are now checked first:
 * the answer comes while the body is still being sent.
 */
import type { AddressInfo } from 'node:net';
import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, csrfFrom, loginAs, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { uploadSpool } from '../../src/web/upload.js';
import { readdirSync } from 'node:fs';
import { postAssignment, postCandidate } from '../helpers/intake.js';

const servers: { close: () => void }[] = [];
afterAll(() => servers.forEach((s) => s.close()));

async function withLink() {
  const t = buildApp();
  const hr = await loginAs(t, 'hr');
  const add = await postCandidate(hr, t.demoVacancyId, { full_name: 'Орлова Вера', email: 'vera@example.org' });
  const candidateId = Number(add.headers.location!.split('/').pop());
  const head = await makeUser(t.db, { role: 'department_head', username: 'head1', department: 'Коммерческий отдел' });
  const res = await postAssignment(hr, candidateId, [String(head)]);
  return { t, token: /value="http[^"]+\/t\/([^"]+)"/.exec(res.text)![1]! };
}

/**
 * Sends the headers of a 20 MB multipart upload and only the first 64 KB of its body, then waits
 * for the answer: one that comes now was given without reading the body.
 */
async function answerBeforeBody(t: TestApp, path: string, cookie = ''): Promise<number> {
  const server = t.app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          'content-type': 'multipart/form-data; boundary=xyz',
          'content-length': String(20 * 1024 * 1024),
          ...(cookie ? { cookie } : {}),
        },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      },
    );
    req.on('error', (e) =>
      e.message.includes('socket hang up') || (e as { code?: string }).code === 'ECONNRESET' ? undefined : reject(e),
    );
    req.write(
      Buffer.concat([
        Buffer.from('--xyz\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\n\r\n'),
        Buffer.alloc(64 * 1024, 0x41),
      ]),
    );
    setTimeout(() => reject(new Error('no answer before the body was sent: it is being read first')), 5000).unref();
  });
}

describe('anonymous uploads are checked before their body is read', () => {
  it('an unknown link, an expired link and a browser that never opened the page', async () => {
    const { t, token } = await withLink();
    expect(await answerBeforeBody(t, `/t/${'A'.repeat(43)}`)).toBe(404);
    expect(await answerBeforeBody(t, `/t/${token}`)).toBe(403);
    t.db.prepare("UPDATE assignments SET deadline_at = '2020-01-01T00:00:00.000Z', grace_hours = 0").run();
    expect(await answerBeforeBody(t, `/t/${token}`)).toBe(410);
  });

  it('limits submissions per address', async () => {
    const { t, token } = await withLink();
    const agent = request.agent(t.app);
    const page = await agent.get(`/t/${token}`);
    const csrf = csrfFrom(page.text);
    const statuses: number[] = [];
    let last = '';
    for (let i = 0; i < 31; i++) {
      const res = await agent
        .post(`/t/${token}`)
        .field('_csrf', csrf)
        .field('idempotency_key', `key-${i}-abcdefghijkl`)
        .field('body', '')
        .field('link', '');
      statuses.push(res.status);
      last = res.text;
    }
    expect(new Set(statuses.slice(0, 30))).toEqual(new Set([422]));
    expect(statuses[30]).toBe(429);
    expect(last).toContain('Слишком много отправок из вашей сети');
    // Another address is not affected.
    const other = await agent
      .post(`/t/${token}`)
      .set('X-Forwarded-For', '203.0.113.7')
      .field('_csrf', csrf)
      .field('idempotency_key', 'key-other-abcdefghijkl')
      .field('body', 'Готово.')
      .field('link', '');
    expect(other.status).toBe(303);
  });

  it('spools files to disk while they arrive and leaves none there afterwards', async () => {
    const { t, token } = await withLink();
    const agent = request.agent(t.app);
    const page = await agent.get(`/t/${token}`);
    const csrf = csrfFrom(page.text);
    const key = /name="idempotency_key" value="([^"]+)"/.exec(page.text)![1]!;
    const plan = Buffer.from('План продаж: 12 SKU, промо во втором квартале.\n');
    let six = agent.post(`/t/${token}`).field('_csrf', csrf).field('idempotency_key', key).field('body', '').field('link', '');
    for (let i = 0; i < 6; i++) six = six.attach('files', plan, `plan-${i}.txt`);
    expect((await six).status).toBe(422);
    const ok = await agent
      .post(`/t/${token}`)
      .field('_csrf', csrf)
      .field('idempotency_key', key)
      .field('body', '')
      .field('link', '')
      .attach('files', plan, 'plan.txt')
      .attach('files', Buffer.from('Итоги: +15 %.\n'), 'totals.txt');
    expect(ok.status).toBe(303);
    expect(uploadSpool()).not.toBeNull();
    expect(readdirSync(uploadSpool()!)).toEqual([]);
  });
});
