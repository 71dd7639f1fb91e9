import type { Session } from '../domain/session.js';
import type { PlatformStats, ResourceContext } from '../domain/platform.js';
import type { ErrorJson } from '../domain/errors.js';
import type { LaunchResult } from '../domain/launch.js';
import { emptyDict } from '../domain/dict.js';
import { emptyStats, type StatsHistory, type UsageHistory } from './usage.js';
import type { StoredLaunchRequest } from './launches.js';
import type { SessionInsight, WaitRecord } from './insight.js';
import type { UsageAccount } from './usage-accounts.js';
import type { StorageStatus } from './storage.js';

/** The version of the DaemonState shape; bump it and add a migration when the shape changes. */
export const STATE_SCHEMA_VERSION = 4;

/** How many launch requests the state remembers, with the ids they created (for relaunch and reruns of failed replicas). */
export const MAX_LAUNCHES = 200;

/** How many notifications the log keeps. */
export const MAX_NOTIFICATIONS = 200;

/** How many unacknowledged notices the state keeps (oldest dropped first). */
export const MAX_NOTICES = 20;

/** How many already-emitted event keys are remembered (oldest dropped first). */
export const MAX_EMITTED_KEYS = 5000;

/** Emitted event keys older than this are forgotten (longer than any level-triggered window). */
export const EMITTED_KEY_TTL_MS = 8 * 24 * 3600_000;

/** A delete requested this recently makes a vanished session count as deleted. */
export const DELETE_WINDOW_MS = 10 * 60_000;

/** Platform health: how the last polls went. */
export type HealthState = 'ok' | 'degraded' | 'down' | 'refused' | 'unknown';

/** Platform health as the dashboard shows it; all times are epoch milliseconds. */
export interface Health {
  state: HealthState;
  /** When `state` last changed. */
  since: number | null;
  lastError: ErrorJson | null;
  lastSuccessAt: number | null;
  /** When the current run of session-poll failures began; null while polls succeed. */
  failingSince: number | null;
  /** True while the stats endpoint fails but sessions answer (→ degraded). */
  statsFailing: boolean;
  /** True while the sessions shown are not from a successful poll made by this daemon run. */
  stale: boolean;
}

/** The credential in use, without the secret. */
export interface CredentialStatus {
  kind: 'token' | 'certificate' | 'none';
  /** Where it came from (flag, env, config, canfar-config, default). */
  source: string;
  /** Certificate notAfter or token exp as ISO-8601; null when unknown. */
  expiresAt: string | null;
  /** The certificate file, when kind is certificate. */
  path?: string;
  /** Set when the daemon refreshes the token itself (an OIDC login from the canfar config). */
  refresh?: CredentialRefresh;
  /** True when private-registry credentials are configured (launches of images outside the catalogue are then sent); never the username or secret. */
  registry?: boolean;
  /** The user the credential names (certificate subject CN, token `preferred_username`/`sub`), absent when it names none; never the secret. */
  user?: string;
}

/** How a self-refreshing login stands: refreshed as needed, or refused by the identity provider. */
export interface CredentialRefresh {
  /** `active`: refreshed before expiry; `login-expired`: the refresh token was refused, run `canfar login`. */
  state: 'active' | 'login-expired';
  /** When the login itself (the refresh token) expires, as ISO-8601; null when unknown. */
  loginExpiresAt: string | null;
}

/** One launch the daemon made, kept for relaunch; never holds a registry secret. */
export interface LaunchRecord {
  /** The daemon's id for this launch (request id). */
  id: string;
  request: StoredLaunchRequest;
  at: number;
  /** Per-replica outcome; null while the launch runs. */
  results: LaunchResult[] | null;
  /** Set when the launch failed as a whole (e.g. validation). */
  error: ErrorJson | null;
}

/** Urgency of a desktop notification. */
export type Urgency = 'low' | 'normal' | 'critical';

/** A notification ready to show; `key` is the event key it came from (exactly-once). */
export interface Notification {
  key: string;
  title: string;
  body: string;
  urgency: Urgency;
  url?: string;
}

/** A notification in the log, with when it was sent. */
export interface NotificationRecord extends Notification {
  at: number;
}

/** Something the user must hear about once (a state or history file was moved aside), until a client acknowledges it. */
export interface Notice {
  key: string;
  message: string;
  at: number;
}

/** Settings the reducer needs, changed by config.changed. */
export interface StateSettings {
  /** Session polls failing this long turn health to down. */
  downAfterMs: number;
}

/** Everything the daemon knows, as plain JSON: persisted, sent to clients, reduced by actions. Maps keyed by ids or keys are null-prototype objects (src/domain/dict.ts). */
export interface DaemonState {
  schemaVersion: number;
  sessions: Record<string, Session>;
  /** What the daemon worked out about sessions (why Pending, why Failed, renew outcomes); only for sessions in `sessions` with something to say. */
  insights: Record<string, SessionInsight>;
  /** The user's past waits in the queue, oldest first, at most MAX_WAITS (for wait estimates). */
  waits: WaitRecord[];
  /** Per-session usage history (24 h, bounded); only for sessions in `sessions`. */
  usage: Record<string, UsageHistory>;
  /** Per-session accounting by the hour over 30 days, also for sessions no longer listed (bounded: see usage-accounts.ts); kept in the history file, never sent whole to clients (they ask `usage`). */
  accounts: Record<string, UsageAccount>;
  /** Home storage as last read from its VOSpace node; null before the first attempt. */
  storage: StorageStatus | null;
  stats: PlatformStats | null;
  statsHistory: StatsHistory;
  health: Health;
  credentials: CredentialStatus | null;
  context: ResourceContext | null;
  /** Newest last, at most MAX_LAUNCHES. */
  launches: LaunchRecord[];
  /** Session id → when its delete was requested (recent ones only). */
  deletes: Record<string, number>;
  /** Newest last, at most MAX_NOTIFICATIONS. */
  notifications: NotificationRecord[];
  /** Event key → when it was first emitted: what has been reported (exactly-once across restarts). */
  emitted: Record<string, number>;
  lastPollAt: number | null;
  lastStatsAt: number | null;
  /** Last launch, delete or renew (the poller polls fast for a while after it). */
  lastActivityAt: number | null;
  config: { changedAt: number | null; warning: string | null };
  settings: StateSettings;
  /** Oldest first, at most MAX_NOTICES; a client shows them and acknowledges them (`notices.ack`). */
  notices: Notice[];
}

/** Default reducer settings. */
export const DEFAULT_SETTINGS: StateSettings = { downAfterMs: 2 * 60_000 };

/** A fresh, empty state: nothing polled yet, health unknown. */
export function initialState(): DaemonState {
  return {
    schemaVersion: STATE_SCHEMA_VERSION,
    sessions: emptyDict(),
    insights: emptyDict(),
    waits: [],
    usage: emptyDict(),
    accounts: emptyDict(),
    storage: null,
    stats: null,
    statsHistory: emptyStats(),
    health: {
      state: 'unknown',
      since: null,
      lastError: null,
      lastSuccessAt: null,
      failingSince: null,
      statsFailing: false,
      stale: true,
    },
    credentials: null,
    context: null,
    launches: [],
    deletes: emptyDict(),
    notifications: [],
    emitted: emptyDict(),
    lastPollAt: null,
    lastStatsAt: null,
    lastActivityAt: null,
    config: { changedAt: null, warning: null },
    settings: { ...DEFAULT_SETTINGS },
    notices: [],
  };
}
