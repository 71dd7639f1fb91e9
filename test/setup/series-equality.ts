// toEqual compares histories (Series) and accounts' hours (AccountHours) by what they hold, not by how their storage happens to be laid out.
import { expect } from 'vitest';
import { Series } from '../../src/state/series.js';
import { AccountHours } from '../../src/state/account-hours.js';

expect.addEqualityTesters([
  function sameSeries(a: unknown, b: unknown): boolean | undefined {
    if (!(a instanceof Series) || !(b instanceof Series)) return undefined;
    return a.kind === b.kind && JSON.stringify(a) === JSON.stringify(b);
  },
  function sameHours(a: unknown, b: unknown): boolean | undefined {
    if (!(a instanceof AccountHours) || !(b instanceof AccountHours)) return undefined;
    return JSON.stringify(a) === JSON.stringify(b);
  },
]);
