import { TEMPLATE_KEYS, type ChecklistItemInput, type ScreeningResult } from '../../../src/domain/screening/index.js';

/** Every test screens "as of" this day so month arithmetic is reproducible. */
export const NOW = new Date(Date.UTC(2024, 10, 15));

export const TEMPLATE_CHECKLIST: ChecklistItemInput[] = TEMPLATE_KEYS.map((key) => ({ key, kind: 'required', weight: 1 }));

/** Collects evidence strings that are not verbatim substrings of the input. */
export function foreignEvidence(text: string, result: ScreeningResult): string[] {
  const bad: string[] = [];
  for (const [key, item] of Object.entries(result.items)) {
    if (item.evidence !== null && (item.evidence === '' || !text.includes(item.evidence))) bad.push(`${key}: ${item.evidence}`);
  }
  for (const job of result.experience.jobs) if (!text.includes(job.evidence)) bad.push(`job: ${job.evidence}`);
  return bad;
}
