/** The ids after moving one a step up or down, or null when it cannot move (first, last, absent). */
export function moveOneStep(ids: readonly number[], id: number, direction: 'up' | 'down'): number[] | null {
  const at = ids.indexOf(id);
  const to = direction === 'up' ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= ids.length) return null;
  const out = [...ids];
  [out[at], out[to]] = [out[to]!, out[at]!];
  return out;
}
