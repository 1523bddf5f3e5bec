import type { Request, Response } from 'express';
import { z } from 'zod';
import { GRADES, type CompetencyId, type CompetencyMeta, type Lang } from '../../domain/bank/schema.js';
import {
  CURRENCIES,
  STAGES,
  defaultProfile,
  formToVacancy,
  pick,
  slugify,
  splitLines,
  vacancyFormSchema,
  vacancyTitle,
  vacancyToFormValues,
  type VacancyFormValues,
} from '../../domain/vacancy.js';
import type { Repos } from '../types.js';
import { userOf } from '../types.js';
import type { Vacancy } from '../../db/vacancies.js';
import { templateChecklist } from '../../services/checklist-template.js';
import { isHr } from '../../domain/policy.js';
import { loadVacancy } from '../loaders.js';
import type { StoredItem } from '../../db/bank.js';
import { HttpError } from '../middleware/errors.js';
import { flash } from '../middleware/context.js';
import { renderPage } from '../render.js';
import { parseForm, type FieldErrors } from '../validation.js';
import { renderMarkdown } from '../markdown.js';
import { updateVacancy as saveVacancy } from '../../services/vacancies.js';
import { actorOf } from '../audit.js';

function templateInputs(repos: Repos) {
  const competencies = repos.bank.competencies('en');
  return {
    matrix: competencies.map((c) => ({
      id: c.meta.id,
      levels: { junior: c.meta.levels.junior.level, middle: c.meta.levels.middle.level, senior: c.meta.levels.senior.level },
    })),
    questionIds: repos.bank.questions('en').map((q) => ({ id: q.id, competency: q.meta.competency })),
    caseIds: repos.bank.cases('en').map((c) => c.id),
    taskIds: repos.bank.tasks('en').map((t) => t.id),
  };
}

function formOptions(req: Request) {
  const { repos, lang } = req.ctx;
  const competencies = repos.bank.competencies(lang);
  const questions = repos.bank.questions(lang);
  return {
    competencies: competencies.map((c) => ({ id: c.id, title: c.title, group: c.meta.group })),
    questionGroups: competencies.map((c) => ({
      id: c.id,
      title: c.title,
      questions: questions.filter((q) => q.meta.competency === c.id).map((q) => ({ id: q.id, title: q.title, type: q.meta.type })),
    })),
    cases: repos.bank.cases(lang).map((c) => ({ id: c.id, title: c.title })),
    tasks: repos.bank.tasks(lang).map((t) => ({ id: t.id, title: t.title })),
    grades: GRADES,
    stages: STAGES,
    currencies: CURRENCIES,
    departments: repos.vacancies.departments(),
  };
}

function showForm(
  req: Request,
  res: Response,
  mode: { action: string; vacancyId: number | null },
  values: VacancyFormValues,
  errors: FieldErrors,
  status = 200,
) {
  res.status(status);
  const t = req.ctx.t;
  renderPage(res, 'pages/vacancies/form', mode.vacancyId ? t('vacancies.edit_title') : t('vacancies.new_title'), {
    action: mode.action,
    vacancyId: mode.vacancyId,
    values,
    errors,
    errorCount: Object.keys(errors).length,
    options: formOptions(req),
  });
}

/** Ids ticked in the form must exist in the bank; anything else is a tampered or stale form. */
function unknownSelections(repos: Repos, data: { questions: string[]; cases: string[]; tasks: string[] }): FieldErrors {
  const errors: FieldErrors = {};
  const known = (ids: string[], items: StoredItem[]) => {
    const set = new Set(items.map((i) => i.id));
    return ids.every((id) => set.has(id));
  };
  if (!known(data.questions, repos.bank.questions('en'))) errors.questions = { key: 'errors.choice' };
  if (!known(data.cases, repos.bank.cases('en'))) errors.cases = { key: 'errors.choice' };
  if (!known(data.tasks, repos.bank.tasks('en'))) errors.tasks = { key: 'errors.choice' };
  return errors;
}

export function newVacancy(req: Request, res: Response) {
  const profile = defaultProfile(templateInputs(req.ctx.repos));
  const department = userOf(req).department ?? '';
  const values = vacancyToFormValues({ slug: '', titleRu: '', titleEn: '', department, targetGrade: 'middle' }, profile);
  showForm(req, res, { action: '/vacancies', vacancyId: null }, values, {});
}

function parseVacancyForm(req: Request, exceptId: number) {
  const body = (req.body ?? {}) as VacancyFormValues;
  const parsed = parseForm(vacancyFormSchema, body);
  if (!parsed.ok) return { ok: false as const, body, errors: parsed.errors };
  const extra = unknownSelections(req.ctx.repos, parsed.data);
  const { core, profile } = formToVacancy(parsed.data);
  const repo = req.ctx.repos.vacancies;
  if (core.slug && repo.isSlugTaken(core.slug, exceptId)) extra.slug = { key: 'errors.slug_taken' };
  if (Object.keys(extra).length > 0) return { ok: false as const, body, errors: extra };
  const slug = core.slug || repo.uniqueSlug(slugify(core.titleEn || core.titleRu), exceptId);
  return { ok: true as const, core: { ...core, slug }, profile };
}

export function createVacancy(req: Request, res: Response) {
  const r = parseVacancyForm(req, 0);
  if (!r.ok) return showForm(req, res, { action: '/vacancies', vacancyId: null }, r.body, r.errors, 422);
  const id = req.ctx.repos.vacancies.create(r.core, r.profile, templateChecklist(req.ctx.repos), userOf(req).id);
  flash(req, 'ok', 'vacancies.created');
  res.redirect(`/vacancies/${id}`);
}

export function editVacancy(req: Request, res: Response) {
  const v = loadVacancy(req);
  showForm(req, res, { action: `/vacancies/${v.id}`, vacancyId: v.id }, vacancyToFormValues(v, v.profile), {});
}

export function updateVacancy(req: Request, res: Response) {
  const v = loadVacancy(req);
  const r = parseVacancyForm(req, v.id);
  if (!r.ok) return showForm(req, res, { action: `/vacancies/${v.id}`, vacancyId: v.id }, r.body, r.errors, 422);
  saveVacancy(req.ctx.repos, v.id, r.core, r.profile, actorOf(req));
  flash(req, 'ok', 'vacancies.saved');
  res.redirect(`/vacancies/${v.id}`);
}

const statusSchema = z.object({ status: z.enum(['open', 'closed']) });

export function setVacancyStatus(req: Request, res: Response) {
  const v = loadVacancy(req);
  const parsed = parseForm(statusSchema, req.body);
  if (!parsed.ok) throw new HttpError(400, 'errors.bad_request');
  req.ctx.repos.vacancies.setStatus(v.id, parsed.data.status);
  flash(req, 'ok', parsed.data.status === 'open' ? 'vacancies.reopened' : 'vacancies.closed_msg');
  res.redirect(`/vacancies/${v.id}`);
}

export function listVacancies(req: Request, res: Response) {
  const { repos, lang } = req.ctx;
  const user = userOf(req);
  const list = user.role === 'department_head' ? repos.vacancies.listByDepartment(user.department ?? '') : repos.vacancies.list();
  renderPage(res, 'pages/vacancies/list', req.ctx.t('vacancies.title'), {
    canCreate: isHr(user),
    vacancies: list.map((v) => ({
      id: v.id,
      slug: v.slug,
      title: vacancyTitle(v, lang),
      department: v.department,
      grade: v.targetGrade,
      status: v.status,
      updatedAt: v.updatedAt,
    })),
  });
}

function matrixRows(competencies: StoredItem<CompetencyMeta>[], v: Vacancy) {
  return competencies.map((c) => {
    const id = c.id as CompetencyId;
    const levels = v.profile.gradeLevels[id] ?? {
      junior: c.meta.levels.junior.level,
      middle: c.meta.levels.middle.level,
      senior: c.meta.levels.senior.level,
    };
    return {
      id,
      title: c.title,
      group: c.meta.group,
      weight: v.profile.competencyWeights[id] ?? 0,
      grades: GRADES.map((g) => ({
        grade: g,
        level: levels[g],
        templateLevel: c.meta.levels[g].level,
        behaviour: c.meta.levels[g].behaviour,
      })),
    };
  });
}

/** Everything a page about a vacancy shows, in the reader's language. */
function vacancyView(req: Request, v: Vacancy) {
  const { repos, lang } = req.ctx;
  const p = v.profile;
  const competencies = repos.bank.competencies(lang);
  const byId = <T extends StoredItem>(items: T[], ids: string[]) =>
    ids.map((id) => items.find((i) => i.id === id)).filter((i): i is T => !!i);
  return {
    id: v.id,
    slug: v.slug,
    title: vacancyTitle(v, lang),
    titleRu: v.titleRu,
    titleEn: v.titleEn,
    department: v.department,
    grade: v.targetGrade,
    status: v.status,
    updatedAt: v.updatedAt,
    responsibilities: splitLines(pick(p.responsibilities, lang)),
    must: splitLines(pick(p.requirementsMust, lang)),
    nice: splitLines(pick(p.requirementsNice, lang)),
    kpis: p.kpis,
    compensation: p.compensation,
    stageWeights: STAGES.map((s) => ({ stage: s, weight: p.stageWeights[s] ?? 0 })),
    matrix: matrixRows(competencies, v),
    groups: (['hard', 'soft', 'industry'] as const).map((g) => ({
      group: g,
      rows: matrixRows(competencies, v).filter((r) => r.group === g),
    })),
    checklist: repos.vacancies.checklist(v.id).map((i) => ({
      key: i.key,
      label: lang === 'ru' ? i.labelRu : i.labelEn,
      hint: lang === 'ru' ? i.hintRu : i.hintEn,
      kind: i.kind,
      weight: i.weight,
    })),
    questions: byId(repos.bank.questions(lang), p.questionIds).map((q) => ({
      id: q.id,
      title: q.title,
      type: q.meta.type,
      competency: q.meta.competency,
    })),
    cases: byId(repos.bank.cases(lang), p.caseIds).map((c) => ({ id: c.id, title: c.title })),
    tasks: byId(repos.bank.tasks(lang), p.taskIds).map((t) => ({ id: t.id, title: t.title, deadlineDays: t.meta.deadline_days })),
  };
}

export function showVacancy(req: Request, res: Response) {
  const v = loadVacancy(req);
  const user = userOf(req);
  renderPage(res, 'pages/vacancies/show', vacancyView(req, v).title, {
    v: vacancyView(req, v),
    canEdit: isHr(user),
    candidateCount: req.ctx.repos.candidates.stageCounts(v.id).reduce((n, r) => n + r.n, 0),
    competencyTitle: (id: string) => req.ctx.repos.bank.get(id, req.ctx.lang)?.title ?? id,
  });
}

export function jobDescription(req: Request, res: Response) {
  const v = loadVacancy(req);
  const view = vacancyView(req, v);
  const lang: Lang = req.ctx.lang;
  const competencies = req.ctx.repos.bank.competencies(lang);
  const weighted = view.matrix
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .map((r) => ({
      title: r.title,
      behaviour: r.grades.find((g) => g.grade === v.targetGrade)?.behaviour ?? '',
      descriptionHtml: renderMarkdown(competencies.find((c) => c.id === r.id)?.body ?? ''),
    }));
  renderPage(res, 'pages/vacancies/job-description', view.title, { v: view, weighted });
}
