import type { Request, Response } from 'express';
import type { CompetencyId } from '../../domain/bank/schema.js';
import { rubricOf } from '../../domain/assignment.js';
import { spread, disagreementFlag } from '../../domain/agreement.js';
import { countRecommendations } from '../../domain/debrief.js';
import type { Recommendation } from '../../domain/interview.js';
import { isHr } from '../../domain/policy.js';
import { vacancyTitle } from '../../domain/vacancy.js';
import { screeningReasons } from '../../services/verdict-policy.js';
import { gradeTable, itemOf } from '../assignment-view.js';
import { audit } from '../audit.js';
import { loadDebrief } from '../loaders.js';
import { renderPage } from '../render.js';
import { scoreView } from '../score-view.js';
import { userOf } from '../types.js';

/**
 * The debrief: one page where HR and the department head decide. Every submitted scorecard side by
 * side (recommendation, summary, ratings, open questions), the graders' scores with their spread,
 * the screening verdict and its reason, the fit with its coverage, the grade and its gaps.
 */
export function showDebrief(req: Request, res: Response) {
  const { candidate: c, vacancy: v, isInterviewer } = loadDebrief(req);
  const { repos, lang, t } = req.ctx;
  const user = userOf(req);
  audit(req, 'candidate.view', { type: 'candidate', id: c.id }, { via: 'debrief' });

  const titles = new Map(repos.bank.competencies(lang).map((x) => [x.id, x.title]));
  const flagged = repos.debrief.amendedAfterSeenOnCandidate(c.id);
  const cards: {
    id: number;
    interviewerId: number;
    interviewer: string;
    interviewId: number;
    stage: string;
    scheduledAt: string;
    submittedAt: string | null;
    recommendation: Recommendation | null;
    summary: string;
    openQuestions: string;
    ratings: Partial<Record<CompetencyId, number | null>>;
    amendedAfterSeen: boolean;
  }[] = [];
  const pending: { interviewer: string; stage: string; interviewId: number }[] = [];
  for (const iv of repos.interviews.forCandidate(c.id)) {
    if (iv.status === 'cancelled') continue;
    for (const s of repos.interviews.scorecards(iv.id)) {
      if (s.status !== 'submitted') {
        pending.push({ interviewer: s.interviewerName, stage: iv.stage, interviewId: iv.id });
        continue;
      }
      cards.push({
        id: s.id,
        interviewerId: s.interviewerId,
        interviewer: s.interviewerName,
        interviewId: iv.id,
        stage: iv.stage,
        scheduledAt: iv.scheduledAt,
        submittedAt: s.submittedAt,
        recommendation: s.data.recommendation,
        summary: s.data.summary,
        openQuestions: (s.data.open_questions ?? '').trim(),
        ratings: s.data.ratings,
        amendedAfterSeen: flagged.has(s.id),
      });
    }
  }
  // A panel member reading the others' scorecards here: remembered, so a later amendment is marked.
  if (isInterviewer && cards.some((x) => x.interviewerId !== user.id)) repos.debrief.markOthersSeenForCandidate(c.id, user.id);

  const weights = v.profile.competencyWeights;
  const rated = [...new Set(cards.flatMap((x) => Object.keys(x.ratings).filter((k) => x.ratings[k as CompetencyId])))] as CompetencyId[];
  rated.sort((a, b) => (weights[b] ?? 0) - (weights[a] ?? 0) || a.localeCompare(b));

  const takeHome = repos.assignments.forCandidate(c.id).map((a) => {
    const item = itemOf(req, a);
    const rubric = rubricOf(item.meta);
    const grades = repos.assignments.grades(a.id);
    const table = gradeTable(rubric, grades);
    const percents = table.percents.filter((p): p is number => p !== null);
    return {
      id: a.id,
      title: item.meta.title,
      graders: grades.map((g, n) => ({ name: g.graderName, percent: table.percents[n] ?? null, comment: g.comment })),
      criteria: table.rows,
      spread: percents.length > 1 ? spread(percents) : null,
      // Graders disagree when any criterion is 2+ points apart, or the totals are 20+ points apart.
      disagree: table.rows.some((r) => r.flag) || disagreementFlag(percents, 20),
      waiting: repos.assignments.graders(a.id).filter((g) => !g.graded).length,
    };
  });

  const screening = repos.candidates.screening(c.id);
  const checklist = repos.vacancies.checklist(v.id);
  const score = scoreView(req, v, repos.scores.get(c.id));
  const counts = countRecommendations(cards.map((x) => x.recommendation));
  renderPage(res, 'pages/debrief/show', t('debrief.title', { name: c.fullName }), {
    c: { id: c.id, fullName: c.fullName, stage: c.stage },
    vacancy: { id: v.id, title: vacancyTitle(v, lang), grade: v.targetGrade },
    canOpenCandidate: isHr(user),
    canOpenVacancy: user.role !== 'interviewer',
    counts,
    strongNo: cards.filter((x) => x.recommendation === 'strong_no'),
    cards,
    pending,
    competencies: rated.map((id) => ({ id, title: titles.get(id) ?? id, weight: weights[id] ?? 0 })),
    takeHome,
    screening: screening
      ? {
          verdict: screening.verdict,
          score: screening.score,
          reason: screeningReasons(screening, checklist, v.verdictPolicy, lang, t).current,
          decision: screening.decision,
          decisionReason: screening.decisionReason,
        }
      : null,
    score,
    openQuestions: cards.filter((x) => x.openQuestions !== ''),
  });
}
