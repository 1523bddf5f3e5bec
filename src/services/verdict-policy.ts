import type { ChecklistKind, Lang } from '../domain/bank/schema.js';
import type { VerdictPolicy } from '../domain/screening/index.js';
import { verdictReason, type Translate } from '../domain/verdict-policy.js';
import type { Screening } from '../db/candidates.js';
import type { ChecklistItem, NewChecklistItem } from '../db/vacancies.js';
import type { Repos } from '../db/repos.js';
import { auditLine, type Actor } from './audit.js';
import { currentVerdict, redecide, statusesOf, verdictProfile } from './screening.js';
import { refreshVacancyScores } from './scores.js';

/**
 * Decides the verdicts of every candidate of the vacancy again under its current checklist kinds and verdict
 * policy, from the item statuses as they stand (HR's confirmations kept). When the kinds changed, the scores are
 * refreshed too (their knockouts follow the kinds; the number of required items a pass needs plays no part in them).
 * Returns how many current verdicts changed.
 */
export function redecideVacancy(repos: Repos, vacancyId: number, userId: number | null, opts: { kindsChanged: boolean }): number {
  return repos.transaction(() => {
    const checklist = repos.vacancies.checklist(vacancyId);
    const policy = repos.vacancies.verdictPolicy(vacancyId);
    let changed = 0;
    for (const id of repos.candidates.idsForVacancy(vacancyId)) if (redecide(repos.candidates, id, checklist, policy, userId)) changed += 1;
    if (opts.kindsChanged) refreshVacancyScores(repos, vacancyId);
    return changed;
  });
}

/**
 * Saves the vacancy's verdict policy and item kinds, re-decides its candidates' verdicts and records it in the audit
 * log: all or nothing. Returns how many current verdicts changed.
 */
export function saveVerdictPolicy(
  repos: Repos,
  vacancyId: number,
  change: { policy: VerdictPolicy; kinds: { id: number; kind: ChecklistKind }[] },
  actor: Actor,
): number {
  return repos.transaction(() => {
    const before = repos.vacancies.checklist(vacancyId);
    const previous = repos.vacancies.verdictPolicy(vacancyId);
    repos.vacancies.setVerdictPolicy(vacancyId, change.policy, change.kinds);
    const kindsChanged = change.kinds.some((k) => before.find((i) => i.id === k.id)?.kind !== k.kind);
    const changed = redecideVacancy(repos, vacancyId, actor.userId, { kindsChanged });
    const kinds = change.kinds.flatMap(({ id, kind }) => {
      const item = before.find((i) => i.id === id);
      return item && item.kind !== kind ? [{ key: item.key, from: item.kind, to: kind }] : [];
    });
    auditLine(
      repos,
      actor,
      'checklist.policy',
      { type: 'vacancy', id: vacancyId },
      {
        min_required: { from: previous.minRequiredMet, to: change.policy.minRequiredMet },
        kinds,
        verdicts_changed: changed,
      },
    );
    return changed;
  });
}

/** Saves an edited checklist item; when its kind changed, the vacancy's verdicts are decided again in the same transaction. */
export function updateChecklistItem(
  repos: Repos,
  vacancyId: number,
  item: ChecklistItem,
  next: Omit<NewChecklistItem, 'key'>,
  userId: number | null,
): { kindChanged: boolean } {
  const kindChanged = next.kind !== item.kind;
  repos.transaction(() => {
    repos.vacancies.updateChecklistItem(vacancyId, item.id, next);
    if (kindChanged) redecideVacancy(repos, vacancyId, userId, { kindsChanged: true });
  });
  return { kindChanged };
}

/** Deletes a checklist item; a knockout or required item took part in the verdicts, so they are decided again. */
export function deleteChecklistItem(repos: Repos, vacancyId: number, item: ChecklistItem, userId: number | null): void {
  repos.transaction(() => {
    repos.vacancies.deleteChecklistItem(vacancyId, item.id);
    if (item.kind !== 'nice_to_have') redecideVacancy(repos, vacancyId, userId, { kindsChanged: true });
  });
}

/**
 * The one-line reasons of a stored screening's verdicts — the tool's proposal and the verdict after HR's
 * confirmations — naming the decisive items by their labels in the page's language. Reads the rule and items stored
 * with the screening; a screening stored before they were kept is decided from its statuses here.
 */
export function screeningReasons(
  s: Screening,
  checklist: ChecklistItem[],
  policy: VerdictPolicy,
  lang: Lang,
  t: Translate,
): { proposed: string; current: string } {
  const items = checklist.map((i) => ({ key: i.key, label: lang === 'ru' ? i.labelRu : i.labelEn, kind: i.kind }));
  const profile = verdictProfile(s.experience);
  const proposed =
    s.proposedRule !== null
      ? { verdict: s.proposedVerdict, rule: s.proposedRule, decisive: s.proposedDecisive }
      : currentVerdict(Object.fromEntries(s.items.map((i) => [i.key, i.proposedStatus])), checklist, policy, profile);
  const current =
    s.rule !== null
      ? { verdict: s.verdict, rule: s.rule, decisive: s.decisive }
      : currentVerdict(statusesOf(s), checklist, policy, profile);
  return {
    proposed: verdictReason(proposed, items, policy, profile.b2bSales, lang, t),
    current: verdictReason(current, items, policy, profile.b2bSales, lang, t),
  };
}
