import express, { type Express } from 'express';
import { fileStore, pendingUploads } from '../storage/files.js';
import { LoginThrottle } from '../security/throttle.js';
import { RateLimit } from '../security/rate-limit.js';
import { privacyService } from '../services/privacy.js';
import { createLogger, requestLog, type Logger } from './middleware/log.js';
import { SqliteSessionStore } from '../db/session-store.js';
import { context } from './middleware/context.js';
import { csrfTokens, verifyCsrf } from './middleware/csrf.js';
import { requireAccess } from './middleware/auth.js';
import { sessions } from './middleware/session.js';
import { securityHeaders } from './middleware/security-headers.js';
import { errorHandler, notFound } from './middleware/errors.js';
import { ROUTES, type RouteDef } from './routes.js';
import { ejsViewEngine } from './view-engine.js';
import type { AppDeps } from './types.js';
import { createRepos } from '../db/repos.js';

const VIEWS_DIR = new URL('../../views/', import.meta.url).pathname;
const PUBLIC_DIR = new URL('../../public/', import.meta.url).pathname;

let shared: Logger | null = null;

/** One logger per process: its asynchronous destination flushes once, at exit. */
function defaultLogger(level: string): Logger {
  shared ??= createLogger(level);
  return shared;
}

export interface KamApp extends Express {
  close: () => void;
}

export function createApp(deps: AppDeps, routes: RouteDef[] = ROUTES): KamApp {
  const { db, config } = deps;
  const repos = deps.repos ?? createRepos(db);
  const store = new SqliteSessionStore(db);
  const app = express() as KamApp;

  app.engine('ejs', ejsViewEngine());
  app.set('view engine', 'ejs');
  app.set('views', VIEWS_DIR);
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  // Pages are made per person and request (a form token, their own data): an ETag, a hash of every page sent,
  // would only ever match the page just shown. Static files keep theirs (serve-static makes its own).
  app.set('etag', false);
  if (config.env === 'production') app.set('view cache', true);

  app.use(securityHeaders(config.cookieSecure));
  // Only paths that look like files reach the static handler: a page request then costs no stat().
  const assets = express.static(PUBLIC_DIR, { maxAge: config.env === 'production' ? '1h' : 0 });
  app.use((req, res, next) => (/\.[a-z0-9]+$/i.test(req.path) ? assets(req, res, next) : next()));
  app.use(sessions(store, deps.sessionSecret, config.cookieSecure));
  const pending = pendingUploads(config.dataDir);
  pending.sweep();
  const services = {
    repos,
    files: fileStore(config.dataDir),
    pending,
    throttle: deps.throttle ?? new LoginThrottle(),
    // Take-home submissions per address: 30 in 10 minutes (a candidate fixing a form error resends).
    submissionLimit: new RateLimit(30, 10 * 60_000),
    privacy: privacyService(db, config.dataDir, repos),
  };
  const logger = deps.logger ?? defaultLogger(config.logLevel ?? (config.env === 'test' ? 'error' : 'info'));
  // Every request gets an id and req.log; tests log only errors unless they pass their own logger.
  app.use(requestLog(logger));
  app.use(context(services, config));
  app.use(csrfTokens(deps.sessionSecret, { secureCookie: config.cookieSecure }));
  // After the context, so a malformed or oversized body is answered in the user's language like any error.
  app.use(express.urlencoded({ extended: true, limit: '1mb', parameterLimit: 2000 }));
  app.use(express.json({ limit: '1mb' }));

  // The routes grouped by their first path segment (/vacancies/…, /admin/…): a request is matched against its own
  // group, in the table's order, instead of against every route of the table in turn.
  const groups = new Map<string, express.Router>();
  for (const route of routes) {
    if (route.access === undefined) throw new Error(`Route ${route.method.toUpperCase()} ${route.path} declares no access`);
    // Body parsers that only some routes need (file uploads) run after the access check, before CSRF.
    const chain = [requireAccess(route.access), ...(route.parse ?? []), ...(route.method === 'get' ? [] : [verifyCsrf]), ...route.handlers];
    const key = firstSegment(route.path);
    if (key.startsWith(':') || key.includes('*')) throw new Error(`Route ${route.path}: its first path segment must be fixed`);
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = express.Router()));
    group[route.method](route.path, ...chain);
  }
  app.use((req, res, next) => {
    const group = groups.get(firstSegment(req.path));
    if (group === undefined) next();
    else group(req, res, next);
  });

  app.use(notFound);
  app.use(errorHandler);
  app.close = () => store.close();
  return app;
}

/** The first segment of a path, as routing compares it (case-insensitively): '/vacancies/1/candidates' → 'vacancies'. */
function firstSegment(path: string): string {
  const end = path.indexOf('/', 1);
  return (end === -1 ? path.slice(1) : path.slice(1, end)).toLowerCase();
}
