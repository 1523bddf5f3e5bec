import { z } from 'zod';
import { COMPETENCY_IDS, type CompetencyId } from './bank/schema.js';
import { msg } from './messages.js';

export const INTERVIEW_STAGES = ['hr_screen', 'competency', 'case', 'final'] as const;
export type InterviewStage = (typeof INTERVIEW_STAGES)[number];
export const RECOMMENDATIONS = ['strong_no', 'no', 'yes', 'strong_yes'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

// ---- Kit proposal -------------------------------------------------------------------------

export interface KitQuestion {
  id: string;
  competency: CompetencyId;
  type: 'behavioural' | 'situational' | 'motivational' | 'technical';
  screeningGaps?: readonly string[] | undefined;
}
export interface KitCase {
  id: string;
  competencies: readonly CompetencyId[];
}
export type KitReason = `gap:${string}` | `competency:${string}` | 'motivation' | 'case';
export interface KitEntry {
  kind: 'question' | 'case';
  itemId: string;
  reason: KitReason;
}

export interface KitInput {
  stage: InterviewStage;
  weights: Partial<Record<CompetencyId, number>>;
  /** Questions and cases the vacancy chose; the kit draws from these first. */
  selectedQuestionIds: readonly string[];
  selectedCaseIds: readonly string[];
  questions: readonly KitQuestion[];
  cases: readonly KitCase[];
  /** Screening checklist keys left unknown or not met, in checklist order. */
  gaps: readonly string[];
}

const MAX_COMPETENCY_QUESTIONS = 10;
// Behavioural and situational questions predict job performance best; technical ones check knowledge.
const TYPE_ORDER = { behavioural: 0, situational: 1, technical: 2, motivational: 3 } as const;

/**
 * Proposes what to ask, and says why for each entry: first the screening gaps (a resume with no
 * CRM evidence gets a CRM question), then the vacancy's competencies by weight, as the stage needs.
 */
export function proposeKit(input: KitInput): KitEntry[] {
  const out: KitEntry[] = [];
  const taken = new Set<string>();
  const add = (kind: KitEntry['kind'], itemId: string, reason: KitReason) => {
    const key = `${kind}:${itemId}`;
    if (taken.has(key)) return;
    taken.add(key);
    out.push({ kind, itemId, reason });
  };
  const selected = new Set(input.selectedQuestionIds);
  const pool = input.questions.filter((q) => selected.has(q.id));
  const weight = (c: CompetencyId) => input.weights[c] ?? 0;
  const byWeight = [...COMPETENCY_IDS].filter((c) => weight(c) > 0).sort((a, b) => weight(b) - weight(a));

  if (input.stage !== 'case') {
    for (const gap of input.gaps) {
      const q = input.questions.find((x) => x.screeningGaps?.includes(gap));
      if (q) add('question', q.id, `gap:${gap}`);
    }
  }

  const sorted = (qs: readonly KitQuestion[]) => [...qs].sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type]);
  switch (input.stage) {
    case 'hr_screen':
      for (const q of pool.filter((x) => x.type === 'motivational').slice(0, 3)) add('question', q.id, 'motivation');
      break;
    case 'competency': {
      let n = 0;
      for (const c of byWeight) {
        const per = weight(c) >= 5 ? 2 : 1;
        for (const q of sorted(pool.filter((x) => x.competency === c && x.type !== 'motivational')).slice(0, per)) {
          if (n >= MAX_COMPETENCY_QUESTIONS) break;
          add('question', q.id, `competency:${c}`);
          n += 1;
        }
      }
      break;
    }
    case 'case': {
      const cases = input.cases
        .filter((k) => input.selectedCaseIds.includes(k.id))
        .map((k) => ({ k, w: Math.max(0, ...k.competencies.map(weight)) }))
        .sort((a, b) => b.w - a.w)
        .slice(0, 2);
      for (const { k } of cases) add('case', k.id, 'case');
      break;
    }
    case 'final':
      for (const c of byWeight.slice(0, 4)) {
        const q = sorted(pool.filter((x) => x.competency === c && x.type !== 'motivational'))[0];
        if (q) add('question', q.id, `competency:${c}`);
      }
      for (const q of pool.filter((x) => x.type === 'motivational').slice(0, 1)) add('question', q.id, 'motivation');
      break;
  }
  return out;
}

/** The competencies a scorecard rates: those the kit's questions and cases touch, by weight. */
export function competenciesToRate(
  kit: readonly { kind: 'question' | 'case'; competencies: readonly CompetencyId[] }[],
  weights: Partial<Record<CompetencyId, number>>,
): CompetencyId[] {
  const set = new Set(kit.flatMap((k) => k.competencies));
  return [...COMPETENCY_IDS].filter((c) => set.has(c)).sort((a, b) => (weights[b] ?? 0) - (weights[a] ?? 0));
}

// ---- Scorecard data -----------------------------------------------------------------------

const note = z.string().max(20_000, msg('errors.too_long', { max: 20_000 }));
const optionalInt = (min: number, max: number) =>
  z.preprocess((v) => (v === '' || v === undefined || v === null ? null : Number(v)), z.number().int().min(min).max(max).nullable());

// Kit entries are keyed "k<kit item id>": a purely numeric form key would make the query-string
// parser build a (compacted, re-indexed) array instead of an object.
const kitKey = z.string().regex(/^k\d+$/);

/** What an interviewer writes; every part optional while it is a draft. */
export const scorecardDataSchema = z.object({
  notes: z.record(kitKey, note).default({}),
  ratings: z.partialRecord(z.enum(COMPETENCY_IDS), optionalInt(1, 5)).default({}),
  cases: z.record(kitKey, z.record(z.string().max(60), optionalInt(0, 10))).default({}),
  recommendation: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.enum(RECOMMENDATIONS).nullable()).default(null),
  summary: note.default(''),
  /** What the interviewer could not settle and wants the debrief to take up (optional). */
  open_questions: note.optional(),
});
export type ScorecardData = z.infer<typeof scorecardDataSchema>;

export const EMPTY_SCORECARD: ScorecardData = { notes: {}, ratings: {}, cases: {}, recommendation: null, summary: '', open_questions: '' };

/** A draft save: the data plus the version the browser last saw. */
export const draftSaveSchema = z.object({
  version: z.coerce.number().int().min(0),
  data: scorecardDataSchema.default(EMPTY_SCORECARD),
});

export interface SubmitProblem {
  field: string;
  key: string;
}

/** A submitted scorecard must say something about every competency and give a recommendation. */
export function submitProblems(data: ScorecardData, competencies: readonly CompetencyId[]): SubmitProblem[] {
  const problems: SubmitProblem[] = [];
  for (const c of competencies) if (!data.ratings[c]) problems.push({ field: `ratings.${c}`, key: 'scorecard.rating_required' });
  if (!data.recommendation) problems.push({ field: 'recommendation', key: 'scorecard.recommendation_required' });
  if (!data.summary.trim()) problems.push({ field: 'summary', key: 'scorecard.summary_required' });
  return problems;
}

export interface FieldDifference {
  field: string;
  mine: string;
  theirs: string;
}

function flatten(data: ScorecardData): Map<string, string> {
  const m = new Map<string, string>();
  for (const [k, v] of Object.entries(data.notes)) if (v) m.set(`notes.${k}`, v);
  for (const [k, v] of Object.entries(data.ratings)) if (v) m.set(`ratings.${k}`, String(v));
  for (const [k, crit] of Object.entries(data.cases))
    for (const [c, v] of Object.entries(crit)) if (v !== null) m.set(`cases.${k}.${c}`, String(v));
  if (data.recommendation) m.set('recommendation', data.recommendation);
  if (data.summary) m.set('summary', data.summary);
  if (data.open_questions) m.set('open_questions', data.open_questions);
  return m;
}

/** Where two versions of a scorecard disagree, field by field, so a conflict can show both texts. */
export function differences(mine: ScorecardData, theirs: ScorecardData): FieldDifference[] {
  const a = flatten(mine);
  const b = flatten(theirs);
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  return fields.filter((f) => a.get(f) !== b.get(f)).map((f) => ({ field: f, mine: a.get(f) ?? '', theirs: b.get(f) ?? '' }));
}

/** Moscow has had no daylight saving since 2014, so a fixed offset is exact. */
export const APP_UTC_OFFSET = '+03:00';

export function localToIso(date: string, time: string): string | null {
  const d = new Date(`${date}T${time}:00${APP_UTC_OFFSET}`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** When and where an interview is: the fields scheduling and moving an interview share. */
export const interviewTimeFields = {
  date: z.iso.date({ error: 'errors.date' }),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'errors.time'),
  duration_min: z.coerce
    .number({ error: 'errors.number' })
    .int('errors.integer')
    .min(15, msg('errors.range', { min: 15, max: 240 }))
    .max(240, msg('errors.range', { min: 15, max: 240 })),
  location: z
    .string()
    .trim()
    .max(500, msg('errors.too_long', { max: 500 }))
    .default(''),
};

export const scheduleFormSchema = z.object({
  stage: z.enum(INTERVIEW_STAGES, { error: 'errors.choice' }),
  ...interviewTimeFields,
  interviewers: z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.coerce.number().int().positive()).min(1, 'errors.interviewers_required').max(10),
  ),
});
export type ScheduleForm = z.infer<typeof scheduleFormSchema>;
