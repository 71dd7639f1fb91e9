import type { Session } from '../domain/session.js';
import type { PlatformStats } from '../domain/platform.js';
import { appendPoint, DEFAULT_HISTORY_TIERS, emptyHistory, type HistoryPoint, type HistoryTier, type TieredHistory } from './history.js';

/** One usage sample of a session: cores and RAM (GB) in use; merged points carry the mean. */
export interface UsagePoint extends HistoryPoint {
  cpu: number | null;
  ram: number | null;
}

/** A session's usage over the last 24 h, bounded (see DEFAULT_HISTORY_TIERS). */
export type UsageHistory = TieredHistory<UsagePoint>;

/** One platform stats sample: allocated and capacity of cores and RAM (GB). */
export interface StatsPoint extends HistoryPoint {
  cpuAllocated: number | null;
  cpuCapacity: number | null;
  ramAllocated: number | null;
  ramCapacity: number | null;
}

/** The platform's stats over the last 24 h, bounded like usage. */
export type StatsHistory = TieredHistory<StatsPoint>;

/** Pure: adds one usage sample taken at `now` (the sample's own time) and downsamples older ones. */
export function appendUsage(
  history: UsageHistory | undefined,
  sample: UsagePoint,
  now: number = sample.t,
  tiers: readonly HistoryTier[] = DEFAULT_HISTORY_TIERS,
): UsageHistory {
  return appendPoint(history ?? emptyHistory<UsagePoint>(tiers), sample, now, tiers);
}

/** Pure: adds one platform stats sample taken at `now` and downsamples older ones. */
export function appendStats(
  history: StatsHistory | undefined,
  sample: StatsPoint,
  now: number = sample.t,
  tiers: readonly HistoryTier[] = DEFAULT_HISTORY_TIERS,
): StatsHistory {
  return appendPoint(history ?? emptyHistory<StatsPoint>(tiers), sample, now, tiers);
}

/** The usage sample a polled session carries, or null when it reports no usage. */
export function usageSample(session: Session, at: number): UsagePoint | null {
  if (session.cpu.used === null && session.ramGB.used === null) return null;
  return { t: at, cpu: session.cpu.used, ram: session.ramGB.used };
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
