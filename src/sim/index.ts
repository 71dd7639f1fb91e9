import type { AddressInfo } from 'node:net';
import { systemClock } from '../ports/clock.js';
import { silentLogger } from '../ports/logger.js';
import { resolveConfig, setInteractiveCap, tokensByUser, type SimulatorOptions } from './config.js';
import { mergeFaults, parseFaults } from './faults.js';
import { preemptSession } from './preempt.js';
import { checkSeconds } from './seconds.js';
import { RequestLog } from './request-log.js';
import { seedReplicas, seedSession } from './seed.js';
import { createSimServer } from './server.js';
import { SimWorld } from './world.js';
import { SimOidc, type SimTokenSet } from './oidc.js';
import { canfarLoginYaml } from './canfar-login-yaml.js';
import { mergeStorage } from './storage-settings.js';
import type { RunningSimulator } from './running-simulator.js';

/** Options of startSimulator. */
export type { SimulatorOptions } from './config.js';
/** A seeded session's spec. */
export type { SeedSessionSpec } from './types.js';
/** The faults and platform switches in force. */
export type { SimFaults } from './fault-types.js';
/** Seeds a lived-in demo platform. */
export { seedDemo } from './demo.js';
/** A running simulator, as tests and the CLI steer it. */
export type { RunningSimulator } from './running-simulator.js';

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
  const oidc = new SimOidc(
    config.seed,
    () => world.now(),
    () => `${origin}/oidc`,
    options.oidc,
  );
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
        return canfarLoginYaml({
          baseUrl: `${origin}/skaha`,
          issuer: `${origin}/oidc`,
          clientId: oidc.clientId,
          clientSecret: oidc.clientSecret,
          tokens: set,
          issuedAt,
        });
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
