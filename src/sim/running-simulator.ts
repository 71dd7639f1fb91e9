import type { FaultPatch } from './faults.js';
import type { SimOidc, SimTokenSet } from './oidc.js';
import type { SimFaults } from './fault-types.js';
import type { SimStorage } from './storage-settings.js';
import type { SeedSessionSpec, SimRequestRecord } from './types.js';

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
