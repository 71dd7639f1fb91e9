// toEqual compares histories (Series) by what they hold, not by how their storage happens to be laid out.
import { expect } from 'vitest';
import { Series } from '../../src/state/series.js';

expect.addEqualityTesters([
  function sameSeries(a: unknown, b: unknown): boolean | undefined {
    if (!(a instanceof Series) || !(b instanceof Series)) return undefined;
    return a.kind === b.kind && JSON.stringify(a) === JSON.stringify(b);
  },
]);
