import type { DB } from '../../src/db/connection.js';
import { usersRepo } from '../../src/db/users.js';
import { hashPassword } from '../../src/security/password.js';
import type { Role } from '../../src/domain/roles.js';

export const TEST_PASSWORD = 'correct-horse-battery';

let hashed: Promise<string> | null = null;
let seq = 0;

/** Users share one hash: scrypt is slow on purpose, and tests make many users. */
export async function makeUser(
  db: DB,
  opts: { role: Role; department?: string | null; username?: string | undefined; disabled?: boolean },
): Promise<number> {
  hashed ??= hashPassword(TEST_PASSWORD);
  seq += 1;
  const users = usersRepo(db);
  const id = users.create({
    username: opts.username ?? `${opts.role}${seq}`,
    displayName: `Test ${opts.role} ${seq}`,
    email: null,
    role: opts.role,
    department: opts.department ?? null,
    passwordHash: await hashed,
  });
  if (opts.disabled)
    users.update(id, {
      displayName: `Test ${opts.role} ${seq}`,
      email: null,
      role: opts.role,
      department: opts.department ?? null,
      disabled: true,
    });
  return id;
}

/** A complete, valid vacancy form as a browser would post it; override what a test is about. */
export function vacancyForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const competencies = [
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
  ];
  const form: Record<string, unknown> = {
    title_ru: 'КАМ (Senior), напитки',
    title_en: 'KAM (Senior), beverages',
    slug: '',
    department: 'Sales',
    target_grade: 'senior',
    responsibilities_ru: 'Вести сети',
    responsibilities_en: 'Run chains',
    must_ru: '',
    must_en: '',
    nice_ru: '',
    nice_en: '',
    kpi_retention: '92',
    kpi_churn: '4',
    kpi_upsell: '10',
    kpi_meetings: '15',
    kpi_margin: '1,5',
    salary_min: '200 000',
    salary_max: '300000',
    currency: 'RUB',
    bonus_min: '5',
    bonus_max: '15',
    stages: { screening: '10', interview: '50', case: '20', take_home: '20' },
    questions: ['q-negotiation-01'],
    cases: ['case-client-leaving'],
    tasks: ['task-sales-plan'],
  };
  form.weights = Object.fromEntries(competencies.map((c) => [c, '3']));
  form.levels = Object.fromEntries(competencies.map((c) => [c, { junior: '2', middle: '3', senior: '4' }]));
  return { ...form, ...overrides };
}
