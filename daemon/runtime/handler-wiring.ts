import { randomBytes } from 'node:crypto';
import type { Clock } from '../../src/ports/clock.js';
import type { DaemonMetrics } from '../../src/protocol/daemon-metrics.js';
import type { Logger } from '../../src/ports/logger.js';
import type { DaemonConfig } from '../config/daemon-config.js';
import type { HandlerContext } from '../handlers/handler-context.js';
import type { ApiHolder } from './api-holder.js';
import { effectiveConfig } from './effective-config.js';
import type { LogHub } from './log-hub.js';
import type { LogKeeper } from '../logs/log-keeper.js';
import type { BulkResult } from '../../src/protocol/requests.js';
import type { SessionPoller } from './session-poller.js';
import type { SidePollers } from './side-pollers.js';
import type { StateRuntime } from './state-runtime.js';

/** The running parts request handlers reach. */
export interface HandlerParts {
  clock: Clock;
  logger: Logger;
  runtime: StateRuntime;
  connection: ApiHolder;
  poller: SessionPoller;
  side: SidePollers;
  logHub: LogHub;
  keeper: LogKeeper;
  /** Renews ids and checks each expiry (the one renewAndCheck the auto-renewer uses too). */
  renew: (ids: readonly string[]) => Promise<BulkResult[]>;
  config: () => DaemonConfig;
  rawConfig: () => Record<string, unknown> | null;
  /** The process's own figures (the daemon.metrics request). */
  metrics: () => DaemonMetrics;
  /** Starts the shutdown path. */
  stop: (reason: string) => void;
}

/** Builds the HandlerContext over the daemon's running parts. */
export function makeHandlerContext(parts: HandlerParts): HandlerContext {
  const { clock, logger, runtime, connection, poller, side, logHub, keeper } = parts;
  return {
    clock,
    logger,
    state: () => runtime.state(),
    apply: (...actions) => runtime.apply(...actions),
    api: () => connection.api(),
    concurrency: () => connection.concurrency(),
    registryConfigured: () => connection.credentials()?.registry === true,
    refresh: () => poller.refresh(),
    pollSoon: () => void poller.pollNow(),
    images: (kind) => side.images(kind),
    context: () => side.context(),
    events: (sessionId) => side.events(sessionId),
    renewAndCheck: parts.renew,
    keptLog: (sessionId) => keeper.get(sessionId),
    async knownSession(sessionId) {
      if (Object.hasOwn(runtime.state().sessions, sessionId)) return true;
      await poller.current();
      return Object.hasOwn(runtime.state().sessions, sessionId);
    },
    logs: {
      subscribe: (sessionId, clientId) => logHub.subscribe(sessionId, clientId),
      unsubscribe: (sessionId, clientId) => logHub.unsubscribe(sessionId, clientId),
    },
    effectiveConfig: () => effectiveConfig(parts.config(), parts.rawConfig()),
    metrics: parts.metrics,
    // setImmediate lets the response to the shutdown request leave before the sockets close.
    shutdown: (reason) => void setImmediate(() => parts.stop(reason)),
    newId: (prefix) => `${prefix}-${randomBytes(4).toString('hex')}`,
  };
}
