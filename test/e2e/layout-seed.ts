// Realistic, long content for layout tests: generated candidates at every stage (seed:demo), plus a
// candidate with a long Russian double-barrelled name, a long company name, a long e-mail and URLs in
// the resume, an interview, a take-home task (whose private link is returned), and a long vacancy title.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type E2eApp, HttpUser, scheduleInterview, userId, withDb, isoDay } from './helpers.js';

export const LONG_NAME = 'Александра-Виктория Константиновна Преображенская-Старокрымская';
export const LONG_COMPANY = 'ООО «Торгово-производственная компания „Северо-Западный дистрибьюторский холдинг“»';
export const LONG_URL =
  'https://www.example.ru/portfolio/key-account-management/presentations/2025/negotiations-with-federal-retail-chains';

function runSeed(app: E2eApp, candidates: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/cli/seed-demo.ts', '--candidates', String(candidates), '--seed', '7'], {
      env: { ...process.env, DATA_DIR: app.dataDir, NODE_ENV: 'test', LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    proc.stderr.on('data', (c: Buffer) => {
      out += c.toString();
    });
    proc.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed:demo exited with ${code}:\n${out}`))));
  });
}

export interface LayoutWorld {
  vacancyId: number;
  candidateId: number;
  interviewId: number;
  taskLink: string;
}

export async function seedLongContent(app: E2eApp): Promise<LayoutWorld> {
  await runSeed(app, 14);
  const vacancyId = withDb(app, (db) => (db.prepare('SELECT MIN(id) AS id FROM vacancies').get() as { id: number }).id);
  withDb(app, (db) =>
    db
      .prepare('UPDATE vacancies SET title_ru = ?, title_en = ? WHERE id = ?')
      .run(
        'Менеджер по работе с ключевыми клиентами федеральных торговых сетей (Middle), FMCG, Северо-Западный федеральный округ',
        'Key Account Manager for federal retail chains (Middle), FMCG, North-Western federal district',
        vacancyId,
      ),
  );
  const hr = await new HttpUser(app).login('hr');
  const base = readFileSync(new URL('../fixtures/resumes/ru_hh_kam_nestle.txt', import.meta.url), 'utf8');
  const { candidateId, interviewId } = await scheduleInterview(app, hr, {
    vacancyId,
    fullName: LONG_NAME,
    email: 'aleksandra-viktoria.preobrazhenskaya-starokrymskaya@severo-zapadnyi-holding.example.ru',
    phone: '+7 (921) 555-01-02',
    resumeText: `${LONG_NAME}\n${LONG_COMPANY}\nПортфолио: ${LONG_URL}\nЭлектроннаяпочтадляделовойпереписки: aleksandra-viktoria.preobrazhenskaya-starokrymskaya@severo-zapadnyi-holding.example.ru\n\n${base}`,
    location: `Zoom ${LONG_URL}`,
    // The head grades the take-home task blind below, so the head is not on this panel.
    interviewers: ['interviewer'],
  });
  const res = await hr.request(`/candidates/${candidateId}/assignments`, {
    _csrf: hr.csrf,
    item: 'task:task-commercial-proposal',
    lang: 'ru',
    date: isoDay(4),
    time: '18:00',
    grace_hours: '24',
    graders: String(userId(app, 'head')),
    brief: `Пришлите презентацию ссылкой, например ${LONG_URL}. Компания: ${LONG_COMPANY}.`,
  });
  const html = await res.text();
  const taskLink = /value="(http:\/\/[^"]+\/t\/[A-Za-z0-9_-]+)"/.exec(html)?.[1];
  if (res.status !== 200 || !taskLink) throw new Error(`assigning failed: ${res.status}`);
  return { vacancyId, candidateId, interviewId, taskLink };
}
