import type { Session } from '../domain/session.js';
import type { PlatformStats } from '../domain/platform.js';
import { DEFAULT_HISTORY_TIERS, type HistoryPoint } from './history.js';
import { Series } from './series.js';
import { seriesKind, type SeriesKind } from './series-kind.js';

/** One usage sample of a session: cores and RAM (GB) in use; merged points carry the mean. */
export interface UsagePoint extends HistoryPoint {
  cpu: number | null;
  ram: number | null;
}

/** A session's usage over the last 24 h, bounded (see DEFAULT_HISTORY_TIERS). */
export type UsageHistory = Series<UsagePoint>;

/** One platform stats sample: allocated and capacity of cores and RAM (GB). */
export interface StatsPoint extends HistoryPoint {
  cpuAllocated: number | null;
  cpuCapacity: number | null;
  ramAllocated: number | null;
  ramCapacity: number | null;
}

/** The platform's stats over the last 24 h, bounded like usage. */
export type StatsHistory = Series<StatsPoint>;

/** Usage histories: cores and GB to a thousandth (a millicore, a megabyte), as 32-bit floats. */
export const USAGE_KIND: SeriesKind = seriesKind({ fields: ['cpu', 'ram'], decimals: 3 }, DEFAULT_HISTORY_TIERS);

/** The platform stats history: exact values (one series, so size does not matter). */
export const STATS_KIND: SeriesKind = seriesKind(
  { fields: ['cpuAllocated', 'cpuCapacity', 'ramAllocated', 'ramCapacity'], decimals: null },
  DEFAULT_HISTORY_TIERS,
);

/** An empty usage history. */
export function emptyUsage(kind: SeriesKind = USAGE_KIND): UsageHistory {
  return Series.empty<UsagePoint>(kind);
}

/** An empty platform stats history. */
export function emptyStats(kind: SeriesKind = STATS_KIND): StatsHistory {
  return Series.empty<StatsPoint>(kind);
}

/** Pure: adds one usage sample taken at `now` (the sample's own time) and downsamples older ones. */
export function appendUsage(history: UsageHistory | undefined, sample: UsagePoint, now: number = sample.t, kind: SeriesKind = USAGE_KIND): UsageHistory {
  return (history ?? emptyUsage(kind)).append(sample, now);
}

/** Pure: adds one platform stats sample taken at `now` and downsamples older ones. */
export function appendStats(history: StatsHistory | undefined, sample: StatsPoint, now: number = sample.t, kind: SeriesKind = STATS_KIND): StatsHistory {
  return (history ?? emptyStats(kind)).append(sample, now);
}

/** Whether a polled session reports any usage (then it has a usage sample). */
export function hasUsage(session: Session): boolean {
  return session.cpu.used !== null || session.ramGB.used !== null;
}

/** The usage sample a polled session carries, or null when it reports no usage. */
export function usageSample(session: Session, at: number): UsagePoint | null {
  if (!hasUsage(session)) return null;
  return { t: at, cpu: session.cpu.used, ram: session.ramGB.used };
}

/** Whether `point` is exactly the sample usageSample(session, at) gives (as sameJson compares them), without building that sample. */
export function isUsageSample(point: UsagePoint, session: Session, at: number): boolean {
  let keys = 0;
  for (const key in point) if (Object.hasOwn(point, key) && (point as unknown as Record<string, unknown>)[key] !== undefined) keys++;
  return keys === 3 && point.t === at && point.cpu === session.cpu.used && point.ram === session.ramGB.used;
}

/** The stats sample for platform stats read at `at`. */
export function statsSample(stats: PlatformStats, at: number): StatsPoint {
  return {
    t: at,
    cpuAllocated: stats.cpu.allocated,
    cpuCapacity: stats.cpu.capacity,
    ramAllocated: stats.ramGB.allocated,
    ramCapacity: stats.ramGB.capacity,
  };
}
