import type { Repos } from '../db/repos.js';
import type { NewChecklistItem } from '../db/vacancies.js';

/** A new vacancy's screening checklist: the bank's template, both languages side by side. */
export function templateChecklist(repos: Repos): NewChecklistItem[] {
  const ru = repos.bank.checklistTemplate('ru');
  const en = repos.bank.checklistTemplate('en');
  if (!ru || !en) return [];
  return en.meta.items.map((item) => {
    const ruItem = ru.meta.items.find((i) => i.key === item.key);
    return {
      key: item.key,
      labelRu: ruItem?.label ?? item.label,
      labelEn: item.label,
      hintRu: ruItem?.hint ?? null,
      hintEn: item.hint ?? null,
      kind: item.kind,
      weight: item.weight,
      keywords: [],
    };
  });
}
