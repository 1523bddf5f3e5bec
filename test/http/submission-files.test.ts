import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildApp, csrfFrom, loginAs } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { postAssignment, postCandidate } from '../helpers/intake.js';

// Issue 13, finding 9: a rejected multi-file submission left the accepted files' blobs on disk.
describe('a refused submission leaves no files behind', () => {
  it('when one of its files is refused, or a field is', async () => {
    const t = buildApp();
    const hr = await loginAs(t, 'hr');
    const add = await postCandidate(hr, t.demoVacancyId, { full_name: 'Орлова Вера', email: 'vera@example.org' });
    const candidateId = Number(add.headers.location!.split('/').pop());
    const head = await makeUser(t.db, { role: 'department_head', username: 'head1', department: 'Коммерческий отдел' });
    const res = await postAssignment(hr, candidateId, [String(head)]);
    const token = /value="http[^"]+\/t\/([^"]+)"/.exec(res.text)![1]!;
    const blobs = () => (existsSync(join(t.dataDir, 'files')) ? readdirSync(join(t.dataDir, 'files')) : []);

    const send = async (link: string, files: [string, Buffer][]) => {
      const agent = request.agent(t.app);
      const page = await agent.get(`/t/${token}`);
      let req = agent
        .post(`/t/${token}`)
        .field('_csrf', csrfFrom(page.text))
        .field('idempotency_key', /name="idempotency_key" value="([^"]+)"/.exec(page.text)![1]!)
        .field('body', 'См. файлы.')
        .field('link', link);
      for (const [name, buf] of files) req = req.attach('files', buf, name);
      return req;
    };
    const plan = Buffer.from('План продаж: 12 SKU, промо во втором квартале.\n');
    const broken = Buffer.from('PK\u0003\u0004 this is not really a package', 'latin1');

    const refusedFile = await send('', [
      ['plan.txt', plan],
      ['deck.pptx', broken],
    ]);
    expect(refusedFile.status).toBe(422);
    expect(blobs()).toEqual([]);

    const refusedField = await send('not a link', [['plan.txt', plan]]);
    expect(refusedField.status).toBe(422);
    expect(blobs()).toEqual([]);

    expect((await send('', [['plan.txt', plan]])).status).toBe(303);
    // The original and the graders' copy (identical for this text, so stored once).
    expect(blobs().length).toBeGreaterThan(0);
  });
});
