import type { Request, Response } from 'express';
import { z } from 'zod';
import { CHECKLIST_KINDS } from '../../domain/bank/schema.js';
import { msg } from '../../domain/messages.js';
import { slugify, vacancyTitle } from '../../domain/vacancy.js';
import { TEMPLATE_KEYS } from '../../domain/screening/index.js';
import { kindField, MIN_REQUIRED_FIELD, policyFormSchema, policySummary } from '../../domain/verdict-policy.js';
import type { ChecklistItem, Vacancy } from '../../db/vacancies.js';
import { screenVacancyAgain } from '../../services/candidates.js';
import { deleteChecklistItem, saveVerdictPolicy, updateChecklistItem } from '../../services/verdict-policy.js';
import { actorOf, audit } from '../audit.js';
import { HttpError } from '../middleware/errors.js';
import { flash } from '../middleware/context.js';
import { renderPage } from '../render.js';
import { parseForm, type FieldErrors } from '../validation.js';
import { loadVacancy } from '../loaders.js';

const text = (max: number) => z.string().trim().max(max, msg('errors.too_long', { max })).default('');

const itemSchema = z
  .object({
    label_ru: text(200),
    label_en: text(200),
    hint_ru: text(500),
    hint_en: text(500),
    kind: z.enum(CHECKLIST_KINDS, { error: 'errors.choice' }),
    weight: z.coerce
      .number({ error: 'errors.number' })
      .int('errors.integer')
      .min(1, msg('errors.range', { min: 1, max: 5 }))
      .max(5, msg('errors.range', { min: 1, max: 5 })),
    keywords: text(2000),
  })
  .refine((f) => Boolean(f.label_ru || f.label_en), { when: () => true, path: ['label_ru'], message: 'errors.label_required' });
type ItemForm = z.infer<typeof itemSchema>;

function toItem(f: ItemForm) {
  return {
    labelRu: f.label_ru || f.label_en,
    labelEn: f.label_en || f.label_ru,
    hintRu: f.hint_ru || null,
    hintEn: f.hint_en || null,
    kind: f.kind,
    weight: f.weight,
    keywords: f.keywords
      .split(/[,;\n]/)
      .map((k) => k.trim())
      .filter(Boolean)
      .slice(0, 50),
  };
}

const isTemplate = (key: string) => (TEMPLATE_KEYS as readonly string[]).includes(key);

function itemValues(i: ChecklistItem) {
  return {
    label_ru: i.labelRu,
    label_en: i.labelEn,
    hint_ru: i.hintRu ?? '',
    hint_en: i.hintEn ?? '',
    kind: i.kind,
    weight: String(i.weight),
    keywords: i.keywords.join(', '),
  };
}

type Failed = { itemId: number | 'new' | 'policy'; values: Record<string, unknown>; errors: FieldErrors };

/** The verdict policy form: each item's kind and the number of required items a pass needs, with the policy in words. */
function policyView(req: Request, v: Vacancy, items: ChecklistItem[], failed: Failed | null) {
  const { lang, t } = req.ctx;
  const label = (i: ChecklistItem) => (lang === 'ru' ? i.labelRu : i.labelEn);
  const kept = failed?.itemId === 'policy' ? failed.values : null;
  const str = (x: unknown) => (typeof x === 'string' ? x : '');
  return {
    summary: policySummary(
      items.map((i) => ({ key: i.key, label: label(i), kind: i.kind })),
      v.verdictPolicy,
      lang,
      t,
    ),
    requiredNow: items.filter((i) => i.kind === 'required').length,
    items: items.map((i) => ({ id: i.id, field: kindField(i.id), label: label(i), kind: kept ? str(kept[kindField(i.id)]) : i.kind })),
    values: { [MIN_REQUIRED_FIELD]: kept ? kept[MIN_REQUIRED_FIELD] : String(v.verdictPolicy.minRequiredMet) },
    errors: failed?.itemId === 'policy' ? failed.errors : {},
  };
}

/** The summary links each problem to its field: f-<name> on the policy form (named by its label), <prefix>-<name> on an item's form. */
function errorLinks(req: Request, items: ChecklistItem[], failed: Failed | null) {
  const { t, lang } = req.ctx;
  const policyLabel = (name: string) => {
    if (name === MIN_REQUIRED_FIELD) return t('checklist.min_required');
    const item = items.find((i) => kindField(i.id) === name);
    return item ? (lang === 'ru' ? item.labelRu : item.labelEn) : null;
  };
  return Object.entries(failed?.errors ?? {}).map(([name, e]) => {
    const message = t(e.key, e.params);
    if (failed!.itemId !== 'policy') return { href: `#${failed!.itemId === 'new' ? 'new' : `i${failed!.itemId}`}-${name}`, text: message };
    const label = policyLabel(name);
    return { href: `#f-${name}`, text: label ? `${label}: ${message}` : message };
  });
}

function show(req: Request, res: Response, v: Vacancy, failed: Failed | null, status = 200) {
  res.status(status);
  const items = req.ctx.repos.vacancies.checklist(v.id);
  renderPage(res, 'pages/vacancies/checklist', req.ctx.t('checklist.edit_title'), {
    errors: failed?.errors ?? {},
    errorLinks: errorLinks(req, items, failed),
    vacancy: { id: v.id, title: vacancyTitle(v, req.ctx.lang) },
    policy: policyView(req, v, items, failed),
    kinds: CHECKLIST_KINDS,
    items: items.map((i, n) => ({
      id: i.id,
      key: i.key,
      template: isTemplate(i.key),
      first: n === 0,
      last: n === items.length - 1,
      values: failed?.itemId === i.id ? failed.values : itemValues(i),
      errors: failed?.itemId === i.id ? failed.errors : {},
    })),
    newItem:
      failed?.itemId === 'new'
        ? { values: failed.values, errors: failed.errors }
        : { values: { label_ru: '', label_en: '', hint_ru: '', hint_en: '', kind: 'nice_to_have', weight: '1', keywords: '' }, errors: {} },
  });
}

export function showChecklist(req: Request, res: Response) {
  show(req, res, loadVacancy(req), null);
}

export function addItem(req: Request, res: Response) {
  const v = loadVacancy(req);
  const parsed = parseForm(itemSchema, req.body ?? {});
  if (!parsed.ok) return show(req, res, v, { itemId: 'new', values: req.body ?? {}, errors: parsed.errors }, 422);
  const item = toItem(parsed.data);
  const repo = req.ctx.repos.vacancies;
  const base = `custom_${slugify(item.labelEn).replace(/-/g, '_')}`.slice(0, 50);
  let key = base;
  for (let i = 2; repo.isChecklistKeyTaken(v.id, key); i += 1) key = `${base}_${i}`;
  repo.addChecklistItem(v.id, { ...item, key });
  audit(req, 'checklist.item_add', { type: 'vacancy', id: v.id }, { key, kind: item.kind });
  flash(req, 'ok', 'checklist.added');
  res.redirect(`/vacancies/${v.id}/checklist`);
}

const itemParam = z.object({ itemId: z.coerce.number().int().positive() });

function loadItem(req: Request, v: Vacancy): ChecklistItem {
  const p = itemParam.safeParse(req.params);
  const item = p.success ? req.ctx.repos.vacancies.checklistItem(v.id, p.data.itemId) : undefined;
  if (!item) throw new HttpError(404, 'errors.not_found');
  return item;
}

export function updateItem(req: Request, res: Response) {
  const v = loadVacancy(req);
  const item = loadItem(req, v);
  const parsed = parseForm(itemSchema, req.body ?? {});
  if (!parsed.ok) return show(req, res, v, { itemId: item.id, values: req.body ?? {}, errors: parsed.errors }, 422);
  const next = toItem(parsed.data);
  const { kindChanged } = updateChecklistItem(req.ctx.repos, v.id, item, next, actorOf(req).userId);
  audit(
    req,
    'checklist.item_update',
    { type: 'vacancy', id: v.id },
    { key: item.key, ...(kindChanged ? { kind: { from: item.kind, to: next.kind } } : {}) },
  );
  flash(req, 'ok', kindChanged ? 'checklist.kind_saved_redecided' : 'checklist.saved');
  res.redirect(`/vacancies/${v.id}/checklist#item-${item.id}`);
}

const moveSchema = z.object({ direction: z.enum(['up', 'down']) });

export function moveItem(req: Request, res: Response) {
  const v = loadVacancy(req);
  const item = loadItem(req, v);
  const parsed = moveSchema.safeParse(req.body);
  if (!parsed.success) throw new HttpError(400, 'errors.bad_request');
  req.ctx.repos.vacancies.moveChecklistItem(v.id, item.id, parsed.data.direction);
  res.redirect(`/vacancies/${v.id}/checklist#item-${item.id}`);
}

export function deleteItem(req: Request, res: Response) {
  const v = loadVacancy(req);
  const item = loadItem(req, v);
  deleteChecklistItem(req.ctx.repos, v.id, item, actorOf(req).userId);
  audit(req, 'checklist.item_delete', { type: 'vacancy', id: v.id }, { key: item.key, kind: item.kind });
  flash(req, 'ok', 'checklist.deleted');
  res.redirect(`/vacancies/${v.id}/checklist`);
}

/** HR sets which items are knockouts and how many required items a pass needs; the verdicts follow at once. */
export function savePolicy(req: Request, res: Response) {
  const v = loadVacancy(req);
  const { repos } = req.ctx;
  const items = repos.vacancies.checklist(v.id);
  const body = (req.body ?? {}) as Record<string, unknown>;
  const parsed = parseForm(policyFormSchema(items.map((i) => i.id)), body);
  if (!parsed.ok) return show(req, res, v, { itemId: 'policy', values: body, errors: parsed.errors }, 422);
  saveVerdictPolicy(repos, v.id, parsed.data, actorOf(req));
  flash(req, 'ok', 'checklist.policy_saved');
  res.redirect(`/vacancies/${v.id}/checklist#policy`);
}

/** After the checklist changed: proposals are redone for every candidate, confirmations kept. */
export function rescreenAll(req: Request, res: Response) {
  const v = loadVacancy(req);
  screenVacancyAgain(req.ctx.repos, v.id, actorOf(req));
  flash(req, 'ok', 'checklist.rescreened');
  res.redirect(`/vacancies/${v.id}/candidates`);
}
