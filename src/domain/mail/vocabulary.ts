import { z } from 'zod';
import { msg } from '../messages.js';
import type { Lang } from '../bank/schema.js';
import { placeholdersOf, type MailTemplate } from './render.js';
import { TEMPLATE_KEYS, type TemplateKey, type TemplateVars } from './message.js';

/**
 * What each template may say: the placeholders the code that sends it fills in. A template edited by
 * HR may use only these; anything else is refused at the field (it would stop the letter at sending).
 */
const COMMON = ['candidate.name', 'candidate.first_name', 'candidate.full_name', 'vacancy.title', 'sender.name'] as const;
// What the calendar's sender (services/calendar.ts interviewVars / offerVars) fills in.
const INTERVIEW = [
  'candidate.name',
  'vacancy.title',
  'interview.stage',
  'interview.date',
  'interview.time',
  'interview.time_zone',
  'interview.starts_at',
  'interview.duration_min',
  'interview.location',
] as const;
const SLOTS = [
  'candidate.name',
  'vacancy.title',
  'slots.link',
  'slots.list',
  'slots.time_zone',
  'slots.duration_min',
  'slots.expires_at',
] as const;
const TASK = ['task.title', 'task.link', 'task.deadline'] as const;

// Consent and reminders: what services/consent.ts and services/reminders.ts fill in.
export const TEMPLATE_VOCABULARY: Record<TemplateKey, readonly string[]> = {
  consent_request: ['candidate.first_name', 'candidate.full_name', 'vacancy.title', 'consent.link', 'consent.expires_at'],
  consent_withdrawn: ['user.name', 'candidate.full_name', 'vacancy.title', 'erasure.date', 'erasure.days'],
  interview_invitation: INTERVIEW,
  interview_changed: INTERVIEW,
  interview_cancelled: INTERVIEW,
  slot_offer: SLOTS,
  take_home_task: [...COMMON, ...TASK],
  take_home_deadline_reminder: ['candidate.first_name', 'candidate.full_name', 'vacancy.title', 'task.title', 'task.deadline'],
  submission_thanks: [...COMMON, 'task.title'],
  rejection: [...COMMON],
  offer_invitation: [...COMMON],
  scorecard_reminder: [
    'user.name',
    'candidate.full_name',
    'candidate.first_name',
    'vacancy.title',
    'interview.starts_at',
    'interview.ended_hours',
    'scorecard.link',
  ],
  grading_reminder: ['user.name', 'vacancy.title', 'task.code', 'task.title', 'task.submitted_at', 'task.days', 'grading.link'],
};

export const isTemplateKey = (s: string): s is TemplateKey => (TEMPLATE_KEYS as readonly string[]).includes(s);

/** Placeholders a template uses that its vocabulary does not know. */
export function unknownPlaceholders(key: TemplateKey, template: MailTemplate): string[] {
  const allowed = new Set(TEMPLATE_VOCABULARY[key]);
  return placeholdersOf(template).filter((p) => !allowed.has(p));
}

const unknownIn = (key: TemplateKey, text: string) => unknownPlaceholders(key, { subject: text, body: '' });

/**
 * The template form: subject and Markdown body, each checked for placeholders outside the
 * template's vocabulary (message key `mail.errors.placeholder` with the unknown names).
 */
export function templateFormSchema(key: TemplateKey) {
  const field = (max: number) =>
    z
      .string()
      .trim()
      .min(1, 'errors.required')
      .max(max, 'errors.too_long')
      .superRefine((text, ctx) => {
        const bad = unknownIn(key, text);
        if (bad.length > 0)
          ctx.addIssue({ code: 'custom', message: msg('mail.errors.placeholder', { names: bad.map((p) => `{{${p}}}`).join(', ') }) });
      });
  return z.object({ subject: field(300).refine((s) => !/[\r\n]/.test(s), 'mail.errors.subject_line'), body: field(20_000) });
}

/**
 * "Send to the candidate" next to an action: the address and the letter as HR edited it (placeholders
 * still allowed, filled at sending). Checked only when HR ticked the box.
 */
export function composeSchema(key: TemplateKey) {
  const t = templateFormSchema(key).shape;
  return z.object({
    mail_to: z
      .string({ error: 'mail.errors.address_missing' })
      .trim()
      .min(1, 'mail.errors.address_missing')
      .max(254, 'mail.errors.address')
      .pipe(z.email({ error: 'mail.errors.address' })),
    mail_subject: t.subject,
    mail_body: t.body,
  });
}

/** One rule for the greeting's first name (domain/consent.ts): the patronymic tells the Russian order. */
export { firstNameOf } from '../consent.js';

/** Made-up values for a template preview: every placeholder of the template's vocabulary filled. */
export function sampleVars(_key: TemplateKey, lang: Lang): TemplateVars {
  const ru = lang === 'ru';
  const vars: TemplateVars = {
    candidate: {
      name: ru ? 'Анна Смирнова' : 'Anna Smith',
      first_name: ru ? 'Анна' : 'Anna',
      full_name: ru ? 'Анна Смирнова' : 'Anna Smith',
    },
    vacancy: { title: ru ? 'Менеджер по работе с ключевыми клиентами' : 'Key Account Manager' },
    sender: { name: ru ? 'Мария Иванова' : 'Maria Ivanova' },
    interview: {
      stage: ru ? 'Интервью с руководителем' : 'Interview with the manager',
      date: ru ? '15 марта 2027' : '15 March 2027',
      time: '11:00',
      time_zone: ru ? 'Москва (UTC+3)' : 'Moscow (UTC+3)',
      starts_at: ru ? '15 марта 2027, 11:00 (Москва, UTC+3)' : '15 March 2027, 11:00 (Moscow, UTC+3)',
      duration_min: 60,
      location: ru ? 'Видеозвонок' : 'Video call',
      ended_hours: 26,
    },
    task: {
      title: ru ? 'План развития ключевого клиента' : 'Key account plan',
      link: 'https://hire.example.ru/t/sample',
      deadline: ru ? '20 марта 2027, 18:00 (МСК)' : '20 March 2027, 18:00 (Moscow)',
      code: 'K-7Q2M-XP4D',
      submitted_at: ru ? '12 марта 2027, 17:40' : '12 March 2027, 17:40',
      days: 3,
    },
    consent: {
      link: 'https://hire.example.ru/consent/sample',
      expires_at: ru ? '29 марта 2027, 18:00 (МСК)' : '29 March 2027, 18:00 (Moscow)',
    },
    erasure: { date: ru ? '14 апреля 2027' : '14 April 2027', days: 30 },
    slots: {
      link: 'https://hire.example.ru/slots/sample',
      list: ru ? '- 15 марта 2027, 11:00\n- 16 марта 2027, 15:00' : '- 15 March 2027, 11:00\n- 16 March 2027, 15:00',
      time_zone: ru ? 'Москва (UTC+3)' : 'Moscow (UTC+3)',
      duration_min: 60,
      expires_at: ru ? '14 марта 2027, 18:00' : '14 March 2027, 18:00',
    },
    user: { name: ru ? 'Олег Петров' : 'Oleg Petrov' },
    scorecard: { link: 'https://hire.example.ru/interviews/1/scorecard' },
    grading: { code: 'K-7Q2', link: 'https://hire.example.ru/grading/K-7Q2' },
  };
  return vars;
}
