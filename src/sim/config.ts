import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { SimOidcOptions } from './oidc.js';
import { buildCatalogue, type CatalogueImage } from './catalogue.js';
import { hash32, hexFrom, unit } from './random.js';
import type { SimFaults } from './fault-types.js';
import type { SimUser } from './types.js';
import type { SimStorage } from './storage-settings.js';

/** How to start a simulator; every field is optional. */
export interface SimulatorOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Time factor: every lifecycle duration is divided by it (default 1). */
  speed?: number;
  /** Seed for ids, names, usage numbers, log lines and generated tokens (default random). */
  seed?: number;
  /** Time source (default the system clock); inject a FakeClock in tests. */
  clock?: Clock;
  /** Bearer token → username; default two users, alice and bob, with tokens derived from the seed. */
  users?: Record<string, string>;
  /** The interactive-session cap per user (default 3). */
  maxInteractiveSessions?: number;
  /** How long a headless job runs, in simulated seconds (default 60). */
  headlessRunSeconds?: number;
  /** How long the metrics backend keeps a `view=stats` snapshot, in simulated seconds (default 300). */
  statsRefreshSeconds?: number;
  /** Host used in connectURL (default `workload.skaha-sim.invalid`). */
  sessionsHost?: string;
  /** Allowed registry hosts (default `['images.canfar.net']`). */
  registryHosts?: string[];
  /** Whether `gpus` is applied (GPU_ENABLED; default true). Validated either way. */
  gpuEnabled?: boolean;
  /** Faults active from the start. */
  faults?: SimFaults;
  /** Token for the `/_sim` admin endpoint (default derived from the seed). */
  adminToken?: string;
  /** Where diagnostics go (default silent). */
  logger?: Logger;
  /** The identity provider side (`/oidc/token`): token lifetimes, rotation, client credentials. */
  oidc?: SimOidcOptions;
  /** Home storage: the service on the host (`arc`, `cavern` or `none`) and the GiB used and allowed (default arc, 37.5 of 100). */
  storage?: Partial<SimStorage>;
}

/** The resolved settings every handler reads. */
export interface SimConfig {
  speed: number;
  seed: number;
  /** The interactive-session cap; the admin API can change it while running. */
  maxInteractiveSessions: number;
  headlessRunSeconds: number;
  statsRefreshSeconds: number;
  sessionsHost: string;
  registryHosts: string[];
  gpuEnabled: boolean;
  /** Home base used in notebook URLs (CANFAR: `/arc/home`). */
  homeBase: string;
  /** Token → user. */
  usersByToken: Map<string, SimUser>;
  usersByName: Map<string, SimUser>;
  adminToken: string;
  catalogue: CatalogueImage[];
  /** Cluster capacity and the allocation of pods that are not sessions (for view=stats). */
  cluster: { cores: number; ramGiB: number; backgroundCores: number; backgroundRamGiB: number };
}

/** Builds a user with stable POSIX ids derived from the name. */
export function makeUser(name: string): SimUser {
  const uid = 100_000_000 + (hash32(`uid:${name}`) % 900_000_000);
  const groups = [20_000 + (hash32(`g1:${name}`) % 10_000), 30_000 + (hash32(`g2:${name}`) % 10_000)];
  return { name, uid, gid: uid, groups };
}

/** Resolves options into a config, validating numbers. */
export function resolveConfig(options: SimulatorOptions): SimConfig {
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const speed = options.speed ?? 1;
  if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`speed must be a positive number, got ${speed}`);
  const max = options.maxInteractiveSessions ?? 3;
  if (!Number.isInteger(max) || max < 0) throw new RangeError(`maxInteractiveSessions must be an integer >= 0, got ${max}`);
  const run = options.headlessRunSeconds ?? 60;
  if (!(run > 0)) throw new RangeError(`headlessRunSeconds must be > 0, got ${run}`);
  const statsRefresh = options.statsRefreshSeconds ?? 300;
  if (!(statsRefresh >= 0) || !Number.isFinite(statsRefresh)) throw new RangeError(`statsRefreshSeconds must be a number >= 0, got ${statsRefresh}`);
  const tokens = options.users ?? {
    [`sim-alice-${hexFrom(16, seed, 'token', 'alice')}`]: 'alice',
    [`sim-bob-${hexFrom(16, seed, 'token', 'bob')}`]: 'bob',
  };
  if (Object.keys(tokens).length === 0) throw new RangeError('at least one user is needed');
  const usersByName = new Map<string, SimUser>();
  const usersByToken = new Map<string, SimUser>();
  for (const [token, name] of Object.entries(tokens)) {
    const user = usersByName.get(name) ?? makeUser(name);
    usersByName.set(name, user);
    usersByToken.set(token, user);
  }
  const registryHosts = options.registryHosts?.length ? [...options.registryHosts] : ['images.canfar.net'];
  return {
    speed,
    seed,
    maxInteractiveSessions: max,
    headlessRunSeconds: run,
    statsRefreshSeconds: statsRefresh,
    sessionsHost: options.sessionsHost ?? 'workload.skaha-sim.invalid',
    registryHosts,
    gpuEnabled: options.gpuEnabled ?? true,
    homeBase: '/arc/home',
    usersByToken,
    usersByName,
    adminToken: options.adminToken ?? `sim-admin-${hexFrom(16, seed, 'token', 'admin')}`,
    catalogue: registryHosts.flatMap((host) => buildCatalogue(host)),
    cluster: {
      cores: 256,
      ramGiB: 1024,
      backgroundCores: 4 + Math.round(unit(seed, 'bg-cpu') * 8) / 2,
      backgroundRamGiB: 16 + Math.round(unit(seed, 'bg-ram') * 32),
    },
  };
}

/** Changes the interactive-session cap while running; throws a RangeError unless it is an integer >= 0. */
export function setInteractiveCap(config: SimConfig, max: unknown): void {
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 0)
    throw new RangeError(`maxInteractiveSessions must be an integer >= 0, got ${JSON.stringify(max)}`);
  config.maxInteractiveSessions = max;
}

/** The first token per user name, in the order the users were given. */
export function tokensByUser(config: SimConfig): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [token, user] of config.usersByToken) if (!(user.name in out)) out[user.name] = token;
  return out;
}
