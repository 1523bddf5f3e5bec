/**
 * Issue 13, finding 5: script files reach HR under their own names. Every download is an
 * attachment whose name's extension matches the type the server verified, served as that type
 * only when it is one of the allowed ones, with nosniff.
 */
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { downloadHeaders, safeDownloadName } from '../../src/domain/download.js';
import { binaryBody, buildApp, csrfFrom, loginAs } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { postAssignment, postCandidate } from '../helpers/intake.js';

describe('download headers', () => {
  it('give script files submitted as text a .txt name and text/plain', async () => {
    const t = buildApp();
    const hr = await loginAs(t, 'hr');
    const add = await postCandidate(hr, t.demoVacancyId, { full_name: 'Орлова Вера', email: 'vera@example.org' });
    const candidateId = Number(add.headers.location!.split('/').pop());
    const head = await makeUser(t.db, { role: 'department_head', username: 'head1', department: 'Коммерческий отдел' });
    const res = await postAssignment(hr, candidateId, [String(head)]);
    const token = /value="http[^"]+\/t\/([^"]+)"/.exec(res.text)![1]!;
    const assignmentId = (t.db.prepare('SELECT id FROM assignments').get() as { id: number }).id;

    const agent = request.agent(t.app);
    const page = await agent.get(`/t/${token}`);
    const key = /name="idempotency_key" value="([^"]+)"/.exec(page.text)![1]!;
    const sent = await agent
      .post(`/t/${token}`)
      .field('_csrf', csrfFrom(page.text))
      .field('idempotency_key', key)
      .field('body', '')
      .field('link', '')
      .attach('files', Buffer.from('alert(document.cookie);\n'), 'solution.js')
      .attach('files', Buffer.from('<script>new ActiveXObject("WScript.Shell").Run("calc")</script>\n'), 'proposal.hta')
      .attach('files', Buffer.from('@echo off\r\ndel /q C:\\*\r\n'), 'run.bat');
    expect(sent.status).toBe(303);

    const show = await hr.agent.get(`/assignments/${assignmentId}`);
    const ids = [...show.text.matchAll(new RegExp(`/assignments/${assignmentId}/files/(\\d+)`, 'g'))].map((m) => m[1]!);
    expect(ids).toHaveLength(3);
    const names = [];
    for (const id of ids) {
      const file = await hr.agent.get(`/assignments/${assignmentId}/files/${id}`).buffer(true).parse(binaryBody);
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(file.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.txt"; filename\*=UTF-8''[^;]+\.txt$/);
      names.push(/filename="([^"]+)"/.exec(file.headers['content-disposition'] as string)![1]);
    }
    expect(names.sort()).toEqual(['proposal.txt', 'run.txt', 'solution.txt']);
  });

  it('serve only the allowed types as themselves, with a safe ASCII name and the UTF-8 one', () => {
    const pdf = downloadHeaders('Резюме «Петров».pdf', 'pdf');
    expect(pdf['Content-Type']).toBe('application/pdf');
    expect(pdf['Content-Disposition']).toBe(
      `attachment; filename="______ ________.pdf"; filename*=UTF-8''${encodeURIComponent('Резюме «Петров».pdf')}`,
    );
    expect(downloadHeaders('x.exe', 'exe')['Content-Type']).toBe('application/octet-stream');
    expect(safeDownloadName('x.exe', 'exe')).toBe('x.bin');
    expect(safeDownloadName('C:\\Users\\a\\..\\evil.docx', 'txt')).toBe('evil.txt');
    expect(safeDownloadName('invoice\u202Etxt.exe', 'pdf')).toBe('invoicetxt.pdf');
    expect(safeDownloadName('a"b\r\nc;.pdf', 'pdf')).toBe('abc.pdf');
    expect(safeDownloadName('...', 'docx')).toBe('file.docx');
    expect(downloadHeaders("it's (final).txt", 'txt')['Content-Disposition']).toBe(
      `attachment; filename="it's (final).txt"; filename*=UTF-8''it%27s%20%28final%29.txt`,
    );
  });
});
