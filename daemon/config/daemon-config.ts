import type { LogLevel } from '../../src/ports/logger.js';
import type { TerminalNotifySetting } from '../../src/domain/terminal-notify.js';
import { LOG_LEVELS } from '../../src/ports/logger.js';
import type { HookConfig } from '../notify/hook-runner.js';
import { DEFAULT_HOOK_QUEUE, type HookQueueLimits } from '../notify/hook-queue.js';
import { DEFAULT_POLL_INTERVALS, type PollIntervals } from '../poll/poll-interval.js';
import type { IdleSettings } from '../../src/state/idle.js';

/** Poll cadence: the adaptive session intervals plus the slower side data. */
export interface PollingConfig extends PollIntervals {
  statsMs: number;
  /** Context, images and repository. */
  catalogueMs: number;
}

/** Which notifications go out, and when expiry warnings fire. */
export interface NotificationConfig {
  /** Silences every desktop notification and hook-free alert. */
  quiet: boolean;
  desktop: boolean;
  /** Per event kind on/off (kinds not listed use their default). */
  kinds: Record<string, boolean>;
  expiringMinutes: number[];
  credentialHours: number[];
  /** How dashboards raise notifications in the terminal (they read it from config.get); flags and SKAHA_TUI_TERMINAL_NOTIFY win over it. */
  terminal: TerminalNotifySetting;
}

/** One auto-renew rule: interactive sessions whose name matches get renewed within the threshold. */
export interface AutoRenewRule {
  /** A name prefix, or a regex when it holds regex characters. */
  match: string;
  thresholdMinutes: number;
}

/** The optional TCP listener (loopback only, bearer token required). */
export interface ListenConfig {
  tcp: { host: string; port: number } | null;
  allowedOrigins: string[];
}

/** When a Running session counts as idle (see src/state/idle.ts). */
export interface IdleConfig {
  enabled: boolean;
  /** How long its CPU use must stay under the threshold. */
  afterHours: number;
  /** The threshold of a fixed session, as a percentage of its requested cores. */
  fixedPercent: number;
  /** The threshold of a flexible session, in cores. */
  flexibleCores: number;
}

/** How home storage is read from its VOSpace node on the Skaha host. */
export interface StorageConfig {
  enabled: boolean;
  /** Minutes between reads (at least 5: the portal treats a read as fresh that long). */
  intervalMinutes: number;
  /** The user whose home it is (default: the user the session listing names). */
  user: string | null;
  /** The node's path on the Skaha host, `{user}` standing for the user (default: /arc/nodes/home/{user}, then /cavern/nodes/home/{user}). */
  node: string | null;
}

/** Everything the daemon reads from its config file besides the connection settings. */
export interface DaemonConfig {
  polling: PollingConfig;
  notifications: NotificationConfig;
  hooks: HookConfig[];
  /** How many hooks run at once, and how many runs may wait (more are dropped and logged). */
  hookQueue: HookQueueLimits;
  autoRenew: AutoRenewRule[];
  idle: IdleConfig;
  storage: StorageConfig;
  listen: ListenConfig;
  /** Log following, and how long the last copy of a log is kept after its session left the listing. */
  logs: { refreshMs: number; bufferLines: number; keepHours: number };
  frameLimitBytes: number;
  logLevel: LogLevel;
  /** The dashboard's `:` prompt: aliases, name → the command line it stands for (the daemon only checks and passes them on). */
  commands: { aliases: Record<string, string> };
}

/** The daemon's defaults (the numbers). */
export const DEFAULT_DAEMON_CONFIG: DaemonConfig = {
  // Stats are quota snapshots the metrics backend refreshes every few minutes (skaha-api.md §9.5).
  polling: { ...DEFAULT_POLL_INTERVALS, statsMs: 120_000, catalogueMs: 30 * 60_000 },
  notifications: { quiet: false, desktop: true, kinds: {}, expiringMinutes: [60, 10], credentialHours: [72, 24, 1], terminal: 'auto' },
  hooks: [],
  hookQueue: { ...DEFAULT_HOOK_QUEUE },
  autoRenew: [],
  idle: { enabled: true, afterHours: 6, fixedPercent: 5, flexibleCores: 0.05 },
  storage: { enabled: true, intervalMinutes: 5, user: null, node: null },
  listen: { tcp: null, allowedOrigins: [] },
  logs: { refreshMs: 2_000, bufferLines: 10_000, keepHours: 24 },
  frameLimitBytes: 1024 * 1024,
  logLevel: 'info',
  commands: { aliases: {} },
};

/** Connection keys the config file may hold; src/config reads and checks them. */
export const CONNECTION_KEYS = ['url', 'apiVersion', 'token', 'tokenFile', 'certificate', 'registry', 'timeouts', 'concurrency'] as const;

/** Top-level keys the daemon itself reads. */
export const DAEMON_KEYS = [
  'polling',
  'notifications',
  'hooks',
  'hookQueue',
  'autoRenew',
  'idle',
  'storage',
  'listen',
  'logs',
  'frameLimitBytes',
  'logLevel',
  'commands',
] as const;

/** The idle settings the reducer takes, from the config's. */
export function idleSettings(config: IdleConfig): IdleSettings {
  return { enabled: config.enabled, afterMs: config.afterHours * 3_600_000, fixedFraction: config.fixedPercent / 100, flexibleCores: config.flexibleCores };
}

/** Whether a string names a log level. */
export function isLogLevel(value: unknown): value is LogLevel {
  return (LOG_LEVELS as readonly unknown[]).includes(value);
}
