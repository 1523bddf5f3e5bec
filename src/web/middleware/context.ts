import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../../config.js';
import type { Lang } from '../../domain/bank/schema.js';
import { formatters, translator } from '../i18n.js';
import type { Services } from '../types.js';

/**
 * Builds req.ctx once per request: who is signed in and in which language they read.
 * Language: the user's setting, else the choice made in the header, else Accept-Language.
 */
export function context(services: Services, config: Config) {
  const repos = services.repos;
  return (req: Request, res: Response, next: NextFunction) => {
    let user = null;
    const id = req.session.userId;
    if (id !== undefined) {
      const row = repos.users.findById(id);
      if (row && !row.disabled) {
        user = {
          id: row.id,
          username: row.username,
          display_name: row.display_name,
          role: row.role,
          department: row.department,
          locale: row.locale,
        };
      } else {
        // A disabled or deleted user loses access on their very next request.
        delete req.session.userId;
      }
    }
    const lang: Lang = user?.locale ?? req.session.lang ?? ((req.acceptsLanguages('ru', 'en') || 'ru') as Lang);
    const t = translator(lang);
    const fmt = formatters(lang, config.timeZone);
    req.ctx = { repos, services, config, user, lang, t, fmt };
    res.locals.t = t;
    res.locals.fmt = fmt;
    res.locals.lang = lang;
    res.locals.user = user;
    res.locals.currentPath = req.originalUrl;
    res.locals.flash = req.session.flash ?? [];
    if (req.session.flash) delete req.session.flash;
    res.setHeader('Content-Language', lang);
    next();
  };
}

export function flash(req: Request, kind: 'ok' | 'error', key: string): void {
  req.session.flash = [...(req.session.flash ?? []), { kind, key }];
}

/** For pages whose reader has no account and no choice yet (a candidate's task link): show them in `lang`. */
export function useLanguage(req: Request, res: Response, lang: Lang): void {
  const t = translator(lang);
  const fmt = formatters(lang, req.ctx.config.timeZone);
  req.ctx = { ...req.ctx, lang, t, fmt };
  res.locals.t = t;
  res.locals.fmt = fmt;
  res.locals.lang = lang;
  res.setHeader('Content-Language', lang);
}
