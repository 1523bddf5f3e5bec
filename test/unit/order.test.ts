import { describe, expect, it } from 'vitest';
import { moveOneStep } from '../../src/domain/order.js';

describe('moveOneStep', () => {
  it('swaps with the neighbour and refuses moves past either end', () => {
    expect(moveOneStep([1, 2, 3], 2, 'up')).toEqual([2, 1, 3]);
    expect(moveOneStep([1, 2, 3], 2, 'down')).toEqual([1, 3, 2]);
    expect(moveOneStep([1, 2, 3], 1, 'up')).toBeNull();
    expect(moveOneStep([1, 2, 3], 3, 'down')).toBeNull();
    expect(moveOneStep([1, 2, 3], 9, 'up')).toBeNull();
  });
});
