import { readFileSync, existsSync, mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp, loginAs } from '../helpers/app.js';
import { buildWorld } from '../helpers/world.js';
import { createdId, postCandidate } from '../helpers/intake.js';
import { BACKUP_MAX_AGE_DAYS, pruneExpiredBackups } from '../../src/services/backup.js';
import { ERASED_NOTE } from '../../src/domain/audit-notes.js';

const RESUME = readFileSync('test/fixtures/resumes/ru_hh_kam_nestle.txt', 'utf8');

async function candidateIn(t: ReturnType<typeof buildApp>, fullName: string, email: string, extra = '') {
  const hr = await loginAs(t, 'hr');
  const res = await postCandidate(hr, t.demoVacancyId, {
    full_name: fullName,
    email,
    phone: '+7 916 555-77-01',
    resume_text: `${fullName}\n${extra}\n${RESUME}`,
  });
  return { hr, id: createdId(res) };
}

const rawAudit = (t: ReturnType<typeof buildApp>) =>
  (
    t.db.prepare("SELECT group_concat(coalesce(detail, '') || ' ' || coalesce(ip, ''), ' | ') AS all_text FROM audit_log").get() as {
      all_text: string;
    }
  ).all_text;

describe('erasure', () => {
  it('keeps typed reasons out of the append-only log, and erases them with the candidate', async () => {
    const t = buildApp();
    const { hr, id } = await candidateIn(t, 'Зябликова Евдокия', 'evdokia.z@example.ru');
    const reason = 'Зябликова просит 250 000, звонить +7 916 555-77-01';
    await hr.agent.post(`/candidates/${id}/decision`).type('form').send({ _csrf: hr.csrf, decision: 'reject', reason }).expect(302);
    // The entry holds a reference; the words sit in a note beside it.
    expect(rawAudit(t)).not.toContain('Зябликова');
    const admin = await loginAs(t, 'admin');
    const before = await admin.agent.get(`/admin/audit?subject=candidate:${id}`);
    expect(before.text).toContain('Зябликова просит 250 000');
    await hr.agent.post(`/candidates/${id}/erase`).type('form').send({ _csrf: hr.csrf, confirm: 'Зябликова Евдокия' }).expect(302);
    const after = await admin.agent.get(`/admin/audit?subject=candidate:${id}`);
    expect(after.text).not.toContain('Зябликова');
    expect(after.text).toContain(ERASED_NOTE);
    expect(after.text).toContain('screening.decision');
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM audit_notes WHERE candidate_id = ?').get(id)).toEqual({ n: 0 });
  });

  it("stops a candidate's take-home link at once when they are rejected, and for good when erased", { timeout: 90_000 }, async () => {
    const w = await buildWorld();
    const hr = w.personas.hr;
    const link = `/t/${w.ids.token}`;
    const anon = w.personas.anonymous.agent;
    expect((await anon.get(link)).status).toBe(200);
    await hr.agent
      .post(`/candidates/${w.ids.candidateId}/stage`)
      .type('form')
      .send({ _csrf: hr.csrf, stage: 'rejected', stage_reason: 'no' })
      .expect(302);
    const closed = await anon.get(link);
    expect(closed.status).toBe(410);
    expect(closed.text).toContain('Эта ссылка больше не действует');
    const submissions = () => (w.t.db.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n;
    const n = submissions();
    const post = await anon
      .post(link)
      .field('_csrf', w.personas.anonymous.csrf)
      .field('body', 'My solution')
      .attach('files', Buffer.from('plan'), 'plan.txt');
    expect(post.status).toBe(410);
    expect(submissions()).toBe(n);
    await hr.agent
      .post(`/candidates/${w.ids.candidateId}/erase`)
      .type('form')
      .send({ _csrf: hr.csrf, confirm: w.candidate.fullName })
      .expect(302);
    expect((await anon.get(link)).status).toBe(404);
    expect(submissions()).toBe(n);
  });

  it('leaves no erased value in the database file, its log or the search index', async () => {
    const t = buildApp({ fileDb: true });
    const { hr, id } = await candidateIn(t, 'Zyablikova Evdokia', 'zyablikova.marker@example.ru', 'Qwertymarker dairy chains');
    await hr.agent
      .post(`/candidates/${id}/decision`)
      .type('form')
      .send({ _csrf: hr.csrf, decision: 'reject', reason: 'Zyablikova wants more' })
      .expect(302);
    const bytes = () =>
      ['kam-hire.db', 'kam-hire.db-wal']
        .map((f) => join(t.dataDir, f))
        .filter((f) => existsSync(f))
        .map((f) => readFileSync(f).toString('latin1').toLowerCase())
        .join('\n');
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(bytes()).toContain('zyablikova');
    await hr.agent.post(`/candidates/${id}/erase`).type('form').send({ _csrf: hr.csrf, confirm: 'Zyablikova Evdokia' }).expect(302);
    const left = bytes();
    for (const marker of ['zyablikova', 'qwertymarker', 'evdokia']) expect(left).not.toContain(marker);
  });

  it(`deletes backups older than ${BACKUP_MAX_AGE_DAYS} days, so erased data leaves them too`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'kam-backups-'));
    for (const name of ['kam-hire-20261001-030000.db', 'kam-hire-20261105-030000.db', 'kam-hire-20261201-030000.db', 'notes.txt'])
      writeFileSync(join(dir, name), 'x');
    const removed = pruneExpiredBackups(dir, new Date('2026-12-02T00:00:00Z'));
    expect(removed.map((f) => f.split('/').pop())).toEqual(['kam-hire-20261001-030000.db']);
    expect(readdirSync(dir).sort()).toEqual(['kam-hire-20261105-030000.db', 'kam-hire-20261201-030000.db', 'notes.txt']);
  });
});
