/**
 * Demo hiring funnel: who applies, how far each applicant gets and what the people along the way write.
 *
 * Pure and deterministic: every applicant draws from its own PRNG streams, derived from the run's seed
 * and the applicant's index, so applicant #517 of seed 42 is the same person with the same journey
 * whatever the batch size or the number of applicants around it. The clock is injected (`now`); only
 * timestamps move with it.
 *
 * `npm run seed:demo` (src/cli/seed-demo.ts) turns these plans into rows through the repositories.
 */
import type { CompetencyId } from '../domain/bank/schema.js';
import type { PipelineStage, Source } from '../domain/candidate.js';
import type { Recommendation, ScorecardData } from '../domain/interview.js';
import type { RubricCriterion } from '../domain/assignment.js';
import type { Verdict } from '../domain/screening/index.js';
import type { ResumeLang, ResumeProfile } from './resume-generator.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** Applications are spread over this many days before `now`. */
export const WINDOW_DAYS = 90;

// ---- PRNG -------------------------------------------------------------------------------------------

function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** One 32-bit seed per (run seed, applicant, stream): neighbouring indexes start far apart. */
export function streamSeed(seed: number, index: number, stream = 0): number {
  const s = Number.isFinite(seed) ? Math.trunc(seed) : 0;
  const base = fmix32((s >>> 0) ^ Math.imul(Math.floor(s / 4294967296) >>> 0, 0x9e3779b1));
  return fmix32((base + Math.imul(index >>> 0, 0x9e3779b9) + Math.imul(stream + 1, 0x632be5ab)) >>> 0);
}

/** mulberry32 plus the few distributions the demo needs. */
export class DemoRng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  static for(seed: number, index: number, stream: number): DemoRng {
    return new DemoRng(streamSeed(seed, index, stream));
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  range(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    const v = list[Math.floor(this.next() * list.length)];
    if (v === undefined) throw new Error('pick from an empty list');
    return v;
  }

  /** Box–Muller; one value per call keeps the stream simple to reason about. */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const keys = Object.keys(weights) as K[];
    let x = this.next() * keys.reduce((s, k) => s + weights[k], 0);
    for (const k of keys) {
      x -= weights[k];
      if (x < 0) return k;
    }
    return keys[keys.length - 1]!;
  }

  /** `n` distinct numbers from 0..size-1 (all of them when n ≥ size). */
  distinct(n: number, size: number): number[] {
    const all = Array.from({ length: size }, (_, i) => i);
    for (let i = all.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [all[i], all[j]] = [all[j]!, all[i]!];
    }
    return all.slice(0, Math.min(n, size));
  }
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

// ---- Applicants ---------------------------------------------------------------------------------------

export const PROFILE_MIX: Readonly<Record<ResumeProfile, number>> = { strong: 15, average: 40, weak: 30, offtrack: 15 };
/** Latent ability (roughly −2…2) by resume profile: what interviews and graded work will show. */
const ABILITY: Readonly<Record<ResumeProfile, number>> = { strong: 0.9, average: 0.1, weak: -0.6, offtrack: -1.2 };
/** Russian resumes come mostly from hh.ru, English ones mostly from LinkedIn and the career site. */
const SOURCE_MIX: Readonly<Record<ResumeLang, Readonly<Record<'hh' | 'linkedin' | 'referral' | 'agency' | 'career_site', number>>>> = {
  ru: { hh: 55, linkedin: 8, referral: 10, agency: 12, career_site: 15 },
  en: { hh: 5, linkedin: 45, referral: 15, agency: 15, career_site: 20 },
};

export interface Applicant {
  index: number;
  /** Seed for generateResume. */
  resumeSeed: number;
  lang: ResumeLang;
  profile: ResumeProfile;
  source: Source;
  ability: number;
  /** Epoch ms. */
  appliedAt: number;
}

/** `mix` weighs the resume profiles (default PROFILE_MIX); a stronger mix sends more people down the funnel. */
export function planApplicant(
  seed: number,
  index: number,
  now: number,
  mix: Readonly<Record<ResumeProfile, number>> = PROFILE_MIX,
): Applicant {
  const rng = DemoRng.for(seed, index, 0);
  const profile = rng.weighted(mix);
  const lang: ResumeLang = rng.chance(0.75) ? 'ru' : 'en';
  const source = rng.weighted(SOURCE_MIX[lang]);
  const ability = rng.normal(ABILITY[profile], 0.55);
  const ageDays = rng.next() * WINDOW_DAYS;
  return { index, resumeSeed: streamSeed(seed, index, 9), lang, profile, source, ability, appliedAt: Math.round(now - ageDays * DAY_MS) };
}

// ---- Journeys -----------------------------------------------------------------------------------------

export type InterviewKind = 'competency' | 'case';

export type JourneyStep =
  | { kind: 'move'; from: PipelineStage; to: PipelineStage; at: number; reason: string | null }
  | { kind: 'decide'; decision: Verdict; from: PipelineStage; to: PipelineStage; at: number; reason: string }
  | {
      kind: 'interview';
      stage: InterviewKind;
      at: number;
      durationMin: number;
      location: string;
      /** Indexes into the panel: interviewers first, then department heads. */
      panel: number[];
      /** When each panel member submitted, same order. */
      submittedAt: number[];
      /** What this interview saw of the candidate: ability plus the noise of one conversation. */
      perf: number;
    }
  | {
      kind: 'assignment';
      at: number;
      taskIndex: number;
      deadlineAt: number;
      openedAt: number;
      submittedAt: number;
      late: boolean;
      graders: number[];
      gradedAt: number[];
      perf: number;
    };

export interface Journey {
  steps: JourneyStep[];
  stage: PipelineStage;
}

export interface JourneyInput {
  ability: number;
  lang: ResumeLang;
  appliedAt: number;
  /** The screener's proposed verdict for the resume. */
  verdict: Verdict;
  now: number;
}

export interface Panel {
  interviewers: number;
  heads: number;
}

/** What HR decides given the screener's proposal, nudged by what a careful read of the resume shows. */
export function hrDecision(rng: DemoRng, proposed: Verdict, ability: number): Verdict {
  const base: Record<Verdict, Record<Verdict, number>> = {
    pass: { pass: 30, review: 50, reject: 20 },
    review: { pass: 5, review: 50, reject: 45 },
    reject: { pass: 0.5, review: 7.5, reject: 92 },
  };
  const w = base[proposed];
  const k = Math.exp(0.6 * ability);
  return rng.weighted({ pass: w.pass * k, review: w.review, reject: w.reject / k });
}

const REASONS = {
  pass: {
    ru: [
      'Опыт КАМ в FMCG, сети в портфеле — приглашаем на интервью',
      'Сильный опыт с федеральными сетями',
      'Подходит по опыту и результатам, зовём на интервью',
    ],
    en: [
      'KAM experience in FMCG with retail chains — invite to interview',
      'Strong record with national chains',
      'Fits on experience and results; invite',
    ],
  },
  review: {
    ru: [
      'Нужно уточнить опыт с сетями на звонке',
      'Мало подтверждённых результатов, в резерв',
      'Опыт смежный, посмотрим после первой волны',
    ],
    en: ['Check chain experience on a call', 'Few proven results; keep in reserve', 'Adjacent experience; revisit after the first wave'],
  },
  reject: {
    ru: ['Нет опыта продаж в FMCG', 'Опыт меньше 3 лет', 'Нет работы с ключевыми клиентами', 'Не продажи: другая специализация'],
    en: ['No FMCG sales experience', 'Less than 3 years of experience', 'No key account work', 'Not a sales profile'],
  },
  afterInterview: {
    ru: [
      'По итогам интервью: слабая аргументация в переговорах',
      'Интервью: нет структуры в планировании продаж',
      'Не прошёл интервью: опыт с сетями поверхностный',
    ],
    en: [
      'After the interview: weak negotiation reasoning',
      'Interview: no structure in sales planning',
      'Interview not passed: chain experience is shallow',
    ],
  },
  afterTask: {
    ru: [
      'Тестовое задание ниже ожиданий',
      'Задание: экономика предложения не просчитана',
      'По заданию и интервью выбрали другого кандидата',
    ],
    en: [
      'Take-home task below expectations',
      'Task: the proposal economics were not worked out',
      'Chose another candidate on the task and interviews',
    ],
  },
  offer: { ru: ['Сильные интервью и задание — делаем оффер'], en: ['Strong interviews and task — making an offer'] },
  hired: { ru: ['Оффер принят'], en: ['Offer accepted'] },
  declined: {
    ru: ['Отказался от оффера: встречное предложение', 'Отказ от оффера: не устроил бонус'],
    en: ['Declined the offer: counter-offer', 'Declined: bonus did not fit'],
  },
} as const;

const LOCATIONS = {
  ru: ['Офис, переговорная 3', 'Zoom', 'Офис, переговорная «Нева»', 'Google Meet'],
  en: ['Office, meeting room 3', 'Zoom', 'Office, room "Neva"', 'Google Meet'],
} as const;

/**
 * How far one applicant gets by `now`: the later steps happen only for those who applied long enough
 * ago, so recent applicants are still new while those from two months back may have an offer.
 * Every step is in the past; interviews and take-home tasks are always finished and scored.
 */
export function planJourney(rng: DemoRng, input: JourneyInput, panel: Panel, tasks: number): Journey {
  const { ability, lang, now } = input;
  const steps: JourneyStep[] = [];
  const latest = now - 10 * 60_000;
  let stage: PipelineStage = 'new';
  let t = input.appliedAt;
  const ageDays = (now - input.appliedAt) / DAY_MS;
  const later = (from: number, loDays: number, hiDays: number) => from + rng.range(loDays, hiDays) * DAY_MS;
  const move = (to: PipelineStage, at: number, reason: string | null) => {
    steps.push({ kind: 'move', from: stage, to, at, reason });
    stage = to;
    t = at;
  };
  const result = (): Journey => ({ steps, stage });

  // Screening: about half of those who applied more than three weeks ago have been looked at.
  const reviewed = rng.chance(clamp((ageDays - 0.5) / 20, 0, 1) * 0.5);
  if (!reviewed) {
    if (ageDays > 1 && rng.chance(0.35)) move('screening', Math.min(later(t, 0.2, 2), latest), null);
    return result();
  }
  if (rng.chance(0.5)) move('screening', Math.min(later(t, 0.1, 1.5), latest), null);
  const decision = hrDecision(rng, input.verdict, ability);
  const decidedAt = clamp(later(t, 0.3, Math.min(6, Math.max(0.4, ageDays - 0.2))), t, latest);
  const to: PipelineStage = decision === 'pass' ? 'interview' : decision === 'reject' ? 'rejected' : 'screening';
  steps.push({ kind: 'decide', decision, from: stage, to, at: decidedAt, reason: rng.pick(REASONS[decision][lang]) });
  stage = to;
  t = decidedAt;
  if (decision !== 'pass') return result();

  const size = panel.interviewers + panel.heads;
  const interview = (kind: InterviewKind, at: number, people: number[]): { perf: number; done: number } => {
    const perf = ability + rng.normal(0, 0.45);
    const submittedAt = people.map(() => Math.min(at + rng.range(1.5, 30) * HOUR_MS, latest));
    steps.push({
      kind: 'interview',
      stage: kind,
      at,
      durationMin: kind === 'case' ? 90 : 60,
      location: rng.pick(LOCATIONS[lang]),
      panel: people,
      submittedAt,
      perf,
    });
    return { perf, done: Math.max(...submittedAt) };
  };
  const someInterviewers = (n: number) => rng.distinct(n, panel.interviewers);
  const aHead = () => panel.interviewers + rng.int(0, Math.max(0, panel.heads - 1));

  // First interview: competencies, two people (sometimes the department head). Always held and scored.
  const firstAt = clamp(later(t, 2, 10), t + HOUR_MS, latest - 2 * HOUR_MS);
  const firstPanel = panel.heads > 0 && rng.chance(0.3) ? [...someInterviewers(1), aHead()] : someInterviewers(2);
  const first = interview('competency', Math.max(firstAt, t), firstPanel.slice(0, size));
  t = first.done;
  if (first.perf < 0.2) {
    const at = later(t, 1, 4);
    if (at <= latest) move('rejected', at, rng.pick(REASONS.afterInterview[lang]));
    return result();
  }
  // Second interview: a case, one or two people; only for those invited long enough ago, and not for
  // those HR keeps in reserve for now.
  const secondAt = later(t, 4, 12);
  if (secondAt > latest - 2 * HOUR_MS || rng.chance(0.3)) return result();
  const secondPanel =
    panel.heads > 0 && rng.chance(0.5) ? [aHead(), ...(rng.chance(0.5) ? someInterviewers(1) : [])] : someInterviewers(rng.int(1, 2));
  const second = interview('case', secondAt, secondPanel);
  t = second.done;
  if ((first.perf + second.perf) / 2 < 0.5) {
    const at = later(t, 1, 4);
    if (at <= latest) move('rejected', at, rng.pick(REASONS.afterInterview[lang]));
    return result();
  }
  // Take-home task: sent, opened, submitted (rarely late) and graded by two people, all before `now`.
  const sentAt = later(t, 2, 5);
  const deadlineAt = sentAt + 3 * DAY_MS;
  const late = rng.chance(0.08);
  const submittedAt = late ? deadlineAt + rng.range(1, 20) * HOUR_MS : sentAt + rng.range(0.6, 2.9) * DAY_MS;
  const gradedAt = [later(submittedAt, 0.3, 3), later(submittedAt, 0.3, 4)];
  if (Math.max(...gradedAt) > latest) return result();
  move('take_home', sentAt, null);
  const graders = panel.heads > 0 && rng.chance(0.7) ? [aHead(), ...someInterviewers(1)] : someInterviewers(2);
  const perf = ability + rng.normal(0, 0.45);
  steps.push({
    kind: 'assignment',
    at: sentAt,
    taskIndex: rng.int(0, Math.max(0, tasks - 1)),
    deadlineAt,
    openedAt: sentAt + rng.range(0.5, 12) * HOUR_MS,
    submittedAt,
    late,
    graders,
    gradedAt,
    perf,
  });
  t = Math.max(...gradedAt);
  const decideAt = later(t, 2, 6);
  if (decideAt > latest || rng.chance(0.25)) return result();
  if ((first.perf + second.perf + perf) / 3 < 0.95) {
    move('rejected', decideAt, rng.pick(REASONS.afterTask[lang]));
    return result();
  }
  move('offer', decideAt, rng.pick(REASONS.offer[lang]));
  const answerAt = later(decideAt, 5, 14);
  if (answerAt > latest) return result();
  if (rng.chance(0.7)) move('hired', answerAt, rng.pick(REASONS.hired[lang]));
  else move('rejected', answerAt, rng.pick(REASONS.declined[lang]));
  return result();
}

// ---- Scorecards -----------------------------------------------------------------------------------------

export interface KitForScoring {
  /** Kit item id, as in the scorecard's "k<id>" keys. */
  id: number;
  kind: 'question' | 'case';
  /** Case criteria (0…points each); empty for questions. */
  criteria: readonly { id: string; points: number }[];
}

export interface ScorecardPlan {
  lang: ResumeLang;
  /** The interview's view of the candidate (see JourneyStep). */
  perf: number;
  /** This interviewer's leniency: the same person tends to rate a little high or low. */
  raterBias: number;
  /** The candidate's relative strengths and weaknesses, shared by every interviewer. */
  skew: Partial<Record<CompetencyId, number>>;
  rate: readonly CompetencyId[];
  kit: readonly KitForScoring[];
  /** Competency names for the summary, in the scorecard's language. */
  titles?: Partial<Record<CompetencyId, string>>;
}

const NOTES = {
  ru: [
    'Привёл пример с X5: защитил промо-бюджет, получил доп. выкладку.',
    'Отвечает общими словами, цифр мало.',
    'Чётко знает свою экономику: фронт/бэк маржа, ретро-бонусы.',
    'Пример про просроченную дебиторку — разобрал по шагам.',
    'Путается в терминах трейд-маркетинга.',
    'Хорошо структурирует: цель — факты — предложение — следующий шаг.',
    'Слишком быстро уступает по скидке.',
    'Опирается на данные sell-out, предлагает пилот.',
  ],
  en: [
    'Gave an example with a national chain: defended the promo budget, won extra facings.',
    'Answers in general terms, few numbers.',
    'Knows the account economics: front and back margin, retro bonuses.',
    'Walked through an overdue receivables case step by step.',
    'Mixes up trade marketing terms.',
    'Well structured: goal, facts, proposal, next step.',
    'Concedes on discount too quickly.',
    'Uses sell-out data and proposes a pilot.',
  ],
} as const;

const SUMMARIES: Record<Recommendation, { ru: readonly string[]; en: readonly string[] }> = {
  strong_yes: {
    ru: ['Сильный кандидат, рекомендую однозначно.', 'Уровень выше ожидаемого, берём.'],
    en: ['Strong candidate, clear hire.', 'Above the expected level; hire.'],
  },
  yes: {
    ru: ['Рекомендую, есть зоны роста.', 'Хороший уровень, подходит на позицию.'],
    en: ['Recommend, with areas to grow.', 'Good level, fits the role.'],
  },
  no: {
    ru: ['Скорее нет: не хватает глубины.', 'Пока не дотягивает до middle.'],
    en: ['Leaning no: not enough depth.', 'Not yet at middle level.'],
  },
  strong_no: { ru: ['Не рекомендую.', 'Опыт не соответствует позиции.'], en: ['Do not recommend.', 'Experience does not match the role.'] },
};

/** Recommendation from the interviewer's own mean rating, with a little personal judgement on top. */
export function recommendationFor(meanRating: number, rng: DemoRng): Recommendation {
  const x = meanRating + rng.normal(0, 0.2);
  return x >= 3.9 ? 'strong_yes' : x >= 3.1 ? 'yes' : x >= 2.3 ? 'no' : 'strong_no';
}

/** A submitted scorecard and the draft saved before it (notes first, as people type them). */
export function buildScorecard(rng: DemoRng, p: ScorecardPlan): { draft: ScorecardData; final: ScorecardData } {
  const ratings: ScorecardData['ratings'] = {};
  for (const c of p.rate) ratings[c] = Math.round(clamp(3 + 0.95 * p.perf + p.raterBias + (p.skew[c] ?? 0) + rng.normal(0, 0.5), 1, 5));
  const values = Object.values(ratings).filter((v): v is number => typeof v === 'number');
  const mean = values.length ? values.reduce((s, v) => s + v, 0) / values.length : 3 + p.perf;
  const recommendation = recommendationFor(mean, rng);
  const notes: Record<string, string> = {};
  const phrases = NOTES[p.lang];
  for (const k of p.kit) if (rng.chance(0.45)) notes[`k${k.id}`] = rng.pick(phrases);
  const cases: ScorecardData['cases'] = {};
  for (const k of p.kit) {
    if (k.kind !== 'case' || k.criteria.length === 0) continue;
    const scores: Record<string, number | null> = {};
    for (const c of k.criteria) scores[c.id] = Math.round(c.points * logistic(1.3 * p.perf + p.raterBias + rng.normal(0, 0.6)));
    cases[`k${k.id}`] = scores;
  }
  const rated = p.rate.filter((c) => ratings[c] !== undefined);
  const best = [...rated].sort((a, b) => (ratings[b] ?? 0) - (ratings[a] ?? 0))[0];
  const worst = [...rated].sort((a, b) => (ratings[a] ?? 0) - (ratings[b] ?? 0))[0];
  let summary = rng.pick(SUMMARIES[recommendation][p.lang]);
  if (best && worst && best !== worst && p.titles) {
    const b = p.titles[best] ?? best;
    const w = p.titles[worst] ?? worst;
    summary += p.lang === 'ru' ? ` Сильная сторона: ${b}. Зона роста: ${w}.` : ` Strength: ${b}. To develop: ${w}.`;
  }
  const final: ScorecardData = { notes, ratings, cases, recommendation, summary };
  return { draft: { notes, ratings: {}, cases: {}, recommendation: null, summary: '' }, final };
}

// ---- Take-home grades -------------------------------------------------------------------------------------

export interface GradePlan {
  perf: number;
  /** One leniency per grader. */
  graderBiases: readonly number[];
  /** Chance that two graders end up 2+ points apart on one criterion. */
  disagreement?: number;
}

/** Rubric scores per grader; sometimes two graders differ by two points or more on one criterion. */
export function buildGrades(
  rng: DemoRng,
  rubric: readonly RubricCriterion[],
  p: GradePlan,
): { scores: Record<string, number>[]; disagreement: boolean } {
  const scores = p.graderBiases.map((bias) =>
    Object.fromEntries(rubric.map((c) => [c.id, Math.round(c.min + (c.max - c.min) * logistic(1.2 * p.perf + bias + rng.normal(0, 0.5)))])),
  );
  let disagreement = false;
  const a = scores[0];
  const b = scores[1];
  if (a && b && rubric.length > 0 && rng.chance(p.disagreement ?? 0.15)) {
    const c = rng.pick(rubric);
    const base = a[c.id] ?? c.min;
    if (c.max - c.min >= 2) {
      b[c.id] = base + 2 <= c.max ? base + 2 : base - 2;
      disagreement = true;
    }
  }
  return { scores, disagreement };
}

const GRADE_COMMENTS = {
  ru: [
    'Логика есть, экономика просчитана частично.',
    'Хорошая структура, цифры правдоподобные.',
    'Много общих слов, мало расчётов.',
    'Сильная работа: риски и KPI на месте.',
  ],
  en: [
    'Sound logic; the economics are only partly worked out.',
    'Good structure, plausible numbers.',
    'Many general words, few calculations.',
    'Strong work: risks and KPIs covered.',
  ],
} as const;

export function gradeComment(rng: DemoRng, lang: ResumeLang): string {
  return rng.pick(GRADE_COMMENTS[lang]);
}

const SUBMISSIONS = {
  ru: [
    'План продаж по клиенту на год: базовый объём, источники роста (ассортимент, промо, новые магазины), инвестиции и риски. Расчёты во вложенной таблице — кратко ниже.',
    'Коммерческое предложение: ассортиментная матрица, промо-календарь на квартал, условия бонуса за выполнение плана, следующий шаг — встреча с категорийным менеджером.',
  ],
  en: [
    'Annual sales plan for the account: baseline volume, growth sources (range, promo, new stores), investment and risks. Calculations summarised below.',
    'Commercial proposal: assortment, quarterly promo calendar, a bonus tied to plan delivery; next step — a meeting with the category manager.',
  ],
} as const;

export function submissionBody(rng: DemoRng, lang: ResumeLang): string {
  return rng.pick(SUBMISSIONS[lang]);
}

/** The skew a candidate shows across competencies: a few clear strengths and gaps. */
export function competencySkew(rng: DemoRng, competencies: readonly CompetencyId[]): Partial<Record<CompetencyId, number>> {
  return Object.fromEntries(competencies.map((c) => [c, rng.normal(0, 0.4)]));
}

/** An idempotency key as the submission form would carry one (16–64 of [A-Za-z0-9_-]). */
export function idempotencyKey(rng: DemoRng): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  let s = '';
  for (let i = 0; i < 24; i++) s += alphabet[Math.floor(rng.next() * alphabet.length)];
  return s;
}
