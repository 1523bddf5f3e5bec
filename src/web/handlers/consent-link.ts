import type { Request, Response } from 'express';
import { z } from 'zod';
import type { ConsentRow } from '../../db/consent.js';
import { canAnswer } from '../../domain/consent.js';
import { candidateLang } from '../../services/candidate-lang.js';
import { answerByLink, ConsentError, currentText, stateOf } from '../../services/consent.js';
import { hashToken } from '../../security/tokens.js';
import { actorOf } from '../audit.js';
import { renderMarkdown } from '../markdown.js';
import { HttpError } from '../middleware/errors.js';
import { useLanguage } from '../middleware/context.js';
import { renderPage } from '../render.js';

// ---- The candidate's consent link: no login, the token is the key (stored only as its hash) ----

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);
const answerSchema = z.object({ action: z.enum(['accept', 'decline', 'withdraw']) });

function load(req: Request, res: Response) {
  const token = tokenSchema.safeParse(req.params.token);
  const row = token.success ? req.ctx.repos.consent.byTokenHash(hashToken(token.data)) : undefined;
  if (!row) throw new HttpError(404, 'consent.unknown_link');
  const candidate = req.ctx.repos.candidates.get(row.candidate_id);
  const vacancy = candidate ? req.ctx.repos.vacancies.findById(candidate.vacancyId) : undefined;
  if (!candidate || !vacancy) throw new HttpError(404, 'consent.unknown_link');
  if (!req.ctx.user && !req.session.lang) useLanguage(req, res, candidateLang(req.ctx.repos, candidate));
  // Erased: nothing about the person is left to show, and nothing can be answered.
  if (row.erased_at) throw new HttpError(410, 'consent.link_erased');
  return { row, candidate, vacancy };
}

function show(
  req: Request,
  res: Response,
  row: ConsentRow,
  vacancy: Parameters<typeof currentText>[1],
  problem: string | null,
  status = 200,
) {
  const { repos, lang, t } = req.ctx;
  const now = new Date();
  const state = stateOf(row);
  // The text in force when it was asked for, in the reader's language; once given, exactly what was accepted.
  const shown = currentText(repos, vacancy, lang, row.text_version);
  const accepted = state === 'given' || state === 'withdrawn' ? row.accepted_text : null;
  res.status(status);
  renderPage(res, 'pages/consent/public', t('consent.public_title'), {
    token: req.params.token,
    state,
    source: row.source,
    answerable: canAnswer(state, row.token_expires_at, now),
    expired: (state === 'requested' || state === 'declined') && !canAnswer(state, row.token_expires_at, now),
    textHtml: renderMarkdown(accepted ?? shown.text),
    version: accepted ? row.text_version : shown.version,
    decidedAt: row.decided_at,
    withdrawnAt: row.withdrawn_at,
    erasureDueAt: row.erasure_due_at,
    expiresAt: row.token_expires_at,
    problem,
  });
}

export function consentPage(req: Request, res: Response) {
  const { row, vacancy } = load(req, res);
  res.setHeader('Referrer-Policy', 'no-referrer');
  show(req, res, row, vacancy, null);
}

export function consentAnswer(req: Request, res: Response) {
  const { row, candidate, vacancy } = load(req, res);
  const parsed = answerSchema.safeParse(req.body ?? {});
  if (!parsed.success) return show(req, res, row, vacancy, 'consent.choose_answer', 422);
  try {
    answerByLink(req.ctx.repos, actorOf(req), candidate, vacancy, {
      action: parsed.data.action,
      ip: req.ip ?? null,
      userAgent: req.get('user-agent') ?? null,
      now: new Date(),
      shown: currentText(req.ctx.repos, vacancy, req.ctx.lang, row.text_version),
    });
  } catch (e) {
    if (e instanceof ConsentError) return show(req, res, req.ctx.repos.consent.get(candidate.id) ?? row, vacancy, e.key, 409);
    throw e;
  }
  res.redirect(303, `/consent/${req.params.token}`);
}
