/**
 * The baseline for `npm run bench:pages`: a bare express 5 + ejs app (no session, no helmet, no i18n, no
 * access checks, no layout) that renders the same 25 rows the candidate list shows by default.
 *
 * BARE_MODE=query (default): runs the page's own list and count queries (candidatesRepo.list, the default order: coverage, then fit,
 *   first page) on every request — the difference to the real page is then the app's overhead alone.
 * BARE_MODE=static: reads the rows once at start and only renders them — express + ejs and nothing else.
 *
 * BARE_ENGINE=app: renders through the app's view engine (src/web/view-engine.ts) instead of ejs as it comes,
 *   to show how much of the difference is templating.
 * BARE_PAGE=app: serves the app's own page instead of this folder's small one: the same query, view-model
 *   (src/web/candidate-list-view.ts), templates (views/layouts/main + pages/candidates/list), messages and formats, so
 *   the same HTML as the app sends an HR user, byte for byte but for the form token. What it leaves out is what the
 *   app does around a page on every request: session, user, access check, CSRF, security headers, request log.
 *
 * Env: BARE_DB (SQLite file), BARE_VACANCY (id), PORT (0 = any free port). Prints "bare running at <url>".
 */
import express from 'express';
import { candidatesRepo, type ListFilter } from '../../src/db/candidates.js';
import { openDatabase } from '../../src/db/connection.js';
import { ejsViewEngine } from '../../src/web/view-engine.js';
import { candidateListView, listFilter, listQuery } from '../../src/web/candidate-list-view.js';
import { formatters, translator } from '../../src/web/i18n.js';

const file = process.env.BARE_DB;
const vacancyId = Number(process.env.BARE_VACANCY);
const mode = process.env.BARE_MODE === 'static' ? 'static' : 'query';
if (!file || !Number.isInteger(vacancyId)) throw new Error('BARE_DB and BARE_VACANCY are required');

const db = openDatabase(file);
const repo = candidatesRepo(db);
const filter: ListFilter = { vacancyId, sort: 'fit', limit: 25, offset: 0 };
const title = (db.prepare('SELECT title_ru AS t FROM vacancies WHERE id = ?').get(vacancyId) as { t: string } | undefined)?.t ?? '';
const once = mode === 'static' ? repo.list(filter) : null;

const dateFmt = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'medium', timeZone: 'Europe/Moscow' });
const numberFmt = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });
const date = (v: string) => dateFmt.format(new Date(v));
const number = (n: number) => numberFmt.format(n);

const app = express();
if (process.env.BARE_ENGINE === 'app') app.engine('ejs', ejsViewEngine());
app.set('view engine', 'ejs');
app.set('views', new URL('./', import.meta.url).pathname);
app.set('view cache', true);
app.disable('x-powered-by');
if (process.env.BARE_PAGE === 'app') {
  // The app's page as an HR user reading Russian sees it (the demo's HR user; the token is a fixed stand-in).
  const vacancy = db.prepare('SELECT id, title_ru AS title FROM vacancies WHERE id = ?').get(vacancyId) as { id: number; title: string };
  const query = listQuery.parse({});
  const t = translator('ru');
  const locals = {
    t,
    fmt: formatters('ru'),
    lang: 'ru',
    user: { id: 0, username: 'hr', display_name: 'Анна Смирнова (HR)', role: 'hr', department: null, locale: 'ru' },
    flash: [],
    csrfToken: 'bare-page-stand-in-for-the-token',
    currentPath: `/vacancies/${vacancyId}/candidates`,
  };
  app.engine('ejs', ejsViewEngine());
  app.set('views', new URL('../../views/', import.meta.url).pathname);
  app.set('etag', false);
  app.get('/list', (_req, res) => {
    const filter = listFilter(vacancyId, query);
    const vm = candidateListView(vacancy, query, filter, repo.list(filter));
    Object.assign(res.locals, locals);
    res.render('layouts/main', { ...vm, title: t('candidates.title'), bodyView: 'pages/candidates/list' }, (err, html) => {
      if (err) throw err;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(html);
    });
  });
}
app.get('/list', (_req, res) => {
  const { rows, total } = once ?? repo.list(filter);
  res.render('list', { rows, total, pages: Math.max(1, Math.ceil(total / 25)), vacancyTitle: title, date, number });
});

const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const a = server.address();
  const port = typeof a === 'object' && a ? a.port : 0;
  const how = process.env.BARE_PAGE === 'app' ? ", the app's page" : process.env.BARE_ENGINE === 'app' ? ', app view engine' : '';
  console.log(`bare (${mode}${how}) running at http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 2000).unref();
});
