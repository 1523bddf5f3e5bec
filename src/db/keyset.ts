/**
 * Keyset paging: "the rows after this row, in this order" as index range scans, so that page 2,000 costs what
 * page 1 costs (OFFSET walks and throws away every row before the page).
 *
 * SQLite sorts NULL below every value, and a row-value comparison such as (a, b) < (1, NULL) is NULL, not true;
 * so instead of one comparison the rows after a cursor are split into arms, each a plain range on one key with
 * equal keys before it, listed in the order they come in. Run as one UNION ALL of arms, each arm reading its
 * index range in order with its own LIMIT, the first `limit` rows are the page, and no arm reads more than a page.
 *
 * Arms for an order (k0, k1, …, kn) and a cursor row (c0, c1, …, cn), from the last key to the first:
 *   k0 = c0 AND … AND k(i-1) = c(i-1) AND ki after ci
 * where "after" is, for a descending key, `< ci` and then (when the key may be NULL) `IS NULL`; for an ascending
 * key, `> ci`; and when ci is NULL, nothing for a descending key and `IS NOT NULL` for an ascending one.
 */

export interface SortKey {
  /** Column name in the table the arms filter. */
  column: string;
  desc: boolean;
  /** A collation the index uses for this column (e.g. NOCASE), applied to every comparison. */
  collate?: string;
  /** Whether the column may hold NULL (NULL sorts below every value). */
  nullable: boolean;
}

/** The same order read backwards (for "the rows before this row": read them reversed, then reverse the page). */
export function reversed(keys: readonly SortKey[]): SortKey[] {
  return keys.map((k) => ({ ...k, desc: !k.desc }));
}

/** ORDER BY text for the keys. */
export function orderBy(keys: readonly SortKey[]): string {
  return keys.map((k) => `${k.column}${k.collate ? ` COLLATE ${k.collate}` : ''} ${k.desc ? 'DESC' : 'ASC'}`).join(', ');
}

/**
 * The WHERE conditions of the arms, in the order their rows come, for a cursor whose key values are `nulls`
 * (true where the cursor's value is NULL). Cursor values are bound as @k0, @k1, …
 */
export function keysetArms(keys: readonly SortKey[], nulls: readonly boolean[]): string[] {
  const arms: string[] = [];
  const c = (i: number) => (keys[i]!.collate ? `@k${i} COLLATE ${keys[i]!.collate}` : `@k${i}`);
  for (let i = keys.length - 1; i >= 0; i--) {
    const prefix: string[] = [];
    for (let j = 0; j < i; j++) prefix.push(nulls[j] ? `${keys[j]!.column} IS NULL` : `${keys[j]!.column} = ${c(j)}`);
    const k = keys[i]!;
    const after: string[] = [];
    if (k.desc) {
      if (!nulls[i]) {
        after.push(`${k.column} < ${c(i)}`);
        if (k.nullable) after.push(`${k.column} IS NULL`);
      }
    } else if (!nulls[i]) after.push(`${k.column} > ${c(i)}`);
    else after.push(`${k.column} IS NOT NULL`);
    for (const a of after) arms.push([...prefix, a].join(' AND '));
  }
  return arms;
}

/** The cursor's values bound as @k0, @k1, … (NULL values are not bound: their arms test IS NULL). */
export function keysetParams(values: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  values.forEach((v, i) => {
    if (v !== null && v !== undefined) out[`k${i}`] = v;
  });
  return out;
}
