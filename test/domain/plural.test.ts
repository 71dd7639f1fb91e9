import { describe, expect, it } from 'vitest';
import { agree, plural } from '../../src/domain/plural.js';

describe('plural', () => {
  it('puts the noun in the number of its count', () => {
    expect([0, 1, 2].map((n) => plural(n, 'session'))).toEqual(['0 sessions', '1 session', '2 sessions']);
    expect(plural(2, 'day')).toBe('2 days');
    expect(plural(1, 'match', 'matches')).toBe('1 match');
    expect(plural(4, 'match', 'matches')).toBe('4 matches');
  });

  it('picks the agreeing word for a count', () => {
    expect(agree(1, 'its', 'their')).toBe('its');
    expect(agree(3, 'its', 'their')).toBe('their');
  });
});
