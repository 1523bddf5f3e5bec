import type { Request, Response } from 'express';
import { z } from 'zod';
import { bars, radar } from '../../domain/charts.js';
import { conversion, cumulativeReached, FUNNEL } from '../../domain/funnel.js';
import { decisionStats } from '../offer-view.js';
import { CSV_BOM, csvFormat, csvLine } from '../../domain/csv.js';
import { PIPELINE } from '../../domain/candidate.js';
import { vacancyTitle } from '../../domain/vacancy.js';
import type { ScoreResult } from '../../domain/scoring.js';
import type { ExportRow } from '../../db/reports.js';
import { audit } from '../audit.js';
import { HttpError } from '../middleware/errors.js';
import { funnelStats } from '../funnel-cache.js';
import { renderPage } from '../render.js';
import { scoreView } from '../score-view.js';
import { loadCandidate, loadVacancy } from '../loaders.js';
import { screeningReasons } from '../../services/verdict-policy.js';
import { byCoverageThenFit, fitByCoverage, NO_RECOMMENDATIONS } from '../../domain/debrief.js';

// ---- Printable candidate report -------------------------------------------------------------

export function candidateReport(req: Request, res: Response) {
  const { candidate: c, vacancy: v } = loadCandidate(req);
  const { repos, lang } = req.ctx;
  audit(req, 'candidate.view', { type: 'candidate', id: c.id }, { via: 'report' });
  const screening = repos.candidates.screening(c.id);
  const checklist = repos.vacancies.checklist(v.id);
  const interviews = repos.interviews.forCandidate(c.id).map((iv) => ({
    stage: iv.stage,
    scheduledAt: iv.scheduledAt,
    cards: repos.interviews
      .scorecards(iv.id)
      .filter((s) => s.status === 'submitted')
      .map((s) => ({ interviewer: s.interviewerName, recommendation: s.data.recommendation, summary: s.data.summary })),
  }));
  renderPage(res, 'pages/reports/candidate', req.ctx.t('report.title', { name: c.fullName }), {
    c: { id: c.id, fullName: c.fullName, stage: c.stage, source: c.source },
    vacancy: { id: v.id, title: vacancyTitle(v, lang) },
    generatedAt: new Date().toISOString(),
    score: scoreView(req, v, repos.scores.get(c.id), { radarSize: 380 }),
    vacancyGrade: v.targetGrade,
    screening: screening
      ? {
          relevantYears: screening.relevantYears,
          verdict: screening.verdict,
          reason: screeningReasons(screening, checklist, v.verdictPolicy, lang, req.ctx.t).current,
          decision: screening.decision,
          decisionReason: screening.decisionReason,
          items: checklist.map((ci) => {
            const it = screening.items.find((i) => i.key === ci.key);
            return {
              label: lang === 'ru' ? ci.labelRu : ci.labelEn,
              status: it?.status ?? 'unknown',
              evidence: it?.evidence ?? null,
              reason: it?.reason?.[lang] ?? null,
            };
          }),
        }
      : null,
    interviews,
  });
}

// ---- Comparison -------------------------------------------------------------------------------

const compareQuery = z.object({
  ids: z
    .preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : String(v).split(',')),
      z.array(z.coerce.number().int().positive()).max(50),
    )
    .catch([]),
  sort: z.enum(['fit', 'name', 'grade', 'stage']).default('fit').catch('fit'),
});
const MAX_COMPARE = 6;
const GRADE_RANK: Record<string, number> = { junior: 1, middle: 2, senior: 3 };

export function compare(req: Request, res: Response) {
  const v = loadVacancy(req);
  const q = compareQuery.parse(req.query);
  const { repos, lang, t } = req.ctx;
  const people = [...new Set(q.ids)]
    .slice(0, MAX_COMPARE)
    .map((id) => repos.candidates.get(id))
    .filter((c): c is NonNullable<typeof c> => c !== undefined && c.vacancyId === v.id)
    .map((c) => {
      const stored = repos.scores.get(c.id);
      const screening = repos.candidates.screening(c.id);
      return {
        id: c.id,
        name: c.fullName,
        stage: c.stage,
        verdict: screening?.decision ?? screening?.verdict ?? null,
        result: stored?.result ?? null,
        disagreement: stored?.disagreement ?? false,
        recommendations: stored?.recommendations ?? NO_RECOMMENDATIONS,
      };
    });
  const sorters: Record<typeof q.sort, (a: (typeof people)[number], b: (typeof people)[number]) => number> = {
    // Coverage first, then fit: a fit from fewer completed stages never ranks above one from more.
    fit: (a, b) =>
      byCoverageThenFit(
        { completedStages: a.result?.completedStages ?? null, fit: a.result?.fit ?? null },
        { completedStages: b.result?.completedStages ?? null, fit: b.result?.fit ?? null },
      ),
    name: (a, b) => a.name.localeCompare(b.name, lang),
    grade: (a, b) => (GRADE_RANK[b.result?.grade ?? ''] ?? 0) - (GRADE_RANK[a.result?.grade ?? ''] ?? 0),
    stage: (a, b) => PIPELINE.indexOf(b.stage) - PIPELINE.indexOf(a.stage),
  };
  people.sort(sorters[q.sort]);
  const titles = new Map(repos.bank.competencies(lang).map((c) => [c.id, c.title]));
  const comps = Object.entries(v.profile.competencyWeights)
    .filter(([, w]) => (w ?? 0) > 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([id]) => id);
  const ratingOf = (r: ScoreResult | null, id: string) => r?.competencies.find((c) => c.competency === id)?.rating ?? null;
  const checklist = repos.vacancies.checklist(v.id);
  const label = (key: string) => {
    const c = checklist.find((x) => x.key === key);
    return c ? (lang === 'ru' ? c.labelRu : c.labelEn) : key;
  };
  renderPage(res, 'pages/reports/compare', t('compare.title'), {
    vacancy: { id: v.id, title: vacancyTitle(v, lang), grade: v.targetGrade },
    sort: q.sort,
    ids: people.map((p) => p.id).join(','),
    people: people.map((p) => ({
      ...p,
      fit: p.result?.fit ?? null,
      coverage: p.result ? `${p.result.completedStages}/${p.result.totalStages}` : '—',
      grade: p.result?.grade ?? null,
      stages: p.result?.stages ?? [],
      knockouts: (p.result?.knockouts ?? []).map(label),
      spreadFlags: (p.result?.competencies ?? []).filter((c) => c.spread >= 2).map((c) => titles.get(c.competency) ?? c.competency),
    })),
    comps: comps.map((id) => ({
      id,
      title: titles.get(id) ?? id,
      expected: v.profile.gradeLevels[id as keyof typeof v.profile.gradeLevels]?.[v.targetGrade] ?? null,
      values: people.map((p) => ratingOf(p.result, id)),
    })),
    radar:
      comps.length >= 3 && people.length
        ? radar(
            comps.map((id) => ({ id, label: titles.get(id) ?? id })),
            people.slice(0, 5).map((p) => ({ name: p.name, values: Object.fromEntries(comps.map((id) => [id, ratingOf(p.result, id)])) })),
            { size: 440, unratedLabel: req.ctx.t('charts.not_rated') },
          )
        : null,
    tooMany: q.ids.length > MAX_COMPARE,
  });
}

// ---- Pipeline and funnel -----------------------------------------------------------------------

export function pipeline(req: Request, res: Response) {
  const v = loadVacancy(req);
  const { repos, lang, t } = req.ctx;
  // Days in stage and results by source walk the vacancy's whole history: kept until something changes (funnel-cache.ts).
  const { times, sources, fits, outcomes } = funnelStats(repos, v.id);
  // Cumulative: everyone who reached a stage or a later one, rejected candidates in the stages they got to (kept counts).
  const reached = cumulativeReached(Object.fromEntries(repos.offers.furthestCounts(v.id).map((r) => [r.stage, r.n])));
  const counts = new Map(repos.candidates.stageCounts(v.id).map((r) => [r.stage, r.n]));
  // Fits are averaged like with like: per source and per coverage (completed of total stages), with count and range.
  const fitGroups = (source: string) => fitByCoverage(fits.filter((f) => f.source === source));
  renderPage(res, 'pages/reports/pipeline', t('pipeline_page.title'), {
    vacancy: { id: v.id, title: vacancyTitle(v, lang) },
    board: PIPELINE.map((stage) => ({
      stage,
      count: counts.get(stage) ?? 0,
      people: repos.reports.board(v.id, stage, 12).map((p) => ({
        id: p.id,
        name: p.full_name,
        fit: p.fit,
        coverage: p.total_stages ? { done: p.completed_stages ?? 0, total: p.total_stages } : null,
        grade: p.grade,
        recommendations: { strong_no: p.rec_strong_no, no: p.rec_no, yes: p.rec_yes, strong_yes: p.rec_strong_yes },
      })),
    })),
    funnel: FUNNEL.map((stage) => ({ stage, reached: reached[stage] ?? 0, days: times[stage] ?? null })),
    conversion: conversion(reached),
    rejected: { reached: counts.get('rejected') ?? 0 },
    funnelChart: bars(FUNNEL.map((s) => ({ label: t(`pipeline.${s}`), value: reached[s] ?? 0 }))),
    sources: sources.map((s) => ({ ...s, label: t(`sources.${s.source}`), fitGroups: fitGroups(s.source) })),
    sourceChart: bars(sources.map((s) => ({ label: t(`sources.${s.source}`), value: s.total }))),
    decisions: decisionStats(req, outcomes),
  });
}

// ---- CSV and JSON ------------------------------------------------------------------------------

const csvQuery = z.object({ sep: z.enum(['semicolon', 'comma']).optional().catch(undefined) });

/** UTF-8 with a byte-order mark so Excel reads Cyrillic; `;` by default for Russian Excel, `,` for English. */
/** Sends a chunk and waits until the socket can take more (or the client went away: false). */
function flush(res: Response, chunk: string): Promise<boolean> {
  return new Promise((resolve) => {
    if (res.write(chunk)) return setImmediate(() => resolve(!res.destroyed));
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve(!res.destroyed);
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

const EXPORT_PAGE = 500;

export async function exportCsv(req: Request, res: Response) {
  const v = loadVacancy(req);
  const { repos, t, lang } = req.ctx;
  const sep = (csvQuery.parse(req.query).sep ?? (lang === 'ru' ? 'semicolon' : 'comma')) === 'semicolon' ? ';' : ',';
  const header = [
    'id',
    'name',
    'email',
    'phone',
    'source',
    'stage',
    'added',
    'screening_verdict',
    'decision',
    'screening_score',
    'relevant_years',
    'fit',
    'stages_done',
    'grade',
    'interview',
    'case',
    'take_home',
    'knockouts',
    'disagreement',
  ]
    .map((k) => t(`csv.${k}`))
    .concat(['csv_strong_no', 'csv_no', 'csv_yes', 'csv_strong_yes'].map((k) => t(`debrief.${k}`)));
  audit(req, 'export.csv', { type: 'vacancy', id: v.id });
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.attachment(`${v.slug}-candidates.csv`);
  const line = (cells: unknown[]) => csvLine(cells, sep);
  // Numbers with the decimal mark and times in the zone the opening spreadsheet expects (domain/csv.ts).
  const f = csvFormat(sep, req.ctx.config.timeZone);
  let out = `${CSV_BOM}${line(header)}`;
  // Page by page, yielding between pages: the first bytes leave at once and other requests are served meanwhile,
  // however many candidates the vacancy has.
  let after = 0;
  for (;;) {
    const rows = repos.reports.exportPage(v.id, after, EXPORT_PAGE);
    for (const r of rows) out += csvRow(r);
    if (rows.length < EXPORT_PAGE) break;
    after = rows[rows.length - 1]!.id;
    if (!(await flush(res, out))) return;
    out = '';
  }
  res.end(out);

  function csvRow(r: ExportRow): string {
    const result = r.result ? (JSON.parse(r.result) as ScoreResult) : null;
    const stage = (s: string) => f.number(result?.stages.find((x) => x.stage === s)?.score ?? '');
    return line([
      r.id,
      r.full_name,
      r.email,
      r.phone,
      t(`sources.${r.source}`),
      t(`pipeline.${r.stage}`),
      f.dateTime(r.created_at),
      r.verdict ? t(`verdicts.${r.verdict}`) : '',
      r.decision ? t(`verdicts.${r.decision}`) : '',
      f.number(r.screening_score),
      f.number(r.relevant_years),
      f.number(r.fit),
      // In words, not «1/4», which a spreadsheet would read as a date.
      result ? t('score.coverage_short', { done: result.completedStages, total: result.totalStages }) : '',
      r.grade ? t(`grades.${r.grade}`) : '',
      stage('interview'),
      stage('case'),
      stage('take_home'),
      result?.knockouts.join(' ') ?? '',
      r.disagreement ? 1 : 0,
      r.rec_strong_no ?? 0,
      r.rec_no ?? 0,
      r.rec_yes ?? 0,
      r.rec_strong_yes ?? 0,
    ]);
  }
}

const apiQuery = z.object({ page: z.coerce.number().int().min(1).max(100000).default(1).catch(1) });

export function apiCandidates(req: Request, res: Response) {
  const v = loadVacancy(req);
  const { page } = apiQuery.parse(req.query);
  audit(req, 'export.api', { type: 'vacancy', id: v.id }, { page });
  const { rows, total, capped } = req.ctx.repos.candidates.list({ vacancyId: v.id, sort: 'fit', limit: 100, offset: (page - 1) * 100 });
  res.json({
    vacancy: { id: v.id, slug: v.slug, title: { ru: v.titleRu, en: v.titleEn }, targetGrade: v.targetGrade },
    page,
    pageSize: 100,
    total,
    totalIsLowerBound: capped,
    candidates: rows.map((r) => ({
      id: r.id,
      name: r.fullName,
      stage: r.stage,
      source: r.source,
      verdict: r.decision ?? r.verdict,
      screeningScore: r.score,
      relevantYears: r.relevantYears,
      fit: r.fit,
      grade: r.grade,
      completedStages: r.completedStages,
      totalStages: r.totalStages,
      recommendations: { strongNo: r.recStrongNo, no: r.recNo, yes: r.recYes, strongYes: r.recStrongYes },
      url: `/api/candidates/${r.id}`,
    })),
  });
}

export function apiCandidate(req: Request, res: Response) {
  const { candidate: c, vacancy: v } = loadCandidate(req);
  const { repos } = req.ctx;
  audit(req, 'candidate.view', { type: 'candidate', id: c.id }, { via: 'api' });
  const s = repos.candidates.screening(c.id);
  const score = repos.scores.get(c.id);
  if (!score && !s) throw new HttpError(404, 'errors.not_found');
  res.json({
    id: c.id,
    name: c.fullName,
    vacancy: v.slug,
    stage: c.stage,
    source: c.source,
    screening: s
      ? {
          relevantYears: s.relevantYears,
          verdict: s.verdict,
          // What decided the verdict (null for a screening stored before it was kept) and the items behind it.
          rule: s.rule,
          decisive: s.decisive,
          decision: s.decision,
          items: Object.fromEntries(
            s.items.map((i) => [i.key, { status: i.status, proposed: i.proposedStatus, evidence: i.evidence, reason: i.reason }]),
          ),
        }
      : null,
    score: score?.result ?? null,
    recommendations: score
      ? {
          strongNo: score.recommendations.strong_no,
          no: score.recommendations.no,
          yes: score.recommendations.yes,
          strongYes: score.recommendations.strong_yes,
        }
      : null,
    scoreUpdatedAt: score?.updatedAt ?? null,
  });
}
