import { describe, expect, it } from 'vitest';
import { isRegexPattern, nameMatcher } from '../../src/domain/name-pattern.js';

describe('nameMatcher', () => {
  it.each([
    ['job', 'job-1', true],
    ['job', 'myjob-1', false],
    ['job-1', 'job-10', true],
    ['job-[0-9]+$', 'job-12', true],
    ['job-[0-9]+$', 'job-12x', false],
    ['.*-sim', 'galaxy-sim', true],
    ['^nb', 'nb-1', true],
    ['a|b', 'bee', true],
    ['a|b', 'cab', false],
  ])('%s matches %s: %s', (pattern, name, expected) => {
    expect(nameMatcher(pattern)(name)).toBe(expected);
  });

  it('treats a pattern with regex characters as a regex', () => {
    expect(isRegexPattern('job')).toBe(false);
    expect(isRegexPattern('job.*')).toBe(true);
  });
});
