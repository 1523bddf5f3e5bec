/**
 * Pure figures for `npm run eval:screen`: how far the screen's proposals agree with hand labels.
 * No I/O here; the command reads files and labels, screens them and hands the pairs to `evaluate`.
 *
 * Definitions (the labelling guide in test/fixtures/resumes/README.md says how labels are made):
 * - item agreement is strict: a proposal agrees only when its status equals the label's, so
 *   `unknown` against a `met`/`not_met` label is a miss and vice versa;
 * - an unreadable file (or a labelled file that is missing) agrees with nothing: its items and its
 *   verdict count as misses, and it is left out of the years error and the evidence check, which
 *   have nothing to measure;
 * - relevant-years error is |proposed − label| in years; "within ±1" means error ≤ 1;
 * - evidence is verbatim when it is a substring of the text the screen was given;
 * - a false pass is a proposed "pass" for a file whose label has under 3 relevant years.
 */
import { z } from 'zod';
import { VERDICTS } from '../domain/screening/types.js';

export const ITEM_KEYS = [
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
export type ItemKey = (typeof ITEM_KEYS)[number];

const STATUS = z.enum(['met', 'not_met', 'unknown']);
export type Status = z.infer<typeof STATUS>;
const VERDICT = z.enum(VERDICTS);
export type LabelVerdict = z.infer<typeof VERDICT>;
export const LANGS = ['ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const labelSchema = z.object({
  lang: z.enum(LANGS),
  layout: z.string().min(1),
  now: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'now must be YYYY-MM-DD'),
  relevantYears: z.number().min(0).max(60),
  items: z.object(Object.fromEntries(ITEM_KEYS.map((k) => [k, STATUS])) as Record<ItemKey, typeof STATUS>).strict(),
  verdict: VERDICT,
  note: z.string().optional(),
});
export type Label = z.infer<typeof labelSchema>;
export const labelsSchema = z.record(z.string().min(1), labelSchema);
export type Labels = z.infer<typeof labelsSchema>;

export interface Proposal {
  items: Partial<Record<string, { status: Status; evidence: string | null }>>;
  verdict: LabelVerdict;
  relevantYears: number;
}

export interface Case {
  file: string;
  label: Label;
  /** The text the screen was given (for the evidence check); null when the file could not be read. */
  text: string | null;
  proposal: Proposal | null;
  /** Why the file could not be read, when proposal is null. */
  error?: string;
}

export interface Ratio {
  hits: number;
  total: number;
  /** hits / total, rounded to 4 places; null when total is 0. */
  share: number | null;
}

export type ConfusionColumn = LabelVerdict | 'unreadable';
export type Confusion = Record<LabelVerdict, Record<ConfusionColumn, number>>;

export interface LangFigures {
  files: number;
  unreadable: number;
  items: Record<ItemKey, Ratio>;
  itemsOverall: Ratio;
  verdict: Ratio;
  confusion: Confusion;
  years: { files: number; meanAbsError: number | null; within1: Ratio };
  evidence: Ratio;
}

export interface Mismatch {
  file: string;
  lang: Lang;
  items: { key: ItemKey; label: Status; proposed: Status | 'unreadable' }[];
  verdict: { label: LabelVerdict; proposed: ConfusionColumn } | null;
  years: { label: number; proposed: number } | null;
  nonVerbatim: { key: string; evidence: string }[];
  error?: string;
}

export interface Figures {
  files: number;
  byLang: Record<Lang, LangFigures>;
  /** Both languages together. */
  all: LangFigures;
  falsePasses: { file: string; labelYears: number; proposedYears: number }[];
  unreadable: { file: string; error: string }[];
  mismatches: Mismatch[];
}

export function ratio(hits: number, total: number): Ratio {
  return { hits, total, share: total === 0 ? null : Math.round((hits / total) * 10000) / 10000 };
}

const COLUMNS: readonly ConfusionColumn[] = ['pass', 'review', 'reject', 'unreadable'];

function emptyConfusion(): Confusion {
  const row = () => Object.fromEntries(COLUMNS.map((c) => [c, 0])) as Record<ConfusionColumn, number>;
  return { pass: row(), review: row(), reject: row() };
}

/** Differences of at most this many years count as "within ±1"; the slack absorbs float noise (12.5 vs 11.5). */
const WITHIN = 1 + 1e-9;

function figuresFor(cases: readonly Case[]): LangFigures {
  const itemHits = Object.fromEntries(ITEM_KEYS.map((k) => [k, 0])) as Record<ItemKey, number>;
  let verdictHits = 0;
  let unreadable = 0;
  const confusion = emptyConfusion();
  let yearsFiles = 0;
  let yearsErrSum = 0;
  let yearsWithin = 0;
  let evidenceTotal = 0;
  let evidenceVerbatim = 0;
  for (const c of cases) {
    const p = c.proposal;
    if (!p) {
      unreadable += 1;
      confusion[c.label.verdict].unreadable += 1;
      continue;
    }
    for (const k of ITEM_KEYS) if ((p.items[k]?.status ?? 'unknown') === c.label.items[k]) itemHits[k] += 1;
    confusion[c.label.verdict][p.verdict] += 1;
    if (p.verdict === c.label.verdict) verdictHits += 1;
    const err = Math.abs(p.relevantYears - c.label.relevantYears);
    yearsFiles += 1;
    yearsErrSum += err;
    if (err <= WITHIN) yearsWithin += 1;
    for (const item of Object.values(p.items)) {
      if (!item || item.evidence === null || item.evidence === undefined) continue;
      evidenceTotal += 1;
      if (c.text?.includes(item.evidence)) evidenceVerbatim += 1;
    }
  }
  const n = cases.length;
  const items = Object.fromEntries(ITEM_KEYS.map((k) => [k, ratio(itemHits[k], n)])) as Record<ItemKey, Ratio>;
  const allItemHits = ITEM_KEYS.reduce((s, k) => s + itemHits[k], 0);
  return {
    files: n,
    unreadable,
    items,
    itemsOverall: ratio(allItemHits, n * ITEM_KEYS.length),
    verdict: ratio(verdictHits, n),
    confusion,
    years: {
      files: yearsFiles,
      meanAbsError: yearsFiles === 0 ? null : Math.round((yearsErrSum / yearsFiles) * 100) / 100,
      within1: ratio(yearsWithin, yearsFiles),
    },
    evidence: ratio(evidenceVerbatim, evidenceTotal),
  };
}

function mismatchOf(c: Case): Mismatch | null {
  const p = c.proposal;
  if (!p) {
    return {
      file: c.file,
      lang: c.label.lang,
      items: ITEM_KEYS.map((key) => ({ key, label: c.label.items[key], proposed: 'unreadable' as const })),
      verdict: { label: c.label.verdict, proposed: 'unreadable' },
      years: null,
      nonVerbatim: [],
      error: c.error ?? 'unreadable',
    };
  }
  const items = ITEM_KEYS.flatMap((key) => {
    const proposed = p.items[key]?.status ?? 'unknown';
    return proposed === c.label.items[key] ? [] : [{ key, label: c.label.items[key], proposed }];
  });
  const verdict = p.verdict === c.label.verdict ? null : { label: c.label.verdict, proposed: p.verdict };
  const years =
    Math.abs(p.relevantYears - c.label.relevantYears) <= WITHIN ? null : { label: c.label.relevantYears, proposed: p.relevantYears };
  const nonVerbatim = Object.entries(p.items).flatMap(([key, item]) =>
    item && item.evidence !== null && item.evidence !== undefined && !(c.text ?? '').includes(item.evidence)
      ? [{ key, evidence: item.evidence }]
      : [],
  );
  if (items.length === 0 && !verdict && !years && nonVerbatim.length === 0) return null;
  return { file: c.file, lang: c.label.lang, items, verdict, years, nonVerbatim };
}

export function evaluate(cases: readonly Case[]): Figures {
  const byLang = Object.fromEntries(LANGS.map((l) => [l, figuresFor(cases.filter((c) => c.label.lang === l))])) as Record<
    Lang,
    LangFigures
  >;
  return {
    files: cases.length,
    byLang,
    all: figuresFor(cases),
    falsePasses: cases
      .filter((c) => c.proposal?.verdict === 'pass' && c.label.relevantYears < 3)
      .map((c) => ({ file: c.file, labelYears: c.label.relevantYears, proposedYears: c.proposal?.relevantYears ?? 0 })),
    unreadable: cases.filter((c) => !c.proposal).map((c) => ({ file: c.file, error: c.error ?? 'unreadable' })),
    mismatches: cases.flatMap((c) => mismatchOf(c) ?? []),
  };
}

const pct = (r: Ratio) => (r.share === null ? '—' : `${(r.share * 100).toFixed(1)}% (${r.hits}/${r.total})`);

/** The human-readable report, one line per array element; the JSON summary line is added by the command. */
export function formatReport(f: Figures, opts: { verbose?: boolean } = {}): string[] {
  const out: string[] = [];
  out.push(`files: ${f.files} (ru ${f.byLang.ru.files}, en ${f.byLang.en.files}); unreadable: ${f.unreadable.length}`);
  out.push('');
  out.push('per-item agreement (strict: unknown counts as a miss)');
  out.push(`  ${'item'.padEnd(18)} ${'ru'.padEnd(18)} en`);
  for (const k of ITEM_KEYS) out.push(`  ${k.padEnd(18)} ${pct(f.byLang.ru.items[k]).padEnd(18)} ${pct(f.byLang.en.items[k])}`);
  out.push(`  ${'overall'.padEnd(18)} ${pct(f.byLang.ru.itemsOverall).padEnd(18)} ${pct(f.byLang.en.itemsOverall)}`);
  out.push('');
  out.push('verdict confusion (rows: label, columns: proposed)');
  out.push(`  ${''.padEnd(8)}${COLUMNS.map((c) => c.padStart(11)).join('')}`);
  for (const v of VERDICTS) out.push(`  ${v.padEnd(8)}${COLUMNS.map((c) => String(f.all.confusion[v][c]).padStart(11)).join('')}`);
  out.push(`verdict agreement: ru ${pct(f.byLang.ru.verdict)}, en ${pct(f.byLang.en.verdict)}, all ${pct(f.all.verdict)}`);
  out.push('');
  for (const l of LANGS) {
    const y = f.byLang[l].years;
    out.push(`relevant years ${l}: mean abs error ${y.meanAbsError ?? '—'}, within ±1 year ${pct(y.within1)}`);
  }
  out.push(`evidence verbatim: ${pct(f.all.evidence)}`);
  out.push(`false passes (proposed pass, labelled under 3 relevant years): ${f.falsePasses.length}`);
  for (const p of f.falsePasses) out.push(`  ${p.file} (label ${p.labelYears} y, proposed ${p.proposedYears} y)`);
  if (f.unreadable.length > 0) {
    out.push(`unreadable files: ${f.unreadable.length}`);
    for (const u of f.unreadable) out.push(`  ${u.file}: ${u.error}`);
  }
  if (opts.verbose) {
    out.push('');
    out.push(`mismatches (${f.mismatches.length} files)`);
    for (const m of f.mismatches) {
      out.push(`  ${m.file} [${m.lang}]${m.error ? ` unreadable: ${m.error}` : ''}`);
      if (m.error) continue;
      if (m.verdict) out.push(`    verdict: label ${m.verdict.label}, proposed ${m.verdict.proposed}`);
      if (m.years) out.push(`    relevant years: label ${m.years.label}, proposed ${m.years.proposed}`);
      for (const i of m.items) out.push(`    ${i.key}: label ${i.label}, proposed ${i.proposed}`);
      for (const e of m.nonVerbatim) out.push(`    evidence not verbatim (${e.key}): ${JSON.stringify(e.evidence)}`);
    }
  }
  return out;
}

/** The last line of the command's output: every figure as one JSON object. */
export function summaryJson(f: Figures): Record<string, unknown> {
  const lang = (x: LangFigures) => ({
    files: x.files,
    unreadable: x.unreadable,
    itemAgreement: Object.fromEntries(ITEM_KEYS.map((k) => [k, x.items[k].share])),
    itemAgreementOverall: x.itemsOverall.share,
    verdictAgreement: x.verdict.share,
    yearsMeanAbsError: x.years.meanAbsError,
    yearsWithin1: x.years.within1.share,
    evidenceVerbatim: x.evidence.share,
    verdictConfusion: x.confusion,
  });
  return {
    files: f.files,
    ru: lang(f.byLang.ru),
    en: lang(f.byLang.en),
    all: lang(f.all),
    verdictConfusion: f.all.confusion,
    evidenceVerbatim: f.all.evidence.share,
    evidenceStrings: f.all.evidence.total,
    falsePasses: f.falsePasses.length,
    falsePassFiles: f.falsePasses.map((p) => p.file),
    unreadable: f.unreadable.map((u) => u.file),
  };
}
