import { z } from 'zod';

export const LANGS = ['ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const GRADES = ['junior', 'middle', 'senior'] as const;
export type Grade = (typeof GRADES)[number];

export const COMPETENCY_IDS = [
  'client_relationships',
  'negotiation',
  'market_analysis',
  'sales_planning',
  'communication',
  'strategic_thinking',
  'portfolio_segmentation',
  'contracts_receivables',
  'cross_functional',
  'resilience',
  'foreign_language',
  'trade_marketing',
  'retail_chains',
] as const;
export type CompetencyId = (typeof COMPETENCY_IDS)[number];

export const CHECKLIST_KEYS = [
  'experience_3y',
  'fmcg',
  'key_accounts',
  'higher_education',
  'business_degree',
  'foreign_language',
  'crm',
  'kpi_results',
  'stable_tenure',
] as const;

export const QUESTION_TYPES = ['behavioural', 'situational', 'motivational', 'technical'] as const;
export const CHECKLIST_KINDS = ['knockout', 'required', 'nice_to_have'] as const;
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number];
export const ITEM_KINDS = ['competency', 'question', 'case', 'task', 'checklist'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

const id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase latin letters, digits, "_" and "-"');
const text = z.string().trim().min(1);
const textList = (min: number, max: number) => z.array(text).min(min).max(max);
const level = z.number().int().min(1).max(5);
const competencyRef = z.enum(COMPETENCY_IDS);

// YAML turns `1:` into a numeric key, JS objects make it the string "1".
const scale = (required: readonly string[]) =>
  z
    .partialRecord(z.enum(['1', '2', '3', '4', '5']), text)
    .refine((s) => required.every((k) => k in s), { message: `needs levels ${required.join(', ')}` });

const gradeLevel = z.object({ level, behaviour: text });

export const competencySchema = z.object({
  id: competencyRef,
  kind: z.literal('competency'),
  title: text,
  group: z.enum(['hard', 'soft', 'industry']),
  anchors: scale(['1', '3', '5']),
  levels: z
    .object({ junior: gradeLevel, middle: gradeLevel, senior: gradeLevel })
    .refine((l) => l.junior.level <= l.middle.level && l.middle.level <= l.senior.level, {
      message: 'levels must not decrease from junior to senior',
    }),
});

export const questionSchema = z.object({
  id,
  kind: z.literal('question'),
  competency: competencyRef,
  type: z.enum(QUESTION_TYPES),
  title: text.max(120),
  grades: z.array(z.enum(GRADES)).min(1).optional(),
  /** Screening checklist keys this question probes when the resume leaves them unknown or not met. */
  screening_gaps: z.array(z.enum(CHECKLIST_KEYS)).min(1).optional(),
  probes: textList(1, 6),
  strong: textList(1, 6),
  red_flags: textList(1, 6),
  scale: scale(['1', '3', '5']),
});

const caseCriterion = z.object({ id, text, points: z.number().int().min(1).max(10) });
export const caseSchema = z.object({
  id,
  kind: z.literal('case'),
  title: text,
  competencies: z.array(competencyRef).min(1),
  duration_min: z.number().int().min(5).max(120),
  task: text,
  criteria: z.array(caseCriterion).min(2).max(8),
  red_flags: textList(1, 8),
});

const taskCriterion = z.object({ id, text, weight: z.number().positive().max(100) });
export const taskSchema = z.object({
  id,
  kind: z.literal('task'),
  title: text,
  competencies: z.array(competencyRef).min(1),
  deadline_days: z.number().int().min(1).max(30),
  deliverables: textList(1, 10),
  criteria: z.array(taskCriterion).min(2).max(8),
});

export const checklistItemSchema = z.object({
  key: id,
  label: text,
  kind: z.enum(CHECKLIST_KINDS),
  weight: z.number().int().min(1).max(5),
  hint: text.optional(),
});
export const checklistSchema = z.object({
  id,
  kind: z.literal('checklist'),
  title: text,
  items: z.array(checklistItemSchema).min(1),
});

export const itemSchemas = {
  competency: competencySchema,
  question: questionSchema,
  case: caseSchema,
  task: taskSchema,
  checklist: checklistSchema,
} as const;

export type CompetencyMeta = z.infer<typeof competencySchema>;
export type QuestionMeta = z.infer<typeof questionSchema>;
export type CaseMeta = z.infer<typeof caseSchema>;
export type TaskMeta = z.infer<typeof taskSchema>;
export type ChecklistMeta = z.infer<typeof checklistSchema>;
export type ChecklistItemMeta = z.infer<typeof checklistItemSchema>;
export type AnyMeta = CompetencyMeta | QuestionMeta | CaseMeta | TaskMeta | ChecklistMeta;

/** Which folder holds which kind; the folder decides the schema, so a file cannot change kind silently. */
export const FOLDER_KIND: Record<string, ItemKind> = {
  competencies: 'competency',
  questions: 'question',
  cases: 'case',
  tasks: 'task',
  checklist: 'checklist',
};
