import type { DB } from './connection.js';
import { moveOneStep } from '../domain/order.js';
import { departmentKey } from '../domain/policy.js';
import { vacancyProfileSchema, type VacancyCore, type VacancyProfile } from '../domain/vacancy.js';
import type { Grade } from '../domain/bank/schema.js';
import type { ChecklistKind } from '../domain/bank/schema.js';
import { DEFAULT_VERDICT_POLICY, type VerdictPolicy } from '../domain/screening/types.js';

interface VacancyRow {
  id: number;
  slug: string;
  title_ru: string;
  title_en: string;
  department: string;
  target_grade: Grade;
  status: 'open' | 'closed';
  profile: string;
  min_required_met: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A vacancy without its profile: what list pages need, read without the profile's JSON. */
export interface VacancySummary extends VacancyCore {
  id: number;
  status: 'open' | 'closed';
}

/** A vacancy as the home page and the task lists show it: its summary and when it last changed. */
export interface VacancyListing extends VacancySummary {
  updatedAt: string;
}

export interface Vacancy extends VacancySummary {
  profile: VacancyProfile;
  /** How the screening verdict is decided from the checklist (its knockouts are the items of kind 'knockout'). */
  verdictPolicy: VerdictPolicy;
  createdAt: string;
  updatedAt: string;
}

export interface ChecklistItem {
  id: number;
  key: string;
  labelRu: string;
  labelEn: string;
  hintRu: string | null;
  hintEn: string | null;
  kind: ChecklistKind;
  weight: number;
  position: number;
  keywords: string[];
}

interface ChecklistRow {
  id: number;
  vacancy_id: number;
  key: string;
  label_ru: string;
  label_en: string;
  hint_ru: string | null;
  hint_en: string | null;
  kind: ChecklistKind;
  weight: number;
  position: number;
  keywords: string;
}

// Every list page reads its vacancy; validating the same JSON text again each time is wasted work.
const parsedProfiles = new Map<string, VacancyProfile>();
function parseProfile(json: string): VacancyProfile {
  let p = parsedProfiles.get(json);
  if (!p) {
    p = vacancyProfileSchema.parse(JSON.parse(json));
    if (parsedProfiles.size > 200) parsedProfiles.clear();
    parsedProfiles.set(json, p);
  }
  // Shared between readers: callers treat a loaded profile as read-only and build new ones to save.
  return p;
}

type SummaryRow = Pick<VacancyRow, 'id' | 'slug' | 'title_ru' | 'title_en' | 'department' | 'target_grade' | 'status'>;
type ListingRow = SummaryRow & Pick<VacancyRow, 'updated_at'>;

function toSummary(r: SummaryRow): VacancySummary {
  return {
    id: r.id,
    slug: r.slug,
    titleRu: r.title_ru,
    titleEn: r.title_en,
    department: r.department,
    targetGrade: r.target_grade,
    status: r.status,
  };
}

function toListing(r: ListingRow): VacancyListing {
  return { ...toSummary(r), updatedAt: r.updated_at };
}

function toVacancy(r: VacancyRow): Vacancy {
  return {
    ...toSummary(r),
    // Parsing on read catches a profile written by an older version with a missing field.
    profile: parseProfile(r.profile),
    verdictPolicy: { minRequiredMet: r.min_required_met },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toChecklistItem(r: ChecklistRow): ChecklistItem {
  return {
    id: r.id,
    key: r.key,
    labelRu: r.label_ru,
    labelEn: r.label_en,
    hintRu: r.hint_ru,
    hintEn: r.hint_en,
    kind: r.kind,
    weight: r.weight,
    position: r.position,
    keywords: JSON.parse(r.keywords) as string[],
  };
}

export type NewChecklistItem = Omit<ChecklistItem, 'id' | 'position'>;

export function vacanciesRepo(db: DB) {
  const stmts = {
    list: db.prepare<[], VacancyRow>("SELECT * FROM vacancies ORDER BY status = 'closed', updated_at DESC"),
    listByDepartment: db.prepare<[string], VacancyRow>(
      "SELECT * FROM vacancies WHERE department_key = ? ORDER BY status = 'closed', updated_at DESC",
    ),
    byId: db.prepare<[number], VacancyRow>('SELECT * FROM vacancies WHERE id = ?'),
    // Without the profile (a JSON document per vacancy): a company with fifty vacancies would parse fifty of them per page.
    openListings: db.prepare<[], ListingRow>(
      "SELECT id, slug, title_ru, title_en, department, target_grade, status, updated_at FROM vacancies WHERE status = 'open' ORDER BY updated_at DESC",
    ),
    departmentListings: db.prepare<[string], ListingRow>(
      `SELECT id, slug, title_ru, title_en, department, target_grade, status, updated_at FROM vacancies WHERE department_key = ?
       ORDER BY status = 'closed', updated_at DESC`,
    ),
    summaryById: db.prepare<[number], Omit<VacancyRow, 'profile' | 'created_by' | 'created_at' | 'updated_at'>>(
      'SELECT id, slug, title_ru, title_en, department, target_grade, status FROM vacancies WHERE id = ?',
    ),
    bySlug: db.prepare<[string], VacancyRow>('SELECT * FROM vacancies WHERE slug = ?'),
    slugTaken: db.prepare<[string, number], { n: number }>('SELECT COUNT(*) AS n FROM vacancies WHERE slug = ? AND id <> ?'),
    insert: db.prepare(
      `INSERT INTO vacancies (slug, title_ru, title_en, department, department_key, target_grade, profile, min_required_met, created_by)
       VALUES (@slug, @titleRu, @titleEn, @department, @departmentKey, @targetGrade, @profile, @minRequiredMet, @createdBy)`,
    ),
    update: db.prepare(
      `UPDATE vacancies SET slug = @slug, title_ru = @titleRu, title_en = @titleEn, department = @department, department_key = @departmentKey,
       target_grade = @targetGrade, profile = @profile, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = @id`,
    ),
    setStatus: db.prepare(`UPDATE vacancies SET status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`),
    departments: db.prepare<[], { department: string }>(
      // One spelling per department key (the first in sort order), so «Коммерческий отдел» and «коммерческий ОТДЕЛ» are one.
      `SELECT MIN(department) AS department FROM (SELECT department, department_key FROM vacancies
         UNION ALL SELECT department, department_key FROM users WHERE department_key <> '') GROUP BY department_key ORDER BY 1`,
    ),
    checklist: db.prepare<[number], ChecklistRow>('SELECT * FROM vacancy_checklist_items WHERE vacancy_id = ? ORDER BY position, id'),
    itemLabels: db.prepare<[number, number], { key: string; label_ru: string; label_en: string }>(
      `SELECT key, label_ru, label_en FROM checklist_item_labels WHERE vacancy_id = ?
       UNION ALL SELECT key, label_ru, label_en FROM vacancy_checklist_items WHERE vacancy_id = ?`,
    ),
    insertChecklistItem: db.prepare(
      `INSERT INTO vacancy_checklist_items (vacancy_id, key, label_ru, label_en, hint_ru, hint_en, kind, weight, position, keywords)
       VALUES (@vacancyId, @key, @labelRu, @labelEn, @hintRu, @hintEn, @kind, @weight,
               (SELECT COALESCE(MAX(position), 0) + 1 FROM vacancy_checklist_items WHERE vacancy_id = @vacancyId), @keywords)`,
    ),
    openCount: db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM vacancies WHERE status = 'open'"),
    checklistItem: db.prepare<[number, number], ChecklistRow>('SELECT * FROM vacancy_checklist_items WHERE id = ? AND vacancy_id = ?'),
    keyTaken: db.prepare<[number, string], { n: number }>(
      'SELECT COUNT(*) AS n FROM vacancy_checklist_items WHERE vacancy_id = ? AND key = ?',
    ),
    updateChecklistItem: db.prepare(
      `UPDATE vacancy_checklist_items SET label_ru = @labelRu, label_en = @labelEn, hint_ru = @hintRu, hint_en = @hintEn,
       kind = @kind, weight = @weight, keywords = @keywords WHERE id = @id AND vacancy_id = @vacancyId`,
    ),
    verdictPolicy: db.prepare<[number], { min_required_met: number }>('SELECT min_required_met FROM vacancies WHERE id = ?'),
    setMinRequired: db.prepare(
      `UPDATE vacancies SET min_required_met = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
    ),
    setKind: db.prepare('UPDATE vacancy_checklist_items SET kind = @kind WHERE id = @id AND vacancy_id = @vacancyId'),
    setPosition: db.prepare('UPDATE vacancy_checklist_items SET position = ? WHERE id = ?'),
    deleteChecklistItem: db.prepare('DELETE FROM vacancy_checklist_items WHERE id = ? AND vacancy_id = ?'),
  };

  const uniqueSlug = (base: string, exceptId: number): string => {
    let slug = base;
    for (let i = 2; stmts.slugTaken.get(slug, exceptId)!.n > 0; i += 1) slug = `${base}-${i}`;
    return slug;
  };

  return {
    list: () => stmts.list.all().map(toVacancy),
    /** The vacancies of a department, matched by its normalised key (domain/policy.ts). */
    listByDepartment: (department: string) => stmts.listByDepartment.all(departmentKey(department)).map(toVacancy),
    /** The open vacancies, newest change first, without their profiles. */
    openListings: () => stmts.openListings.all().map(toListing),
    /** A department's vacancies (open first), without their profiles. */
    departmentListings: (department: string) => stmts.departmentListings.all(departmentKey(department)).map(toListing),
    findById: (id: number) => {
      const r = stmts.byId.get(id);
      return r ? toVacancy(r) : undefined;
    },
    findSummaryById: (id: number): VacancySummary | undefined => {
      const r = stmts.summaryById.get(id);
      return r ? toSummary(r) : undefined;
    },
    findBySlug: (slug: string) => {
      const r = stmts.bySlug.get(slug);
      return r ? toVacancy(r) : undefined;
    },
    isSlugTaken: (slug: string, exceptId = 0) => stmts.slugTaken.get(slug, exceptId)!.n > 0,
    uniqueSlug,
    /** Creates the vacancy and its checklist in one transaction: no vacancy without its checklist. */
    create: (
      core: VacancyCore,
      profile: VacancyProfile,
      checklist: NewChecklistItem[],
      createdBy: number | null,
      policy: VerdictPolicy = DEFAULT_VERDICT_POLICY,
    ) =>
      db.transaction(() => {
        const id = Number(
          stmts.insert.run({
            ...core,
            departmentKey: departmentKey(core.department),
            profile: JSON.stringify(vacancyProfileSchema.parse(profile)),
            minRequiredMet: policy.minRequiredMet,
            createdBy,
          }).lastInsertRowid,
        );
        for (const item of checklist) {
          stmts.insertChecklistItem.run({ ...item, vacancyId: id, keywords: JSON.stringify(item.keywords) });
        }
        return id;
      })(),
    update: (id: number, core: VacancyCore, profile: VacancyProfile) =>
      stmts.update.run({
        ...core,
        departmentKey: departmentKey(core.department),
        id,
        profile: JSON.stringify(vacancyProfileSchema.parse(profile)),
      }),
    setStatus: (id: number, status: 'open' | 'closed') => stmts.setStatus.run(status, id),
    /** Every checklist item's labels by key, deleted items included (their labels are kept when deleted). */
    itemLabels: (vacancyId: number): Map<string, { ru: string; en: string }> =>
      new Map(stmts.itemLabels.all(vacancyId, vacancyId).map((r) => [r.key, { ru: r.label_ru, en: r.label_en }])),
    departments: () => stmts.departments.all().map((r) => r.department),
    checklist: (vacancyId: number) => stmts.checklist.all(vacancyId).map(toChecklistItem),
    openCount: () => stmts.openCount.get()!.n,
    checklistItem: (vacancyId: number, itemId: number) => {
      const r = stmts.checklistItem.get(itemId, vacancyId);
      return r ? toChecklistItem(r) : undefined;
    },
    isChecklistKeyTaken: (vacancyId: number, key: string) => stmts.keyTaken.get(vacancyId, key)!.n > 0,
    addChecklistItem: (vacancyId: number, item: NewChecklistItem) =>
      Number(stmts.insertChecklistItem.run({ ...item, vacancyId, keywords: JSON.stringify(item.keywords) }).lastInsertRowid),
    updateChecklistItem: (vacancyId: number, id: number, item: Omit<NewChecklistItem, 'key'>) =>
      stmts.updateChecklistItem.run({ ...item, id, vacancyId, keywords: JSON.stringify(item.keywords) }),
    /** Swaps the item with its neighbour; positions are renumbered so gaps never accumulate. */
    moveChecklistItem: (vacancyId: number, id: number, direction: 'up' | 'down') =>
      db.transaction(() => {
        const ids = moveOneStep(
          stmts.checklist.all(vacancyId).map((r) => r.id),
          id,
          direction,
        );
        ids?.forEach((itemId, i) => stmts.setPosition.run(i + 1, itemId));
      })(),
    deleteChecklistItem: (vacancyId: number, id: number) => stmts.deleteChecklistItem.run(id, vacancyId),
    verdictPolicy: (vacancyId: number): VerdictPolicy => {
      const r = stmts.verdictPolicy.get(vacancyId);
      return r ? { minRequiredMet: r.min_required_met } : DEFAULT_VERDICT_POLICY;
    },
    /** Saves the verdict policy: the kind of each listed item and the number of required items a pass needs. */
    setVerdictPolicy: (vacancyId: number, policy: VerdictPolicy, kinds: { id: number; kind: ChecklistKind }[]) =>
      db.transaction(() => {
        for (const k of kinds) stmts.setKind.run({ ...k, vacancyId });
        stmts.setMinRequired.run(policy.minRequiredMet, vacancyId);
      })(),
    /** Runs `fn` in one transaction (nested calls become savepoints): a checklist change and what follows from it. */
    inTransaction: <T>(fn: () => T): T => db.transaction(fn)(),
  };
}
export type VacanciesRepo = ReturnType<typeof vacanciesRepo>;
