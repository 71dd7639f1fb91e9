import { Series } from '../state/series.js';
import { STATS_KIND, USAGE_KIND } from '../state/usage.js';
import type { SeriesKind } from '../state/series-kind.js';
import { describe, isRecord, type Check } from './check.js';

function column(value: unknown, length: number, path: string, item: (x: unknown) => boolean, what: string): string | null {
  if (!Array.isArray(value)) return `${path} must be an array, got ${describe(value)}`;
  if (value.length !== length) return `${path} must have ${length} items like t, got ${value.length}`;
  const bad = value.findIndex((x) => !item(x));
  return bad < 0 ? null : `${path}[${bad}] must be ${what}`;
}

const finite = (x: unknown) => typeof x === 'number' && Number.isFinite(x);

/** Check for a history of a kind: a Series, or its JSON form (columns of equal length per tier). */
export function historyCheck(kind: SeriesKind): Check {
  return (v, p) => {
    if (v instanceof Series) return v.kind === kind ? null : `${p} is a history of another kind`;
    if (!isRecord(v) || !Array.isArray(v.tiers)) return `${p} must be a history ({tiers: [...]}), got ${describe(v)}`;
    if (v.tiers.length > kind.tiers.length) return `${p}.tiers has ${v.tiers.length} tiers, at most ${kind.tiers.length} expected`;
    for (const [i, tier] of v.tiers.entries()) {
      const at = `${p}.tiers[${i}]`;
      if (!isRecord(tier) || !Array.isArray(tier.t)) return `${at} must be an object with a t column`;
      const length = tier.t.length;
      const problem =
        column(tier.t, length, `${at}.t`, finite, 'a finite number') ??
        kind.spec.fields.map((f) => column(tier[f], length, `${at}.${f}`, (x) => x === null || finite(x), 'a number or null')).find((x) => x) ??
        (tier.n === undefined ? null : column(tier.n, length, `${at}.n`, (x) => Number.isInteger(x) && (x as number) >= 1, 'a whole number ≥ 1'));
      if (problem) return problem;
    }
    return null;
  };
}

/** Check for a session's usage history. */
export const usageHistoryCheck: Check = historyCheck(USAGE_KIND);

/** Check for the platform stats history. */
export const statsHistoryCheck: Check = historyCheck(STATS_KIND);
