import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Config } from './config.js';
import { openDatabase, type DB } from './db/connection.js';
import { bankRepo, type ImportSummary } from './db/bank.js';
import { settingsRepo } from './db/settings.js';
import { usersRepo } from './db/users.js';
import { vacanciesRepo } from './db/vacancies.js';
import { bankFingerprint, DEFAULT_BANKS_DIR, readBankFiles } from './content/bank-source.js';
import type { BankSet, BankSourceFile } from './domain/bank/parse.js';
import { demoCore, demoTexts, demoVerdictPolicy, DEMO_DEPARTMENT } from './content/demo-vacancy.js';
import { defaultProfile } from './domain/vacancy.js';
import type { Role } from './domain/roles.js';
import { generatePassword, hashPassword } from './security/password.js';
import { createRepos } from './db/repos.js';
import { templateChecklist } from './services/checklist-template.js';
import { checkDataDir, dataDirProblem, keepDataPrivate } from './storage/private.js';
import { storageFault } from './storage/faults.js';

export interface DemoUsers {
  password: string;
  generated: boolean;
  usernames: string[];
}

export const DEMO_USERS: { username: string; displayName: string; role: Role; department: string | null }[] = [
  { username: 'admin', displayName: 'Администратор / Admin', role: 'admin', department: null },
  { username: 'hr', displayName: 'Анна Смирнова (HR)', role: 'hr', department: null },
  { username: 'interviewer', displayName: 'Игорь Петров', role: 'interviewer', department: DEMO_DEPARTMENT },
  { username: 'head', displayName: 'Елена Орлова', role: 'department_head', department: DEMO_DEPARTMENT },
];

/** Demo users exist only on a database that has no users at all, so a real install is never touched. */
export async function seedDemoUsers(db: DB, demoPassword: string | undefined): Promise<DemoUsers | null> {
  const users = usersRepo(db);
  if (users.count() > 0) return null;
  const password = demoPassword ?? generatePassword();
  const passwordHash = await hashPassword(password);
  db.transaction(() => {
    for (const u of DEMO_USERS)
      users.create({ username: u.username, displayName: u.displayName, email: null, role: u.role, department: u.department, passwordHash });
  })();
  return { password, generated: demoPassword === undefined, usernames: DEMO_USERS.map((u) => u.username) };
}

/** Created once; a flag (not the slug) remembers it, so HR may rename or close it freely. */
export function seedDemoVacancy(db: DB): number | null {
  const settings = settingsRepo(db);
  if (settings.get('demo_vacancy_seeded')) return null;
  const repos = createRepos(db);
  const competencies = repos.bank.competencies('en');
  const profile = {
    ...defaultProfile({
      matrix: competencies.map((c) => ({
        id: c.meta.id,
        levels: { junior: c.meta.levels.junior.level, middle: c.meta.levels.middle.level, senior: c.meta.levels.senior.level },
      })),
      questionIds: repos.bank.questions('en').map((q) => ({ id: q.id, competency: q.meta.competency })),
      caseIds: repos.bank.cases('en').map((c) => c.id),
      taskIds: repos.bank.tasks('en').map((t) => t.id),
    }),
    ...demoTexts,
  };
  const vacancies = vacanciesRepo(db);
  const core = { ...demoCore, slug: vacancies.uniqueSlug(demoCore.slug, 0) };
  const id = vacancies.create(core, profile, templateChecklist(repos), null, demoVerdictPolicy);
  settings.set('demo_vacancy_seeded', new Date().toISOString());
  return id;
}

const BANK_FINGERPRINT = 'bank_fingerprint';

/** The parser (gray-matter, YAML) is loaded only when there is something to parse. */
async function parseBankFiles(files: BankSourceFile[]): Promise<BankSet> {
  const { parseBank } = await import('./domain/bank/parse.js');
  return parseBank(files);
}

export interface Booted {
  db: DB;
  sessionSecret: string;
  bank: ImportSummary;
  demoUsers: DemoUsers | null;
  demoVacancyId: number | null;
}

/** Everything `npm start` needs before listening: database, migrations, banks, demo data. */
export async function bootstrap(config: Config, opts: { seedDemo?: boolean; seedDemoUsers?: boolean } = {}): Promise<Booted> {
  // The banks are parsed and imported only when their files (or the code that imports them) changed since the last
  // import, judged by a fingerprint stored with it: reading the files is cheap, parsing them is not.
  const bankFiles = readBankFiles(config.banksDir ?? DEFAULT_BANKS_DIR);
  const fingerprint = bankFingerprint(bankFiles);
  // On a new database they are parsed before it is created: a malformed file stops start-up with nothing written.
  let bankSet = existsSync(config.dbFile) ? null : await parseBankFiles(bankFiles);
  // Before the database is opened: its file, -wal and -shm are created 0600.
  checkDataDir(config.dataDir);
  let db: DB;
  try {
    keepDataPrivate(config.dataDir);
    db = openDatabase(config.dbFile);
  } catch (e) {
    if (storageFault(e)) throw dataDirProblem(`the database ${config.dbFile}`, e);
    throw e;
  }
  const settings = settingsRepo(db);
  let bank: ImportSummary;
  if (bankSet === null && settings.get(BANK_FINGERPRINT) === fingerprint) {
    const current = bankRepo(db)
      .counts()
      .reduce((n, r) => n + r.n, 0);
    bank = { added: 0, updated: 0, unchanged: current, retired: 0, restored: 0 };
  } else {
    try {
      bankSet ??= await parseBankFiles(bankFiles);
    } catch (e) {
      db.close();
      throw e;
    }
    bank = bankRepo(db).importBank(bankSet);
    settings.set(BANK_FINGERPRINT, fingerprint);
  }
  const seed = opts.seedDemo ?? true;
  const demoUsers = seed && opts.seedDemoUsers !== false ? await seedDemoUsers(db, config.demoPassword) : null;
  const demoVacancyId = seed ? seedDemoVacancy(db) : null;
  const sessionSecret = config.sessionSecret ?? settings.ensure('session_secret', () => randomBytes(32).toString('base64url'));
  return { db, sessionSecret, bank, demoUsers, demoVacancyId };
}
