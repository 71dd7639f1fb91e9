import { describe, expect, it, vi } from 'vitest';
import { LastResult } from '../../../tui/render/last-result.js';

describe('LastResult', () => {
  it('gives the last result again while every key is the same object, and computes anew when one is not', () => {
    const memo = new LastResult<string[]>();
    const make = vi.fn<() => string[]>(() => ['text']);
    const state = { a: 1 };
    const first = memo.get([state, 10], make);
    expect(memo.get([state, 10], make)).toBe(first);
    expect(make).toHaveBeenCalledTimes(1);
    // Equal but not the same object: computed again.
    expect(memo.get([{ a: 1 }, 10], make)).not.toBe(first);
    expect(memo.get([state, 11], make)).not.toBe(first);
    expect(memo.get([state], make)).not.toBe(first);
    expect(make).toHaveBeenCalledTimes(4);
  });
});
