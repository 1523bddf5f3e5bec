// The slot race across processes: two servers on one database (as behind a load balancer), two
// candidates offered the same time by the same interviewer, both confirming at once, each through a
// different process. Exactly one interview is booked per time; the other candidate is told the time
// was just taken and shown what is left.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.js';
import { HttpUser, PASSWORD, type E2eApp } from '../e2e/helpers.js';

let dataDir: string;
let a: RunningServer;
let b: RunningServer;

const day = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);
const db = () => {
  const d = new Database(join(dataDir, 'kam-hire.db'));
  d.pragma('busy_timeout = 5000');
  return d;
};
const at = (url: string) => ({ url }) as E2eApp;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kam-slot-race-'));
  a = await startServer({ DATA_DIR: dataDir, DEMO_PASSWORD: PASSWORD }, 80_000);
  b = await startServer({ DATA_DIR: dataDir, DEMO_PASSWORD: PASSWORD }, 80_000);
}, 180_000);

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** A candidate's browser: opens the link (session and form token), then confirms a time. */
async function openLink(server: RunningServer, path: string) {
  const who = new HttpUser(at(server.url));
  const page = await (await who.request(path)).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const slots = [...page.matchAll(/name="slot" value="(\d+)"/g)].map((m) => m[1]!);
  return { pick: (slot: string) => who.request(path, { _csrf: csrf, slot }), slots };
}

describe('self-scheduling across two server processes', () => {
  it('books each contested time exactly once', async () => {
    const hr = await new HttpUser(at(a.url)).login('hr');
    const d = db();
    const vacancyId = (d.prepare('SELECT MIN(id) AS id FROM vacancies').get() as { id: number }).id;
    const interviewer = (d.prepare("SELECT id FROM users WHERE username = 'interviewer'").get() as { id: number }).id;
    d.close();

    for (let round = 0; round < 3; round += 1) {
      const date = day(3 + round);
      const links: string[] = [];
      for (const who of ['Алина', 'Борис']) {
        const id = await hr.postForId(`/vacancies/${vacancyId}/candidates`, {
          full_name: `${who} Тестова ${round}`,
          email: `${who.toLowerCase() === 'алина' ? 'alina' : 'boris'}${round}@example.ru`,
          phone: '',
          source: 'hh',
          resume_text: `${who} ${round}: менеджер по ключевым клиентам, FMCG, ${round + 3} года.`,
          consent: '1',
          consent_date: day(0),
          confirm_duplicate: '1',
        });
        const res = await hr.request(`/candidates/${id}/slots`, {
          _csrf: hr.csrf,
          stage: 'competency',
          duration_min: '60',
          location: 'Zoom',
          interviewers: String(interviewer),
          expires_days: '3',
          slot1_date: date,
          slot1_time: '10:00',
          slot2_date: date,
          slot2_time: '16:00',
        });
        expect(res.status).toBe(200);
        links.push(new URL(/value="(http[^"]+\/s\/[^"]+)"/.exec(await res.text())![1]!).pathname);
      }
      const first = await openLink(a, links[0]!);
      const second = await openLink(b, links[1]!);
      const [ra, rb] = await Promise.all([first.pick(first.slots[0]!), second.pick(second.slots[0]!)]);
      expect([ra.status, rb.status].sort()).toEqual([303, 409]);
      const loser = await (ra.status === 409 ? ra : rb).text();
      expect(loser).toContain('Это время только что заняли');
      expect([...loser.matchAll(/name="slot" value="(\d+)"/g)]).toHaveLength(1);
      const check = db();
      const booked = check.prepare('SELECT COUNT(*) AS n FROM interviews WHERE scheduled_at = ?').get(`${date}T07:00:00.000Z`) as {
        n: number;
      };
      check.close();
      expect(booked.n).toBe(1);
    }
  });
});
