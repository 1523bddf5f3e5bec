import type { Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type SanitizeHtml from 'sanitize-html';
import { z } from 'zod';
import { OUTBOX_STATES, parseAttachments, type OutboxState } from '../../db/outbox.js';
import { LANGS, type Lang } from '../../domain/bank/schema.js';
import { downloadHeaders } from '../../domain/download.js';
import { TEMPLATE_KEYS, type TemplateKey } from '../../domain/mail/message.js';
import { renderTemplate, type MailTemplate } from '../../domain/mail/render.js';
import { lazyPackage } from '../../domain/lazy.js';
import { isTemplateKey, sampleVars, TEMPLATE_VOCABULARY, templateFormSchema } from '../../domain/mail/vocabulary.js';
import { mailScope } from '../../domain/policy.js';
import { defaultTemplateOrNull, resetTemplate, saveTemplate } from '../../services/mail.js';
import { emlName } from '../../services/mail-sender.js';
import { actorOf, audit } from '../audit.js';
import { HttpError } from '../middleware/errors.js';
import { flash } from '../middleware/context.js';
import { renderPage } from '../render.js';
import { userOf } from '../types.js';
import { parseForm, type FieldErrors } from '../validation.js';
import { loadCandidate, loadMail } from '../loaders.js';

// sanitize-html loads with the first letter previewed, not at start-up.
const sanitizeHtml = lazyPackage<typeof SanitizeHtml>('sanitize-html');

const PAGE_SIZE = 50;

// ---- The outbox ------------------------------------------------------------------------------

const listQuery = z.object({
  state: z
    .enum(OUTBOX_STATES as [OutboxState, ...OutboxState[]])
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).default(1).catch(1),
});

export function listOutbox(req: Request, res: Response) {
  const scope = mailScope(userOf(req));
  if (!scope) throw new HttpError(403, 'errors.forbidden');
  const q = listQuery.parse(req.query);
  const { rows, total } = req.ctx.repos.outbox.list({ scope, state: q.state ?? null, limit: PAGE_SIZE, offset: (q.page - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = (page: number) =>
    `?${new URLSearchParams({ ...(q.state ? { state: q.state } : {}), ...(page > 1 ? { page: String(page) } : {}) })}`;
  renderPage(res, 'pages/mail/outbox', req.ctx.t('mail.outbox_title'), {
    rows,
    total,
    states: OUTBOX_STATES,
    state: q.state ?? '',
    scope,
    smtp: Boolean(req.ctx.config.smtpUrl),
    prevHref: q.page > 1 ? href(q.page - 1) : null,
    nextHref: q.page < pages ? href(q.page + 1) : null,
  });
}

/** Mail HTML shown inside a sandboxed frame, and cleaned again: a stored body is never trusted as markup. */
const previewHtml = (html: string) =>
  sanitizeHtml()(html, {
    allowedTags: ['p', 'br', 'strong', 'em', 'b', 'i', 'ul', 'ol', 'li', 'blockquote', 'a', 'h3', 'h4', 'hr', 'table', 'tr', 'td', 'th'],
    allowedAttributes: { a: ['href'] },
    allowedSchemes: ['http', 'https', 'mailto'],
  });

export function showMail(req: Request, res: Response) {
  const row = loadMail(req);
  const eml = emlName(row.id);
  audit(req, 'mail.view', { type: 'outbox', id: row.id });
  renderPage(res, 'pages/mail/message', row.subject, {
    m: row,
    attachments: parseAttachments(row).map((a, i) => ({
      index: i,
      filename: a.filename,
      contentType: a.contentType,
      size: Buffer.byteLength(a.content),
    })),
    html: previewHtml(row.body_html),
    eml: row.state === 'kept' && existsSync(join(req.ctx.config.dataDir, eml)) ? eml : null,
    candidate: row.candidate_id ? (req.ctx.repos.candidates.get(row.candidate_id) ?? null) : null,
  });
}

const indexParam = z.object({ index: z.coerce.number().int().min(0).max(100) });

export function downloadAttachment(req: Request, res: Response) {
  const row = loadMail(req);
  const p = indexParam.safeParse(req.params);
  const a = p.success ? parseAttachments(row)[p.data.index] : undefined;
  if (!a) throw new HttpError(404, 'errors.not_found');
  audit(req, 'mail.attachment_download', { type: 'outbox', id: row.id }, { file: a.filename });
  res.set(downloadHeaders(a.filename, a.contentType.startsWith('text/calendar') ? 'ics' : 'txt'));
  res.send(a.content);
}

export function retryMail(req: Request, res: Response) {
  const row = loadMail(req);
  if (
    req.ctx.repos.transaction(() => {
      const ok = req.ctx.repos.outbox.retry(row.id);
      if (ok) audit(req, 'mail.retry', { type: 'outbox', id: row.id });
      return ok;
    })
  )
    flash(req, 'ok', 'mail.retry_queued');
  else flash(req, 'error', 'mail.retry_not_failed');
  res.redirect(`/outbox/${row.id}`);
}

// ---- Templates -------------------------------------------------------------------------------

export function listTemplates(req: Request, res: Response) {
  const edited = new Map(req.ctx.repos.mailTemplates.all().map((t) => [`${t.key}.${t.lang}`, t]));
  renderPage(res, 'pages/mail/templates', req.ctx.t('mail.templates_title'), {
    rows: TEMPLATE_KEYS.map((key) => ({
      key,
      langs: LANGS.map((lang) => {
        const e = edited.get(`${key}.${lang}`);
        return {
          lang,
          state: e ? 'edited' : defaultTemplateOrNull(key, lang) ? 'default' : 'missing',
          updatedAt: e?.updatedAt ?? null,
          updatedBy: e?.updatedByName ?? null,
        };
      }),
    })),
  });
}

function templateParam(req: Request): { key: TemplateKey; lang: Lang } {
  const m = /^([a-z_]+)\.(ru|en)$/.exec(String(req.params.template ?? ''));
  if (!m || !isTemplateKey(m[1] as string)) throw new HttpError(404, 'errors.not_found');
  return { key: m[1] as TemplateKey, lang: m[2] as Lang };
}

function showTemplate(
  req: Request,
  res: Response,
  key: TemplateKey,
  lang: Lang,
  values: MailTemplate,
  errors: FieldErrors,
  status = 200,
  preview = true,
) {
  const stored = req.ctx.repos.mailTemplates.get(key, lang);
  const shipped = defaultTemplateOrNull(key, lang);
  let rendered: { subject: string; html: string; text: string } | null = null;
  if (preview && Object.keys(errors).length === 0 && values.subject.trim() && values.body.trim()) {
    rendered = renderTemplate(values, sampleVars(key, lang));
  }
  res.status(status);
  renderPage(res, 'pages/mail/template', req.ctx.t('mail.template_title', { name: req.ctx.t(`mail.kind.${key}`) }), {
    key,
    lang,
    values,
    errors,
    errorLinks: Object.entries(errors).map(([f, e]) => ({
      href: `#f-${f}`,
      text: `${req.ctx.t(`mail.field_${f}`)}: ${req.ctx.t(e.key, e.params)}`,
    })),
    allowed: TEMPLATE_VOCABULARY[key],
    edited: stored ?? null,
    hasDefault: shipped !== null,
    preview: rendered ? { ...rendered, html: previewHtml(rendered.html) } : null,
  });
}

export function editTemplate(req: Request, res: Response) {
  const { key, lang } = templateParam(req);
  const current = req.ctx.repos.mailTemplates.get(key, lang) ?? defaultTemplateOrNull(key, lang) ?? { subject: '', body: '' };
  showTemplate(req, res, key, lang, { subject: current.subject, body: current.body }, {});
}

export function postTemplate(req: Request, res: Response) {
  const { key, lang } = templateParam(req);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const typed = { subject: typeof body.subject === 'string' ? body.subject : '', body: typeof body.body === 'string' ? body.body : '' };
  const parsed = parseForm(templateFormSchema(key), body);
  if (!parsed.ok) return showTemplate(req, res, key, lang, typed, parsed.errors, 422);
  if (body.action === 'preview') return showTemplate(req, res, key, lang, typed, {});
  saveTemplate(req.ctx.repos, actorOf(req), key, lang, parsed.data);
  flash(req, 'ok', 'mail.template_saved');
  res.redirect(`/mail-templates/${key}.${lang}`);
}

export function resetTemplateToDefault(req: Request, res: Response) {
  const { key, lang } = templateParam(req);
  resetTemplate(req.ctx.repos, actorOf(req), key, lang);
  flash(req, 'ok', 'mail.template_reset');
  res.redirect(`/mail-templates/${key}.${lang}`);
}

// ---- The candidate's language -----------------------------------------------------------------

const langSchema = z.object({ lang: z.enum(LANGS, { error: 'errors.choice' }) });

export function setCandidateLang(req: Request, res: Response) {
  const { candidate } = loadCandidate(req);
  const parsed = parseForm(langSchema, req.body ?? {});
  if (!parsed.ok) {
    flash(req, 'error', 'mail.lang_invalid');
    return res.redirect(`/candidates/${candidate.id}#contacts`);
  }
  req.ctx.repos.transaction(() => {
    req.ctx.repos.candidates.setLang(candidate.id, parsed.data.lang);
    audit(req, 'candidate.lang', { type: 'candidate', id: candidate.id }, { from: candidate.lang, to: parsed.data.lang });
  });
  flash(req, 'ok', 'mail.lang_saved');
  res.redirect(`/candidates/${candidate.id}#contacts`);
}
