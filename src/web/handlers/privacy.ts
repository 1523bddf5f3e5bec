import type { Request, Response } from 'express';
import type { ConsentEventRow, ConsentRow } from '../../db/consent.js';
import { actionGroupLabel, actionLabel, describeAudit, zonedMidnight } from '../audit-view.js';
import { z } from 'zod';
import { msg } from '../../domain/messages.js';
import { actorOf, audit } from '../audit.js';
import { flash } from '../middleware/context.js';
import { renderPage } from '../render.js';
import { parseForm, type FieldErrors } from '../validation.js';
import { loadCandidate } from '../loaders.js';

// ---- One candidate: export and erasure on request -----------------------------------------------

/** Everything held about the candidate, as one JSON file: the answer to a data-subject access request. */
export function exportCandidate(req: Request, res: Response) {
  const { candidate: c, vacancy: v } = loadCandidate(req);
  const { repos } = req.ctx;
  audit(req, 'candidate.export', { type: 'candidate', id: c.id });
  const data = {
    exportedAt: new Date().toISOString(),
    candidate: {
      id: c.id,
      fullName: c.fullName,
      email: c.email,
      phone: c.phone,
      city: c.city,
      source: c.source,
      stage: c.stage,
      createdAt: c.createdAt,
      consent: { date: c.consentAt, version: c.consentVersion },
      resumeText: c.resumeText,
      coverLetter: c.coverLetter,
    },
    vacancy: { slug: v.slug, title: { ru: v.titleRu, en: v.titleEn } },
    // The consent record and its history, without the link's token hash.
    consentRecord: consentExport(repos.consent.get(c.id), repos.consent.events(c.id)),
    screening: repos.candidates.screening(c.id) ?? null,
    history: repos.candidates.events(c.id),
    interviews: repos.interviews.forCandidate(c.id).map((iv) => ({
      stage: iv.stage,
      scheduledAt: iv.scheduledAt,
      scorecards: repos.interviews
        .scorecards(iv.id)
        .filter((s) => s.status === 'submitted')
        .map((s) => ({ interviewer: s.interviewerName, submittedAt: s.submittedAt, data: s.data })),
    })),
    assignments: repos.assignments.forCandidate(c.id).map((a) => ({
      item: a.itemId,
      deadlineAt: a.deadlineAt,
      submissions: repos.assignments.submissions(a.id).map((s) => ({
        version: s.version,
        submittedAt: s.submittedAt,
        body: s.body,
        link: s.link,
        files: s.files.map((f) => f.originalName),
      })),
      grades: repos.assignments.grades(a.id).map((g) => ({ scores: g.scores, comment: g.comment, submittedAt: g.submittedAt })),
    })),
    score: repos.scores.get(c.id)?.result ?? null,
    // The offers made to the candidate and the final decision (with the reason's labels).
    offers: repos.offers.offersOf(c.id).map((o) => ({
      status: o.status,
      grade: o.grade,
      baseSalary: o.baseSalary,
      currency: o.currency,
      bonusPct: o.bonusPct,
      bonusTerms: o.bonusTerms,
      startDate: o.startDate,
      lang: o.lang,
      proposedAt: o.createdAt,
      answeredAt: o.outcomeAt,
      answerNote: o.outcomeNote,
    })),
    outcome: (() => {
      const o = repos.offers.outcome(c.id);
      const r = o?.reasonId ? repos.offers.reason(o.reasonId) : undefined;
      return o ? { outcome: o.outcome, reason: r ? { ru: r.labelRu, en: r.labelEn } : null, note: o.note, decidedAt: o.decidedAt } : null;
    })(),
  };
  res.attachment(`candidate-${c.id}.json`);
  res.type('application/json').send(JSON.stringify(data, null, 2));
}

const eraseSchema = z.object({ confirm: z.string().trim().min(1, 'errors.required').max(300) });

export function showErase(req: Request, res: Response, errors: FieldErrors = {}, status = 200, typed = '') {
  const { candidate: c } = loadCandidate(req);
  res.status(status);
  renderPage(res, 'pages/privacy/erase', req.ctx.t('privacy.erase_title'), {
    c: { id: c.id, fullName: c.fullName, anonymized: c.fullName === `#${c.id}` },
    errors,
    // What was typed stays in the box, so a near miss can be corrected rather than retyped.
    typed,
  });
}

export function eraseCandidate(req: Request, res: Response) {
  const { candidate: c } = loadCandidate(req);
  const parsed = parseForm(eraseSchema, req.body ?? {});
  if (!parsed.ok) return showErase(req, res, parsed.errors, 422);
  // Typing the name guards against erasing the wrong person by a slip of the mouse.
  if (parsed.data.confirm.toLocaleLowerCase() !== c.fullName.trim().toLocaleLowerCase())
    return showErase(req, res, { confirm: { key: 'privacy.confirm_mismatch' } }, 422, parsed.data.confirm);
  req.ctx.services.privacy.erase(c.id, actorOf(req));
  flash(req, 'ok', 'privacy.erased');
  res.redirect(`/candidates/${c.id}`);
}

// ---- Admin: retention ---------------------------------------------------------------------------

function showPrivacy(req: Request, res: Response, values: Record<string, unknown>, errors: FieldErrors, status = 200) {
  const p = req.ctx.services.privacy;
  res.status(status);
  renderPage(res, 'pages/privacy/settings', req.ctx.t('privacy.title'), {
    values,
    errors,
    due: p.dueCount(),
    lastRun: p.lastRun(),
    months: p.months(),
  });
}

export function privacySettings(req: Request, res: Response) {
  showPrivacy(req, res, { months: String(req.ctx.services.privacy.months()) }, {});
}

const monthsSchema = z.object({
  months: z.coerce
    .number({ error: 'errors.number' })
    .int('errors.integer')
    .min(1, msg('errors.range', { min: 1, max: 120 }))
    .max(120, msg('errors.range', { min: 1, max: 120 })),
});

export function saveRetention(req: Request, res: Response) {
  const parsed = parseForm(monthsSchema, req.body ?? {});
  if (!parsed.ok) return showPrivacy(req, res, req.body ?? {}, parsed.errors, 422);
  req.ctx.services.privacy.setMonths(parsed.data.months);
  audit(req, 'privacy.retention_set', undefined, { months: parsed.data.months });
  flash(req, 'ok', 'privacy.saved');
  res.redirect('/admin/privacy');
}

export function runRetentionNow(req: Request, res: Response) {
  const r = req.ctx.services.privacy.run();
  audit(req, 'privacy.retention_run', undefined, { months: r.months, anonymized: r.anonymized.length });
  flash(req, 'ok', 'privacy.ran');
  res.redirect('/admin/privacy');
}

// ---- Admin: audit log ---------------------------------------------------------------------------

/** The action filter: each group (`candidate`, all its actions) and then each action, in words, sorted as read. */
function auditActionOptions(req: Request) {
  const { t, lang } = req.ctx;
  const actions = req.ctx.repos.audit.actions();
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, lang);
  const groups = [...new Set(actions.map((a) => a.split('.')[0]!))].map((g) => ({ value: g, label: actionGroupLabel(t, g) })).sort(byLabel);
  return { groups, actions: actions.map((a) => ({ value: a, label: actionLabel(t, a) })).sort(byLabel) };
}

const auditQuery = z.object({
  action: z
    .string()
    .trim()
    .regex(/^[a-z_.]{1,60}$/)
    .optional()
    .catch(undefined),
  user: z.coerce.number().int().positive().optional().catch(undefined),
  subject: z
    .string()
    .trim()
    .regex(/^[a-z]+:[A-Za-z0-9_.@-]{1,80}$/)
    .optional()
    .catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).default(1).catch(1),
});
const AUDIT_PAGE = 50;

export function auditLog(req: Request, res: Response) {
  const q = auditQuery.parse(req.query);
  const [subjectType, subjectId] = q.subject ? (q.subject.split(':') as [string, string]) : [undefined, undefined];
  // The dates are days in the configured zone (Moscow by default), as the times on the page are shown.
  const zone = req.ctx.config.timeZone;
  const from = q.from ? zonedMidnight(q.from, zone) : undefined;
  const to = q.to ? zonedMidnight(new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10), zone) : undefined;
  const { rows, total } = req.ctx.repos.audit.list({
    action: q.action,
    userId: q.user,
    subjectType,
    subjectId,
    from,
    to,
    limit: AUDIT_PAGE,
    offset: (q.page - 1) * AUDIT_PAGE,
  });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE));
  const link = (page: number) =>
    `?${new URLSearchParams(
      Object.entries({ action: q.action, user: q.user, subject: q.subject, from: q.from, to: q.to, page })
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    ).toString()}`;
  renderPage(res, 'pages/privacy/audit', req.ctx.t('audit.title'), {
    filters: { action: q.action ?? '', user: q.user ? String(q.user) : '', subject: q.subject ?? '', from: q.from ?? '', to: q.to ?? '' },
    actions: auditActionOptions(req),
    users: req.ctx.repos.users.list().map((u) => ({ id: u.id, name: `${u.display_name} (${u.username})` })),
    rows: describeAudit(req, rows),
    total,
    page: q.page,
    pages,
    prev: q.page > 1 ? link(q.page - 1) : null,
    next: q.page < pages ? link(q.page + 1) : null,
  });
}

function consentExport(row: ConsentRow | undefined, events: ConsentEventRow[]) {
  if (!row) return { state: 'not_requested', history: [] };
  const { token_hash: _hash, ...rest } = row;
  return { ...rest, history: events };
}
