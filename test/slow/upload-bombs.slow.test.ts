/**
 * Issue 13, finding 1, against the real server: five hostile files submitted at once through a
 * candidate's take-home link must not stop the server. /health is polled throughout and must answer
 * every time within a second; each uploader gets the "too complex" message; the server then
 * still takes a normal submission.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../helpers/server.js';
import { docxOfTinyParagraphs, MiB, pdfBomb, xlsxOfManyRows } from '../helpers/hostile.js';
import { health, submit, takeHomeLink } from '../helpers/take-home.js';

const PASSWORD = 'bomb-test-password';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('hostile uploads through a take-home link (real server)', () => {
  it('keeps /health under 1 s while five such files are submitted at once, and tells each uploader why', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kam-bombs-'));
    dirs.push(dataDir);
    const server = await startServer({ DATA_DIR: dataDir, DEMO_PASSWORD: PASSWORD });
    try {
      const token = await takeHomeLink(server.url, PASSWORD);
      const files: [string, Uint8Array][] = [
        ['proposal.docx', docxOfTinyParagraphs(60 * MiB)],
        ['liar.docx', docxOfTinyParagraphs(60 * MiB, { declaredSize: 1000 })],
        ['slow.docx', docxOfTinyParagraphs(5 * MiB)],
        ['plan.xlsx', xlsxOfManyRows(60 * MiB)],
        ['deck.pdf', await pdfBomb(100 * MiB)],
      ];
      for (const [, f] of files) expect(f.length).toBeLessThan(300_000);

      const latencies: number[] = [];
      let polling = true;
      const poll = (async () => {
        while (polling) {
          const started = Date.now();
          expect(await health(server.url)).toBe(200);
          latencies.push(Date.now() - started);
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      let results: Awaited<ReturnType<typeof submit>>[];
      try {
        results = await Promise.all(files.map(([name, buf]) => submit(server.url, token, [[name, buf]])));
      } finally {
        polling = false;
      }
      await poll;

      for (const [i, r] of results.entries()) {
        expect(r.status, files[i]![0]).toBe(422);
        expect(r.html, files[i]![0]).toContain(`The file ${files[i]![0]} is too complex to open`);
      }
      const worst = Math.max(...latencies);
      console.log(
        JSON.stringify({
          healthPolls: latencies.length,
          worstHealthMs: worst,
          slowestHealthMs: [...latencies].sort((a, b) => b - a).slice(0, 5),
          uploadMs: results.map((r) => r.ms),
        }),
      );
      expect(latencies.length).toBeGreaterThan(5);
      expect(worst).toBeLessThan(1000);

      // Still alive and still taking real work.
      const ok = await submit(server.url, token, [['plan.txt', new TextEncoder().encode('Plan: 12 SKU, promo in Q2.\n')]]);
      expect(ok.status).toBe(303);
      expect(server.proc.exitCode).toBeNull();
    } catch (err) {
      // What the server said is the first thing to read when this fails.
      console.error(server.output().slice(-4000));
      throw err;
    } finally {
      await server.stop();
    }
  }, 120_000);
});
