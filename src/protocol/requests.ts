import { LAUNCHABLE_KINDS } from '../domain/session.js';
import type { LaunchRequest, LaunchResult } from '../domain/launch.js';
import type { ErrorJson } from '../domain/errors.js';
import type { Image, PlatformStats, ResourceContext, SessionEvent } from '../domain/platform.js';
import type { DesktopApp } from '../domain/session.js';
import type { KeptLog } from './kept-log.js';
import { MAX_NOTICES, type DaemonState } from '../state/state.js';
import type { StatsPoint } from '../state/usage.js';
import { arrayOf, bool, num, object, oneOf, optional, str, type Check } from './check.js';
import type { HistoryParams, HistoryResult } from './history-result.js';
import type { DaemonMetrics } from './daemon-metrics.js';
import type { RenewCheck } from '../state/insight.js';
import type { UsageReport } from '../state/usage-report.js';

/** Every request a client can make. */
export const REQUEST_METHODS = [
  'refresh',
  'snapshot',
  'launch',
  'delete',
  'renew',
  'logs.subscribe',
  'logs.unsubscribe',
  'logs.kept',
  'events',
  'apps',
  'apps.launch',
  'apps.delete',
  'images',
  'context',
  'stats.history',
  'history',
  'usage',
  'notices.ack',
  'daemon.metrics',
  'config.get',
  'shutdown',
] as const;

/** One request method. */
export type RequestMethod = (typeof REQUEST_METHODS)[number];

/** Per-session outcome of a bulk delete or renew; a renew carries how it went (`check`: the expiry re-read and compared, or the server's refusal). */
export type BulkResult = { id: string; ok: true; check?: RenewCheck } | { id: string; ok: false; error: ErrorJson; check?: RenewCheck };

/** The params of each request method. */
export interface RequestParams {
  refresh: Record<string, never>;
  snapshot: Record<string, never>;
  launch: LaunchRequest;
  delete: { ids: string[] };
  renew: { ids: string[] };
  'logs.subscribe': { sessionId: string };
  'logs.unsubscribe': { sessionId: string };
  'logs.kept': { sessionId: string };
  events: { sessionId: string };
  apps: { sessionId: string };
  'apps.launch': { sessionId: string; image: string; cores?: number; ram?: number };
  'apps.delete': { sessionId: string; appId: string };
  images: { kind?: string };
  context: Record<string, never>;
  'stats.history': Record<string, never>;
  history: HistoryParams;
  /** The window to account, epoch ms: `since` defaults to 7 days ago, `until` to now. */
  usage: { since?: number; until?: number };
  'notices.ack': { keys: string[] };
  'daemon.metrics': Record<string, never>;
  'config.get': Record<string, never>;
  shutdown: Record<string, never>;
}

/** The result of each request method when `ok` is true. */
export interface RequestResults {
  /** When the poll the refresh triggered ended (its failure is the response's error). */
  refresh: { polledAt: number };
  snapshot: DaemonState;
  launch: { launchId: string; results: LaunchResult[] };
  delete: { results: BulkResult[] };
  renew: { results: BulkResult[] };
  'logs.subscribe': { sessionId: string; lines: number };
  'logs.unsubscribe': { sessionId: string };
  /** The last copy the daemon kept of the session's log, or null when it kept none. */
  'logs.kept': KeptLog | null;
  events: SessionEvent[];
  /** The desktop's apps (Skaha lists every desktop's; the daemon keeps this desktop's). */
  apps: DesktopApp[];
  'apps.launch': { sessionId: string; appId: string };
  'apps.delete': { sessionId: string; appId: string };
  images: Image[];
  context: ResourceContext;
  'stats.history': { latest: PlatformStats | null; at: number | null; points: StatsPoint[] };
  history: HistoryResult;
  /** Core-hours, GiB-hours and GPU-hours per session and per kind and hour within the window (see usage-report.ts). */
  usage: UsageReport;
  'notices.ack': { acknowledged: number };
  'daemon.metrics': DaemonMetrics;
  /** The effective config, secrets removed; its shape is the config file's. */
  'config.get': Record<string, unknown>;
  shutdown: { stopping: true };
}

/** Most ids one delete or renew may carry. */
export const MAX_BULK_IDS = 1000;

const none = object({}, true);
const ids = object({ ids: arrayOf(str(1, 200), MAX_BULK_IDS, 1) }, true);
const sessionId = object({ sessionId: str(1, 200) }, true);

/** Shape check of launch params; the launch itself validates the rules (name pattern, image, context). */
const launch = object(
  {
    name: str(1, 200),
    image: str(1, 1000),
    kind: oneOf(LAUNCHABLE_KINDS),
    cores: optional(num(0)),
    ram: optional(num(0)),
    gpus: optional(num(0, Infinity, true)),
    cmd: optional(str(0, 10_000)),
    args: optional(str(0, 100_000)),
    env: optional(arrayOf(str(0, 100_000), 1000)),
    replicas: optional(num(1, 512, true)),
    replicaIds: optional(arrayOf(num(1, 512, true), 512, 1)),
    registryAuth: optional(object({ username: str(1, 500), secret: str(1, 10_000) }, true)),
  },
  true,
);

/** The params check of each method. */
export const PARAMS_CHECKS: Record<RequestMethod, Check> = {
  refresh: none,
  snapshot: none,
  launch,
  delete: ids,
  renew: ids,
  'logs.subscribe': sessionId,
  'logs.unsubscribe': sessionId,
  'logs.kept': sessionId,
  events: sessionId,
  apps: sessionId,
  'apps.launch': object({ sessionId: str(1, 200), image: str(1, 1000), cores: optional(num(0)), ram: optional(num(0)) }, true),
  'apps.delete': object({ sessionId: str(1, 200), appId: str(1, 64) }, true),
  images: object({ kind: optional(str(1, 100)) }, true),
  context: none,
  'stats.history': none,
  history: object({ ids: optional(arrayOf(str(1, 200), MAX_BULK_IDS)), stats: optional(bool) }, true),
  usage: object({ since: optional(num(0, Number.MAX_SAFE_INTEGER)), until: optional(num(0, Number.MAX_SAFE_INTEGER)) }, true),
  'notices.ack': object({ keys: arrayOf(str(1, 500), MAX_NOTICES, 1) }, true),
  'daemon.metrics': none,
  'config.get': none,
  shutdown: none,
};

/** Whether a string names a request method. */
export function isRequestMethod(value: unknown): value is RequestMethod {
  return (REQUEST_METHODS as readonly unknown[]).includes(value);
}

/** The first problem with `params` for `method`, or null. */
export function paramsProblem(method: RequestMethod, params: unknown): string | null {
  return PARAMS_CHECKS[method](params, 'params');
}
