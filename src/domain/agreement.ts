/**
 * Inter-rater agreement for blind rubric grading. HR sees these numbers as calibration
 * information ("do our graders read the rubric the same way?"), never as a verdict on a candidate.
 *
 * References:
 * - K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), interval metric δ² = (c − k)².
 * - P. E. Shrout, J. L. Fleiss, "Intraclass correlations: uses in assessing rater reliability",
 *   Psychological Bulletin 86(2), 1979 — ICC(2,1).
 */

function assertFinite(value: number, where: string): void {
  // A NaN would silently turn every sum into NaN; that is a bug upstream, not "low agreement".
  if (!Number.isFinite(value)) throw new RangeError(`${where}: score must be a finite number, got ${String(value)}`);
}

/** Σ over ordered pairs i ≠ j of (v_i − v_j)², as 2·m·Σ(v − mean)² to stay O(m) and numerically tame. */
function pairwiseSquaredDifferences(values: readonly number[]): number {
  const m = values.length;
  if (m < 2) return 0;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / m;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return 2 * m * squares;
}

/**
 * Krippendorff's alpha with the interval difference function.
 *
 * units[u][r] = score of rater r on unit u, or null when r did not rate u; rows may be shorter
 * than the rater list (trailing raters missing). Units with fewer than two scores are not pairable
 * and are ignored, as in Krippendorff's definition.
 *
 * Returns null when alpha is not computable: fewer than 2 pairable values, or no variation at all
 * among the pairable values (expected disagreement De = 0 makes alpha 0/0; Krippendorff leaves it
 * undefined rather than calling it perfect, since data without variation cannot show reliability).
 */
export function krippendorffAlphaInterval(units: readonly (readonly (number | null)[])[]): number | null {
  const pairable: number[] = [];
  // Σ_u (1/(m_u − 1)) Σ_{i≠j} (v_i − v_j)² — n·Do, the coincidence-matrix sum without building the matrix.
  let observed = 0;
  units.forEach((row, u) => {
    const values: number[] = [];
    row.forEach((v, r) => {
      if (v === null) return;
      assertFinite(v, `unit ${u}, rater ${r}`);
      values.push(v);
    });
    if (values.length < 2) return;
    pairable.push(...values);
    observed += pairwiseSquaredDifferences(values) / (values.length - 1);
  });

  const n = pairable.length;
  if (n < 2) return null;
  const first = pairable[0];
  // Checked exactly instead of testing De against 0: the centred sum of equal non-integers can
  // come out as 1e-33 instead of 0 and would turn "undefined" into a meaningless 1.
  if (pairable.every((v) => v === first)) return null;

  const doValue = observed / n;
  const deValue = pairwiseSquaredDifferences(pairable) / (n * (n - 1));
  return 1 - doValue / deValue;
}

/**
 * ICC(2,1) of Shrout & Fleiss: two-way random effects, absolute agreement, single rater.
 * matrix[i][j] = score of rater j on subject i; complete data only.
 *
 * Returns null for fewer than 2 subjects or 2 raters, and when every score is identical (all mean
 * squares are 0 and the coefficient is 0/0). Can be negative when raters disagree more than chance.
 */
export function icc21(matrix: readonly (readonly number[])[]): number | null {
  const n = matrix.length;
  const k = matrix[0]?.length ?? 0;
  matrix.forEach((row, i) => {
    if (row.length !== k) throw new RangeError(`icc21 needs complete data: row ${i} has ${row.length} scores, expected ${k}`);
    row.forEach((v, j) => assertFinite(v, `subject ${i}, rater ${j}`));
  });
  if (n < 2 || k < 2) return null;

  let total = 0;
  const rowSums = new Array<number>(n).fill(0);
  const colSums = new Array<number>(k).fill(0);
  matrix.forEach((row, i) => {
    row.forEach((v, j) => {
      total += v;
      rowSums[i] = (rowSums[i] ?? 0) + v;
      colSums[j] = (colSums[j] ?? 0) + v;
    });
  });
  const grand = total / (n * k);

  let ssTotal = 0;
  for (const row of matrix) for (const v of row) ssTotal += (v - grand) ** 2;
  let ssRows = 0;
  for (const s of rowSums) ssRows += k * (s / k - grand) ** 2;
  let ssCols = 0;
  for (const s of colSums) ssCols += n * (s / n - grand) ** 2;
  // Rounding can push a true 0 slightly below it; a negative sum of squares has no meaning.
  const ssError = Math.max(0, ssTotal - ssRows - ssCols);

  const bms = ssRows / (n - 1);
  const jms = ssCols / (k - 1);
  const ems = ssError / ((n - 1) * (k - 1));
  const denominator = bms + (k - 1) * ems + (k * (jms - ems)) / n;
  // With n, k ≥ 2 the denominator is a non-negative combination of the mean squares, so it is 0
  // only when all of them are, i.e. when every score is the same.
  if (denominator <= 0 || matrix.every((row) => row.every((v) => v === matrix[0]?.[0]))) return null;
  return (bms - ems) / denominator;
}

export interface LeniencyInput {
  unit: string;
  rater: string;
  score: number;
}

/**
 * How much more (positive) or less (negative) generous each rater is than their co-raters.
 * For each rater: the mean, over units they rated that at least one other rater also rated, of
 * (their score − mean of the other raters' scores on that unit); n is the number of such units.
 *
 * Every rater appears in the result; one who never shares a unit gets n = 0 and meanDiff = 0, so
 * check n before reading meanDiff. Sorted by rater id (code-unit order, locale-independent).
 * Throws on a duplicate (unit, rater) pair: two scores from one grader on one submission are a
 * data bug, and averaging them would hide it.
 */
export function leniency(scores: readonly LeniencyInput[]): { rater: string; meanDiff: number; n: number }[] {
  const byUnit = new Map<string, Map<string, number>>();
  const raters = new Set<string>();
  for (const { unit, rater, score } of scores) {
    assertFinite(score, `unit ${unit}, rater ${rater}`);
    let unitScores = byUnit.get(unit);
    if (unitScores === undefined) {
      unitScores = new Map();
      byUnit.set(unit, unitScores);
    }
    if (unitScores.has(rater)) throw new RangeError(`leniency: rater ${rater} scored unit ${unit} twice`);
    unitScores.set(rater, score);
    raters.add(rater);
  }

  const sums = new Map<string, { diff: number; n: number }>();
  for (const rater of raters) sums.set(rater, { diff: 0, n: 0 });
  for (const unitScores of byUnit.values()) {
    const m = unitScores.size;
    if (m < 2) continue;
    let total = 0;
    for (const s of unitScores.values()) total += s;
    for (const [rater, s] of unitScores) {
      const others = (total - s) / (m - 1);
      const acc = sums.get(rater);
      if (acc === undefined) continue;
      acc.diff += s - others;
      acc.n += 1;
    }
  }

  return [...sums.entries()]
    .map(([rater, { diff, n }]) => ({ rater, meanDiff: n === 0 ? 0 : diff / n, n }))
    .sort((a, b) => (a.rater < b.rater ? -1 : a.rater > b.rater ? 1 : 0));
}

/** max − min; 0 for fewer than 2 values. */
export function spread(values: readonly number[]): number {
  if (values.length < 2) return 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    assertFinite(v, 'spread');
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return max - min;
}

// Rubric scores with halves or decimals subtract inexactly (4.1 − 2.1 = 1.9999999999999996); a
// spread that is the threshold on paper must flag.
const SPREAD_EPSILON = 1e-9;

/**
 * True when graders of one submission are at least `threshold` points apart. A single score is
 * never a disagreement, whatever the threshold.
 */
export function disagreementFlag(values: readonly number[], threshold = 2): boolean {
  if (values.length < 2) return false;
  return spread(values) >= threshold - SPREAD_EPSILON;
}

/**
 * Krippendorff's guidance: α ≥ .800 reliable ("good"), .667 ≤ α < .800 only for tentative
 * conclusions, lower is poor. Compared at three decimals, the precision the cut-offs are stated in,
 * so that a computed 0.79999999 is not downgraded.
 */
export function interpretAlpha(alpha: number | null): 'insufficient' | 'poor' | 'tentative' | 'good' {
  if (alpha === null || Number.isNaN(alpha)) return 'insufficient';
  const rounded = Math.round(alpha * 1000) / 1000;
  if (rounded >= 0.8) return 'good';
  if (rounded >= 0.667) return 'tentative';
  return 'poor';
}
