import type { Request, Response } from 'express';
import { GRADES, type Grade } from '../../domain/bank/schema.js';
import {
  approvalFormSchema,
  candidateLang,
  OPEN_OFFER,
  offerAnswerSchema,
  offerDefaults,
  offerFormSchema,
  outsideRange,
  reasonFormSchema,
  REASON_KINDS,
  secondApproverSchema,
  startDateProblem,
} from '../../domain/offer.js';
import { approvalStep, canApproveOffers, departmentKey, isHeadOf, isHr } from '../../domain/policy.js';
import { CURRENCIES, vacancyTitle } from '../../domain/vacancy.js';
import type { Offer } from '../../db/offers.js';
import {
  addReason,
  answerOffer,
  decideApproval,
  deleteReason,
  proposeOffer,
  setReasonRetired,
  setSecondApprover,
  updateReason,
} from '../../services/offers.js';
import { userActorOf } from '../audit.js';
import { formatters, translator } from '../i18n.js';
import { loadOfferCase, loadVacancy } from '../loaders.js';
import { HttpError } from '../middleware/errors.js';
import { flash } from '../middleware/context.js';
import { renderPage } from '../render.js';
import { userOf } from '../types.js';
import { errorLinks, parseForm, type FieldErrors } from '../validation.js';
import { reasonOptions } from '../offer-view.js';

const today = () => new Date().toISOString().slice(0, 10);

type FormState = { errors: FieldErrors; values: Record<string, unknown> };
const EMPTY: FormState = { errors: {}, values: {} };

// ---- The offer page ---------------------------------------------------------------------------

interface OfferPageForms {
  propose?: FormState;
  approval?: FormState;
  answer?: FormState;
}

function offerView(req: Request, o: Offer, compensation: { salaryMin: number | null; salaryMax: number | null }) {
  const { repos, lang } = req.ctx;
  const reason = o.outcomeReasonId ? repos.offers.reason(o.outcomeReasonId) : undefined;
  return {
    ...o,
    range: outsideRange(o.baseSalary, compensation),
    secondApprovedByName: o.secondApprovedBy ? (repos.users.findById(o.secondApprovedBy)?.display_name ?? null) : null,
    reasonLabel: reason ? (lang === 'ru' ? reason.labelRu : reason.labelEn) : null,
  };
}

function showOfferPage(req: Request, res: Response, forms: OfferPageForms = {}, status = 200) {
  const { candidate: c, vacancy: v, offer } = loadOfferCase(req);
  const { repos, lang, t } = req.ctx;
  const user = userOf(req);
  const manage = isHr(user);
  const open = offer !== undefined && OPEN_OFFER.has(offer.status);
  const closed = c.stage === 'hired' || c.stage === 'rejected';
  const step = offer ? approvalStep(user, v, offer) : null;
  const defaults = offerDefaults(v, (repos.scores.get(c.id)?.grade as Grade | null | undefined) ?? null, today());
  const proposeValues = forms.propose?.values ?? {
    grade: defaults.grade,
    base_salary: defaults.baseSalary ?? '',
    currency: defaults.currency,
    bonus_pct: defaults.bonusPct ?? '',
    bonus_terms: '',
    start_date: defaults.startDate,
    lang: candidateLang({ lang: repos.offers.candidateLang(c.id), resumeText: c.resumeText }),
  };
  const second = repos.offers.secondApproverOf(v.id);
  const labels = {
    grade: t('offers.grade'),
    base_salary: t('offers.base_salary'),
    currency: t('offers.currency'),
    bonus_pct: t('offers.bonus_pct'),
    bonus_terms: t('offers.bonus_terms'),
    start_date: t('offers.start_date'),
    lang: t('offers.letter_lang'),
    verdict: t('offers.approval'),
    note: t('offers.note'),
    answer: t('offers.answer'),
    reason: t('offers.reason'),
  };
  const errors = { ...forms.propose?.errors, ...forms.approval?.errors, ...forms.answer?.errors };
  res.status(status);
  renderPage(res, 'pages/offers/show', t('offers.title_for', { name: c.fullName }), {
    c: { id: c.id, fullName: c.fullName, stage: c.stage },
    vacancy: {
      id: v.id,
      title: vacancyTitle(v, lang),
      department: v.department,
      compensation: v.profile.compensation,
      secondApprover: second ? (repos.users.findById(second)?.display_name ?? null) : null,
    },
    manage,
    isHead: isHeadOf(user, v.department),
    offer: offer ? offerView(req, offer, v.profile.compensation) : null,
    history: repos.offers
      .offersOf(c.id)
      .slice(1)
      .map((o) => offerView(req, o, v.profile.compensation)),
    step,
    canPropose: manage && !open && !closed,
    canAnswer: manage && offer?.status === 'approved',
    grades: GRADES,
    currencies: CURRENCIES,
    reasons: { hire: reasonOptions(req, ['hire']), candidate: reasonOptions(req, ['candidate']) },
    errors,
    errorLinks: errorLinks(req, errors, labels, '#offer-title'),
    propose: { values: proposeValues },
    approval: { values: forms.approval?.values ?? { verdict: '', note: '' } },
    answer: { values: forms.answer?.values ?? { answer: '', reason: '', note: '' } },
  });
}

export function showOffer(req: Request, res: Response) {
  showOfferPage(req, res);
}

export function createOffer(req: Request, res: Response) {
  const { candidate: c } = loadOfferCase(req);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const parsed = parseForm(offerFormSchema, body);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  // Checked even when other fields are wrong, so every problem shows at once.
  const start = typeof body.start_date === 'string' ? body.start_date : '';
  if (!errors.start_date && /^\d{4}-\d{2}-\d{2}$/.test(start)) {
    const problem = startDateProblem(start, today());
    if (problem) errors.start_date = { key: problem };
  }
  if (!parsed.ok || Object.keys(errors).length > 0) return showOfferPage(req, res, { propose: { errors, values: body } }, 422);
  const d = parsed.data;
  const done = proposeOffer(
    req.ctx.repos,
    c,
    {
      grade: d.grade,
      baseSalary: d.base_salary,
      currency: d.currency,
      bonusPct: d.bonus_pct ?? null,
      bonusTerms: d.bonus_terms || null,
      startDate: d.start_date,
      lang: d.lang,
    },
    userActorOf(req),
  );
  if (!done.ok) return showOfferPage(req, res, { propose: { errors: { [done.field]: { key: done.key } }, values: body } }, 409);
  flash(req, 'ok', 'offers.proposed');
  res.redirect(`/candidates/${c.id}/offer`);
}

export function approveOffer(req: Request, res: Response) {
  const { vacancy: v, offer } = loadOfferCase(req);
  if (!offer) throw new HttpError(404, 'errors.not_found');
  const step = approvalStep(userOf(req), v, offer);
  // Nothing to approve (already decided) answers 409; someone who is not an approver of this offer, 403.
  if (!step)
    throw new HttpError(offer.status === 'pending' ? 403 : 409, offer.status === 'pending' ? 'errors.forbidden' : 'offers.err_not_pending');
  const body = (req.body ?? {}) as Record<string, unknown>;
  const parsed = parseForm(approvalFormSchema, body);
  if (!parsed.ok) return showOfferPage(req, res, { approval: { errors: parsed.errors, values: body } }, 422);
  if (!decideApproval(req.ctx.repos, offer, step, parsed.data, userActorOf(req))) throw new HttpError(409, 'offers.err_not_pending');
  flash(req, 'ok', parsed.data.verdict === 'approve' ? 'offers.approved_flash' : 'offers.refused');
  res.redirect(`/candidates/${offer.candidateId}/offer`);
}

export function recordAnswer(req: Request, res: Response) {
  const { candidate: c, offer } = loadOfferCase(req);
  if (!offer) throw new HttpError(404, 'errors.not_found');
  const body = (req.body ?? {}) as Record<string, unknown>;
  const parsed = parseForm(offerAnswerSchema, body);
  if (!parsed.ok) return showOfferPage(req, res, { answer: { errors: parsed.errors, values: body } }, 422);
  const done = answerOffer(
    req.ctx.repos,
    offer,
    c,
    { answer: parsed.data.answer, reasonId: parsed.data.reason, note: parsed.data.note },
    userActorOf(req),
  );
  if (!done.ok)
    return showOfferPage(
      req,
      res,
      { answer: { errors: { [done.field]: { key: done.key } }, values: body } },
      done.field === '_form' ? 409 : 422,
    );
  flash(req, 'ok', parsed.data.answer === 'accepted' ? 'offers.accepted_flash' : 'offers.declined_flash');
  res.redirect(`/candidates/${c.id}/offer`);
}

/** The offer letter, in the language chosen for the candidate, ready to print (or save as PDF from the browser). */
export function offerLetter(req: Request, res: Response) {
  const { candidate: c, vacancy: v, offer } = loadOfferCase(req);
  if (!offer) return res.redirect(`/candidates/${c.id}/offer`);
  const lt = translator(offer.lang);
  const lf = formatters(offer.lang);
  renderPage(res, 'pages/offers/letter', req.ctx.t('offers.letter_title', { name: c.fullName }), {
    c: { id: c.id, fullName: c.fullName },
    offer,
    letter: {
      lang: offer.lang,
      t: lt,
      fmt: lf,
      position: offer.lang === 'ru' ? v.titleRu || v.titleEn : v.titleEn || v.titleRu,
      department: v.department,
      final: offer.status === 'approved' || offer.status === 'accepted',
    },
  });
}

/** Offers waiting for this user's approval: as the head of their department, or as a named second approver. */
export function approvals(req: Request, res: Response) {
  const user = userOf(req);
  const { repos, t } = req.ctx;
  const rows = repos.offers.awaitingApproval({
    id: user.id,
    departmentKey: user.role === 'department_head' ? departmentKey(user.department) : '',
  });
  renderPage(res, 'pages/offers/approvals', t('offers.approvals_title'), {
    rows: rows.map((r) => {
      const v = repos.vacancies.findSummaryById(r.vacancyId);
      return { ...r, vacancy: v ? vacancyTitle(v, req.ctx.lang) : '' };
    }),
  });
}

// ---- The vacancy's offer settings ----------------------------------------------------------------

function showSettings(req: Request, res: Response, state: FormState, status = 200) {
  const v = loadVacancy(req);
  const { repos, t } = req.ctx;
  const options = repos.users
    .list()
    .filter((u) => canApproveOffers(u) && !isHeadOf({ id: u.id, role: u.role, department: u.department }, v.department))
    .map((u) => ({ value: String(u.id), label: `${u.display_name} · ${t(`roles.${u.role}`)}${u.department ? ` · ${u.department}` : ''}` }));
  res.status(status);
  renderPage(res, 'pages/offers/settings', t('offers.settings_title'), {
    vacancy: { id: v.id, title: vacancyTitle(v, req.ctx.lang), department: v.department },
    options: [{ value: '', label: t('offers.no_second_approver') }, ...options],
    values: { second_approver: String(state.values.second_approver ?? repos.offers.secondApproverOf(v.id) ?? '') },
    errors: state.errors,
    errorLinks: errorLinks(req, state.errors, { second_approver: t('offers.second_approver') }, '#offer-title'),
  });
}

export function offerSettings(req: Request, res: Response) {
  showSettings(req, res, EMPTY);
}

export function saveOfferSettings(req: Request, res: Response) {
  const v = loadVacancy(req);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const parsed = parseForm(secondApproverSchema, body);
  if (!parsed.ok) return showSettings(req, res, { errors: parsed.errors, values: body }, 422);
  const id = parsed.data.second_approver;
  if (id !== null) {
    const u = req.ctx.repos.users.findById(id);
    // The second approver is someone besides the department's head, able to approve (not disabled, not an interviewer).
    if (!u || !canApproveOffers(u) || isHeadOf({ id: u.id, role: u.role, department: u.department }, v.department))
      return showSettings(req, res, { errors: { second_approver: { key: 'offers.err_approver' } }, values: body }, 422);
  }
  setSecondApprover(req.ctx.repos, v.id, id, userActorOf(req));
  flash(req, 'ok', 'offers.settings_saved');
  res.redirect(`/vacancies/${v.id}/offer-settings`);
}

// ---- The reasons the admin keeps ------------------------------------------------------------------

const reasonLabels = (req: Request) => ({
  kind: req.ctx.t('offers.reason_kind'),
  label_ru: req.ctx.t('offers.label_ru'),
  label_en: req.ctx.t('offers.label_en'),
});

function showReasons(req: Request, res: Response, state: FormState, status = 200) {
  const { repos, t } = req.ctx;
  res.status(status);
  renderPage(res, 'pages/offers/reasons', t('offers.reasons_title'), {
    reasons: repos.offers.reasons(),
    kinds: REASON_KINDS,
    values: { kind: 'company', label_ru: '', label_en: '', ...state.values },
    errors: state.errors,
    errorLinks: errorLinks(req, state.errors, reasonLabels(req), '#offer-title'),
  });
}

export function listReasons(req: Request, res: Response) {
  showReasons(req, res, EMPTY);
}

export function createReason(req: Request, res: Response) {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const parsed = parseForm(reasonFormSchema, body);
  if (!parsed.ok) return showReasons(req, res, { errors: parsed.errors, values: body }, 422);
  addReason(req.ctx.repos, { kind: parsed.data.kind, labelRu: parsed.data.label_ru, labelEn: parsed.data.label_en }, userActorOf(req));
  flash(req, 'ok', 'offers.reason_added');
  res.redirect('/admin/decision-reasons');
}

function reasonOf(req: Request) {
  const id = Number(req.params.id);
  const r = Number.isInteger(id) && id > 0 ? req.ctx.repos.offers.reason(id) : undefined;
  if (!r) throw new HttpError(404, 'errors.not_found');
  return r;
}

function showReason(req: Request, res: Response, state: FormState, status = 200) {
  const r = reasonOf(req);
  res.status(status);
  renderPage(res, 'pages/offers/reason-edit', req.ctx.t('offers.reason_edit'), {
    reason: r,
    kinds: REASON_KINDS,
    values: { kind: r.kind, label_ru: r.labelRu, label_en: r.labelEn, ...state.values },
    errors: state.errors,
    errorLinks: errorLinks(req, state.errors, reasonLabels(req), '#offer-title'),
  });
}

export function editReason(req: Request, res: Response) {
  showReason(req, res, EMPTY);
}

export function saveReason(req: Request, res: Response) {
  const r = reasonOf(req);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const parsed = parseForm(reasonFormSchema, body);
  if (!parsed.ok) return showReason(req, res, { errors: parsed.errors, values: body }, 422);
  const done = updateReason(
    req.ctx.repos,
    r.id,
    { kind: parsed.data.kind, labelRu: parsed.data.label_ru, labelEn: parsed.data.label_en },
    userActorOf(req),
  );
  if (!done.ok) return showReason(req, res, { errors: { [done.field]: { key: done.key } }, values: body }, 422);
  flash(req, 'ok', 'offers.reason_saved');
  res.redirect('/admin/decision-reasons');
}

export function retireReason(req: Request, res: Response) {
  const r = reasonOf(req);
  setReasonRetired(req.ctx.repos, r.id, true, userActorOf(req));
  flash(req, 'ok', 'offers.reason_retired');
  res.redirect('/admin/decision-reasons');
}

export function restoreReason(req: Request, res: Response) {
  const r = reasonOf(req);
  setReasonRetired(req.ctx.repos, r.id, false, userActorOf(req));
  flash(req, 'ok', 'offers.reason_restored');
  res.redirect('/admin/decision-reasons');
}

export function removeReason(req: Request, res: Response) {
  const r = reasonOf(req);
  const done = deleteReason(req.ctx.repos, r.id, userActorOf(req));
  if (!done.ok) {
    flash(req, 'error', done.key);
    return res.redirect('/admin/decision-reasons');
  }
  flash(req, 'ok', 'offers.reason_deleted');
  res.redirect('/admin/decision-reasons');
}
