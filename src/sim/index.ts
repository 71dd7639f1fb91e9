import type { AddressInfo } from 'node:net';
import { systemClock } from '../ports/clock.js';
import { silentLogger } from '../ports/logger.js';
import { resolveConfig, setInteractiveCap, tokensByUser, type SimulatorOptions } from './config.js';
import { mergeFaults, parseFaults, type FaultPatch } from './faults.js';
import { preemptSession } from './preempt.js';
import { checkSeconds } from './seconds.js';
import { RequestLog } from './request-log.js';
import { seedReplicas, seedSession } from './seed.js';
import { createSimServer } from './server.js';
import type { SeedSessionSpec, SimFaults, SimRequestRecord } from './types.js';
import { SimWorld } from './world.js';
import { SimOidc, type SimTokenSet } from './oidc.js';
import { canfarLoginYaml } from './canfar-login-yaml.js';
import { mergeStorage, type SimStorage } from './storage.js';

/** Options of startSimulator. */
export type { SimulatorOptions } from './config.js';
/** The simulator's public types: seed specs, faults, kinds, request records, statuses, troubles, renew outcomes. */
export type { RenewOutcome, SeedSessionSpec, SimFaults, SimKind, SimRequestRecord, SimStatus, SimTrouble } from './types.js';
/** A change to the faults in force (null removes a field). */
export type { FaultPatch } from './faults.js';
/** The identity provider's options and token answers. */
export type { SimOidcOptions, SimTokenSet } from './oidc.js';
/** The endpoint keys used by faults and request counts. */
export { ENDPOINT_KEYS } from './faults.js';
/** Seeds a lived-in demo platform. */
export { seedDemo, type DemoOptions } from './demo.js';

/** A simulator listening on a port, with handles to steer it from tests. */
export interface RunningSimulator {
  /** The service root, e.g. `http://127.0.0.1:P/skaha` (the client appends `/v1/...`). */
  baseUrl: string;
  /** The versioned API root, `baseUrl + '/v1'` (what CANFAR_URL takes). */
  apiUrl: string;
  /** The admin API root, `http://127.0.0.1:P/_sim`. */
  adminUrl: string;
  /** The bearer token of the admin API. */
  adminToken: string;
  port: number;
  /** The first user's token. */
  token: string;
  /** One token per user name. */
  tokens: Record<string, string>;
  /** The seed in use (random when none was given). */
  seed: number;
  /** Simulated time in epoch ms (the clock plus what `advance` added). */
  now(): number;
  /** Moves simulated time forward without touching the clock. */
  advance(ms: number): void;
  /** The faults in force. */
  faults(): SimFaults;
  /** Replaces the faults in force (validated). */
  setFaults(faults: SimFaults): void;
  /** Removes every fault. */
  clearFaults(): void;
  /** Changes some faults (validated; a field set to null is removed), as `PATCH /_sim/faults` does. */
  patchFaults(patch: FaultPatch): void;
  /** Changes faults `inSeconds` clock seconds from now (a metrics outage that starts and ends, for instance). */
  scheduleFaults(inSeconds: number, patch: FaultPatch): void;
  /** Preempts a session now: it goes back to Pending with no pod, and runs again after `queuedSeconds` clock seconds. */
  preempt(id: string, queuedSeconds: number): void;
  /** The interactive-session cap `/context` reports and launches enforce. */
  maxInteractiveSessions(): number;
  /** Changes the interactive-session cap while running. */
  setMaxInteractiveSessions(max: number): void;
  /** Changes home storage (`service`, `usedGiB`, `quotaGiB`); returns what is in force. */
  setStorage(change: Partial<SimStorage>): SimStorage;
  /** Pre-creates a session in a given state and age; returns its id. */
  seedSession(spec: SeedSessionSpec): string;
  /** Appends text to the end of a session's log, after what its container prints (a big or growing log). */
  appendLog(id: string, text: string): void;
  /** Pre-creates `count` headless replicas (`<name>-1..N`); returns their ids. */
  seedReplicas(spec: SeedSessionSpec, count: number): string[];
  /** Requests seen: all, or for an endpoint key (`session.list`, a group such as `session`, or `*`). */
  requestCount(endpoint?: string): number;
  /** Request counts per endpoint key. */
  requestCounts(): Record<string, number>;
  /** The most recent requests, oldest first. */
  requestLog(): SimRequestRecord[];
  /** Forgets the request counts and log. */
  resetRequests(): void;
  /** The identity provider: logins, the refresh_token grant at `tokenUrl`, JWT access tokens. */
  oidc: SimulatorOidc;
  /** Stops listening and drops every open connection (hung requests included). */
  close(): Promise<void>;
}

/** The simulator's identity provider as tests and the CLI steer it. */
export interface SimulatorOidc {
  /** `http://127.0.0.1:P/oidc`. */
  issuer: string;
  /** `issuer + '/token'`. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Lifetimes and rotation, changeable while running. */
  settings: SimOidc['settings'];
  /** A fresh login for a user (default the first user). */
  login(user?: string): SimTokenSet;
  /** A fresh login written as a canfar config (`~/.canfar/config.yaml`) pointing at this simulator. */
  canfarConfig(user?: string): Promise<string>;
  /** Ends every login: their refresh tokens are refused from now on. */
  revokeAll(): void;
  /** Successful refresh grants so far. */
  grants(): number;
  /** Requests to the token endpoint so far, refused ones included. */
  tokenRequests(): number;
}

/** Starts a Skaha v1 simulator on a real node:http server. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const config = resolveConfig(options);
  const logger = options.logger ?? silentLogger;
  const world = new SimWorld(config, options.clock ?? systemClock(), parseFaults(options.faults ?? {}));
  if (options.storage) world.storage = mergeStorage(world.storage, options.storage);
  const requests = new RequestLog();
  const host = options.host ?? '127.0.0.1';
  let origin = '';
  const server = createSimServer({ world, requests, logger, baseUrl: () => `${origin}/skaha` });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const tokens = tokensByUser(config);
  const oidc = new SimOidc(config.seed, () => world.now(), () => `${origin}/oidc`, options.oidc);
  world.oidc = oidc;
  const firstUser = Object.keys(tokens)[0];
  const login = (user = firstUser): SimTokenSet => {
    if (!config.usersByName.has(user)) throw new RangeError(`no simulator user ${user}; users: ${[...config.usersByName.keys()].join(', ')}`);
    return oidc.login(user);
  };
  logger.info('skaha simulator listening', { url: `${origin}/skaha`, seed: config.seed, speed: config.speed });
  let closed: Promise<void> | undefined;
  return {
    baseUrl: `${origin}/skaha`,
    apiUrl: `${origin}/skaha/v1`,
    adminUrl: `${origin}/_sim`,
    adminToken: config.adminToken,
    port,
    token: Object.values(tokens)[0],
    tokens,
    seed: config.seed,
    now: () => world.now(),
    advance: (ms) => world.advance(ms),
    faults: () => ({ ...world.faults }),
    setFaults: (faults) => {
      world.faults = parseFaults(faults);
    },
    clearFaults: () => {
      world.faults = {};
    },
    patchFaults: (patch) => {
      world.faults = mergeFaults(world.faults, patch);
    },
    scheduleFaults: (inSeconds, patch) => {
      checkSeconds(inSeconds, 'inSeconds');
      mergeFaults({}, patch);
      world.scheduleFaults(world.now() + inSeconds * 1000, patch);
    },
    preempt: (id, queuedSeconds) => preemptSession(world, id, queuedSeconds),
    maxInteractiveSessions: () => config.maxInteractiveSessions,
    setMaxInteractiveSessions: (max) => setInteractiveCap(config, max),
    setStorage: (change) => (world.storage = mergeStorage(world.storage, change)),
    seedSession: (spec) => seedSession(world, spec),
    seedReplicas: (spec, count) => seedReplicas(world, spec, count),
    appendLog: (id, text) => {
      world.extraLogs.set(id, (world.extraLogs.get(id) ?? '') + text);
    },
    requestCount: (endpoint) => requests.count(endpoint),
    requestCounts: () => requests.counts(),
    requestLog: () => requests.entries(),
    resetRequests: () => requests.reset(),
    oidc: {
      issuer: `${origin}/oidc`,
      tokenUrl: `${origin}/oidc/token`,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      settings: oidc.settings,
      login,
      canfarConfig: (user) => {
        const issuedAt = world.now();
        const set = login(user);
        return canfarLoginYaml({ baseUrl: `${origin}/skaha`, issuer: `${origin}/oidc`, clientId: oidc.clientId, clientSecret: oidc.clientSecret, tokens: set, issuedAt });
      },
      revokeAll: () => oidc.revokeAll(),
      grants: () => oidc.grants,
      tokenRequests: () => oidc.tokenRequests,
    },
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        logger.info('skaha simulator stopped', { url: `${origin}/skaha` });
      });
      return closed;
    },
  };
}
