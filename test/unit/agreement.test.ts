import { describe, expect, it } from 'vitest';
import { disagreementFlag, icc21, interpretAlpha, krippendorffAlphaInterval, leniency, spread } from '../../src/domain/agreement.js';

// Deterministic PRNG (mulberry32) so the property checks are reproducible.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reliability data as in Krippendorff's papers: one array per coder (row), columns are units. */
function byUnit(coders: readonly (readonly (number | null)[])[]): (number | null)[][] {
  const unitCount = Math.max(...coders.map((c) => c.length));
  return Array.from({ length: unitCount }, (_, u) => coders.map((c) => c[u] ?? null));
}

describe('krippendorffAlphaInterval', () => {
  it('matches a small hand-worked example (3 units × 2 raters)', () => {
    // Units: (1,1) (2,3) (3,3). Each ordered pair inside a unit adds 1/(m_u − 1) = 1.
    // Coincidence matrix o_ck:     1  2  3
    //                          1 [ 2  0  0 ]
    //                          2 [ 0  0  1 ]
    //                          3 [ 0  1  2 ]
    // n_1 = 2, n_2 = 1, n_3 = 3, n = 6.
    // Do = (1/n) Σ o_ck (c−k)² = (1/6)(1·1 + 1·1) = 1/3
    // De = (1/(n(n−1))) Σ n_c n_k (c−k)² = (1/30)·2·(2·1·1 + 2·3·4 + 1·3·1) = 58/30
    // α = 1 − Do/De = 1 − (1/3)/(58/30) = 1 − 5/29 = 24/29 ≈ 0.827586
    expect(
      krippendorffAlphaInterval([
        [1, 1],
        [2, 3],
        [3, 3],
      ]),
    ).toBeCloseTo(24 / 29, 12);
  });

  it('handles missing data and ignores a unit rated by one rater only', () => {
    // 3 raters. Units: (1, –, 2) (–, 3, 3) (2, 2, 4) and (5, –, –), which is not pairable.
    // u1 (m=2): o12 = o21 = 1.  u2 (m=2): o33 = 2.
    // u3 (m=3, weight 1/2): the two ordered (2,2) pairs → o22 = 1; (2,4) ×2 → o24 = 1; (4,2) ×2 → o42 = 1.
    // n_1 = 1, n_2 = o21 + o22 + o24 = 3, n_3 = 2, n_4 = 1, n = 7.
    // Do = (1/7)(o12·1 + o21·1 + o24·4 + o42·4) = (1/7)(1 + 1 + 4 + 4) = 10/7
    // Σ_{c<k} n_c n_k (c−k)²: (1,2) 3 + (1,3) 8 + (1,4) 9 + (2,3) 6 + (2,4) 12 + (3,4) 2 = 40
    // De = 2·40 / (7·6) = 40/21
    // α = 1 − (10/7)/(40/21) = 1 − 3/4 = 0.25
    const units = [
      [1, null, 2],
      [null, 3, 3],
      [2, 2, 4],
    ];
    expect(krippendorffAlphaInterval(units)).toBeCloseTo(0.25, 12);
    expect(krippendorffAlphaInterval([...units, [5, null, null]])).toBeCloseTo(0.25, 12);
    // A short row means the trailing raters did not rate that unit.
    expect(krippendorffAlphaInterval([[1, null, 2], [null, 3, 3], [2, 2, 4], [5]])).toBeCloseTo(0.25, 12);
  });

  it("reproduces Krippendorff's (2011) 4 coders × 12 units example: interval α = 0.849", () => {
    // "Computing Krippendorff's Alpha-Reliability", section C (missing data), coders A–D:
    //   unit:  1  2  3  4  5  6  7  8  9 10 11 12
    //   A:     1  2  3  3  2  1  4  1  2  .  .  .
    //   B:     1  2  3  3  2  2  4  1  2  5  .  3
    //   C:     .  3  3  3  2  3  4  2  2  5  1  .
    //   D:     1  2  3  3  2  4  4  1  2  5  1  .
    // Unit 12 has one value and is dropped; m_u = 3,4,4,4,4,4,4,4,4,3,2 → n = 40.
    // Coincidence matrix (values 1..5):
    //        1     2     3     4    5  | n_c
    //   1 [  7    4/3   1/3   1/3   0 ] |  9
    //   2 [ 4/3   10    4/3   1/3   0 ] | 13
    //   3 [ 1/3   4/3    8    1/3   0 ] | 10
    //   4 [ 1/3   1/3   1/3    4    0 ] |  5
    //   5 [  0     0     0     0    3 ] |  3
    // Σ o_ck (c−k)²: only units 2, 6, 8 disagree: unit 2 (2,2,3,2) 6/3 = 2, unit 6 (1,2,3,4) 40/3,
    // unit 8 (1,1,2,1) 6/3 = 2 → 52/3, so Do = (52/3)/40 = 13/30.
    // Σ n_c n_k (c−k)² = 4480, so De = 4480/(40·39) = 112/39.
    // α = 1 − (13/30)/(112/39) = 1 − 169/1120 = 951/1120 ≈ 0.8491 (published: 0.849).
    const data = byUnit([
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ]);
    const alpha = krippendorffAlphaInterval(data);
    expect(alpha).toBeCloseTo(951 / 1120, 12);
    expect(Number(alpha?.toFixed(3))).toBe(0.849);
    expect(interpretAlpha(alpha)).toBe('good');
  });

  it('is 1 for perfect agreement with variation between units', () => {
    expect(
      krippendorffAlphaInterval([
        [3, 3, 3],
        [5, 5, null],
        [1, null, 1],
      ]),
    ).toBe(1);
  });

  it('is null when not computable', () => {
    expect(krippendorffAlphaInterval([])).toBeNull();
    // Only singletons: nothing is pairable.
    expect(krippendorffAlphaInterval([[4, null], [null, 2], [5]])).toBeNull();
    // All pairable values equal: De = 0 and α = 0/0.
    expect(
      krippendorffAlphaInterval([
        [4, 4],
        [4, 4, 4],
      ]),
    ).toBeNull();
    expect(
      krippendorffAlphaInterval([
        [0.1, 0.1],
        [0.1, 0.1, 0.1],
      ]),
    ).toBeNull();
    // The singleton 9 would add variation but is not pairable.
    expect(
      krippendorffAlphaInterval([
        [4, 4],
        [9, null],
      ]),
    ).toBeNull();
  });

  it('is negative when disagreement exceeds chance', () => {
    // (1,2) (2,1): o12 = o21 = 2, n = 4, Do = 4/4 = 1; n_1 = n_2 = 2, De = 2·(2·2·1)/(4·3) = 2/3;
    // α = 1 − 1/(2/3) = −0.5
    expect(
      krippendorffAlphaInterval([
        [1, 2],
        [2, 1],
      ]),
    ).toBeCloseTo(-0.5, 12);
  });

  it('rejects non-finite scores', () => {
    expect(() => krippendorffAlphaInterval([[1, Number.NaN]])).toThrow(RangeError);
  });

  it('is invariant to shifting, positive scaling, and permuting raters or units (random data)', () => {
    const random = rng(42);
    for (let trial = 0; trial < 50; trial++) {
      const raters = 2 + Math.floor(random() * 4);
      const units = 2 + Math.floor(random() * 10);
      const data = Array.from({ length: units }, () =>
        Array.from({ length: raters }, () => (random() < 0.25 ? null : 1 + Math.floor(random() * 5))),
      );
      const alpha = krippendorffAlphaInterval(data);
      const shifted = krippendorffAlphaInterval(data.map((row) => row.map((v) => (v === null ? null : v + 17))));
      const scaled = krippendorffAlphaInterval(data.map((row) => row.map((v) => (v === null ? null : v * 2.5))));
      const reversedRaters = krippendorffAlphaInterval(data.map((row) => [...row].reverse()));
      const reversedUnits = krippendorffAlphaInterval([...data].reverse());
      for (const other of [shifted, scaled, reversedRaters, reversedUnits]) {
        if (alpha === null) expect(other).toBeNull();
        else expect(other).toBeCloseTo(alpha, 9);
      }
      if (alpha !== null) expect(alpha).toBeLessThanOrEqual(1 + 1e-12);
    }
  });
});

describe('icc21', () => {
  it('matches a small hand-worked example (3 subjects × 2 raters)', () => {
    // [1 2] [3 3] [5 6]; n = 3, k = 2, grand mean = 20/6 = 10/3.
    // Row means 3/2, 3, 11/2 → SSR = k Σ (row mean − GM)² = 2·(121 + 4 + 169)/36 = 49/3
    // Column means 3, 11/3 → SSC = n Σ (col mean − GM)² = 3·(1/9 + 1/9) = 2/3
    // SST = Σx² − N·GM² = 84 − 6·100/9 = 52/3, SSE = 52/3 − 49/3 − 2/3 = 1/3
    // BMS = SSR/(n−1) = 49/6, JMS = SSC/(k−1) = 2/3, EMS = SSE/((n−1)(k−1)) = 1/6
    // ICC = (BMS − EMS) / (BMS + (k−1)EMS + k(JMS − EMS)/n)
    //     = (48/6) / (49/6 + 1/6 + 2·(1/2)/3) = 8 / (26/3) = 12/13 ≈ 0.923
    expect(
      icc21([
        [1, 2],
        [3, 3],
        [5, 6],
      ]),
    ).toBeCloseTo(12 / 13, 12);
  });

  it('reproduces Shrout & Fleiss (1979), 6 targets × 4 judges: ICC(2,1) = 0.29', () => {
    // Table 2 of the paper. Grand mean 127/24; target means 6, 3, 13/2, 4, 15/2, 19/4;
    // judge means 23/3, 5/2, 13/3, 20/3.
    // SST = 4055/24, SS targets = 1349/24, SS judges = 2339/24, SS error = 367/24
    // BMS = 1349/120 ≈ 11.24, JMS = 2339/72 ≈ 32.49, EMS = 367/360 ≈ 1.02 (the paper's Table 3)
    // ICC(2,1) = (BMS − EMS) / (BMS + 3·EMS + 4(JMS − EMS)/6) = 184/635 ≈ 0.2898
    const matrix = [
      [9, 2, 5, 8],
      [6, 1, 3, 2],
      [8, 4, 6, 8],
      [7, 1, 2, 6],
      [10, 5, 6, 9],
      [6, 2, 4, 7],
    ];
    const icc = icc21(matrix);
    expect(icc).toBeCloseTo(184 / 635, 12);
    expect(Number(icc?.toFixed(2))).toBe(0.29);
  });

  it('penalises a constant offset between raters (absolute agreement)', () => {
    // [1 2] [2 3] [3 4]: GM = 2.5, SSR = 2·(1 + 0 + 1) = 4, SSC = 3·(0.25 + 0.25) = 1.5,
    // SST = 5.5, SSE = 0 → BMS = 2, JMS = 1.5, EMS = 0; ICC = 2 / (2 + 2·1.5/3) = 2/3.
    // (A consistency ICC(3,1) would be 1 here.)
    expect(
      icc21([
        [1, 2],
        [2, 3],
        [3, 4],
      ]),
    ).toBeCloseTo(2 / 3, 12);
  });

  it('is 1 for perfect agreement and null when not computable', () => {
    expect(
      icc21([
        [1, 1, 1],
        [4, 4, 4],
        [2, 2, 2],
      ]),
    ).toBeCloseTo(1, 12);
    expect(icc21([[1, 2]])).toBeNull();
    expect(icc21([[1], [2]])).toBeNull();
    expect(icc21([])).toBeNull();
    expect(
      icc21([
        [3, 3],
        [3, 3],
      ]),
    ).toBeNull();
    expect(
      icc21([
        [0.1, 0.1],
        [0.1, 0.1],
      ]),
    ).toBeNull();
  });

  it('rejects incomplete data', () => {
    expect(() => icc21([[1, 2], [3]])).toThrow(RangeError);
    expect(() =>
      icc21([
        [1, 2],
        [3, Number.POSITIVE_INFINITY],
      ]),
    ).toThrow(RangeError);
  });

  it('is invariant to shifting and positive scaling all scores (random data)', () => {
    const random = rng(7);
    for (let trial = 0; trial < 50; trial++) {
      const raters = 2 + Math.floor(random() * 4);
      const subjects = 2 + Math.floor(random() * 8);
      const matrix = Array.from({ length: subjects }, () => Array.from({ length: raters }, () => 1 + Math.floor(random() * 5)));
      const icc = icc21(matrix);
      const shifted = icc21(matrix.map((row) => row.map((v) => v - 3)));
      const scaled = icc21(matrix.map((row) => row.map((v) => v * 10)));
      for (const other of [shifted, scaled]) {
        if (icc === null) expect(other).toBeNull();
        else expect(other).toBeCloseTo(icc, 9);
      }
      if (icc !== null) expect(icc).toBeLessThanOrEqual(1 + 1e-12);
    }
  });
});

describe('leniency', () => {
  it('compares each rater with the mean of the others on shared units', () => {
    // u1: A 4, B 2, C 3 → A: 4 − (2+3)/2 = +1.5, B: 2 − 3.5 = −1.5, C: 3 − 3 = 0
    // u2: A 5, B 3      → A: +2, B: −2
    // u3: C 1 alone     → ignored
    // u4: D 5 alone     → D has no shared unit
    // A = (1.5 + 2)/2 = 1.75 (n 2), B = −1.75 (n 2), C = 0 (n 1), D = 0 (n 0)
    const result = leniency([
      { unit: 'u2', rater: 'B', score: 3 },
      { unit: 'u1', rater: 'C', score: 3 },
      { unit: 'u1', rater: 'A', score: 4 },
      { unit: 'u4', rater: 'D', score: 5 },
      { unit: 'u1', rater: 'B', score: 2 },
      { unit: 'u3', rater: 'C', score: 1 },
      { unit: 'u2', rater: 'A', score: 5 },
    ]);
    expect(result).toEqual([
      { rater: 'A', meanDiff: 1.75, n: 2 },
      { rater: 'B', meanDiff: -1.75, n: 2 },
      { rater: 'C', meanDiff: 0, n: 1 },
      { rater: 'D', meanDiff: 0, n: 0 },
    ]);
  });

  it('sums to zero across raters when every unit has the same two raters', () => {
    const random = rng(3);
    const scores = Array.from({ length: 20 }, (_, u) => [
      { unit: `u${u}`, rater: 'x', score: Math.floor(random() * 10) },
      { unit: `u${u}`, rater: 'y', score: Math.floor(random() * 10) },
    ]).flat();
    const [x, y] = leniency(scores);
    expect(x?.n).toBe(20);
    expect((x?.meanDiff ?? NaN) + (y?.meanDiff ?? NaN)).toBeCloseTo(0, 12);
  });

  it('is empty for no scores and rejects duplicate (unit, rater) pairs', () => {
    expect(leniency([])).toEqual([]);
    expect(() =>
      leniency([
        { unit: 'u1', rater: 'A', score: 1 },
        { unit: 'u1', rater: 'A', score: 2 },
      ]),
    ).toThrow(/twice/);
  });
});

describe('spread and disagreementFlag', () => {
  it('spread is max − min, 0 for fewer than two values', () => {
    expect(spread([])).toBe(0);
    expect(spread([4])).toBe(0);
    expect(spread([3, 5, 1, 4])).toBe(4);
    expect(spread([-2, 2])).toBe(4);
  });

  it('flags a spread at or above the threshold', () => {
    expect(disagreementFlag([3, 4])).toBe(false);
    expect(disagreementFlag([3, 5])).toBe(true);
    expect(disagreementFlag([3, 4, 5])).toBe(true);
    expect(disagreementFlag([3, 4], 1)).toBe(true);
    expect(disagreementFlag([3, 5], 3)).toBe(false);
    // 4.1 − 2.1 is 1.9999999999999996 in floating point.
    expect(disagreementFlag([2.1, 4.1])).toBe(true);
    // One grader cannot disagree with anyone.
    expect(disagreementFlag([5], 0)).toBe(false);
    expect(disagreementFlag([])).toBe(false);
  });
});

describe('interpretAlpha', () => {
  it.each([
    [null, 'insufficient'],
    [1, 'good'],
    [0.8, 'good'],
    [0.7999999999, 'good'],
    [0.799, 'tentative'],
    [0.667, 'tentative'],
    [0.666, 'poor'],
    [0, 'poor'],
    [-0.5, 'poor'],
  ] as const)('%s → %s', (alpha, label) => {
    expect(interpretAlpha(alpha)).toBe(label);
  });
});
