import { AppError } from '../../src/domain/errors.js';
import type { Paths } from '../../src/config/paths.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Notifier } from '../../src/ports/notifier.js';
import { reduce } from '../../src/state/reduce.js';
import { makeWelcome } from '../../src/protocol/messages/welcome.js';
import { CLOSE_CODES } from '../../src/protocol/version.js';
import type { DaemonConfig } from '../config/daemon-config.js';
import type { DaemonLogger, RunningDaemon } from '../running-daemon.js';
import { handleRequest } from '../handlers/index.js';
import type { LoadResult, StateStore } from '../store/state-store.js';
import type { HandlerContext } from '../handlers/handler-context.js';
import { WsServer } from '../ws/ws-server.js';
import { ApiHolder, type Connector } from './api-holder.js';
import { AutoRenewer } from './auto-renewer.js';
import { ConfigReloader } from './config-reloader.js';
import { reportCredentialNews } from './credential-news.js';
import { boundedWait } from './event-frames.js';
import { restartOnlyChanges } from './effective-config.js';
import { makeHandlerContext } from './handler-wiring.js';
import { HookDispatcher } from './hook-dispatch.js';
import { InsightPoller } from './insight-poller.js';
import { LogKeeper } from '../logs/log-keeper.js';
import { renewAndCheck } from './renew-checker.js';
import { join } from 'node:path';
import { LogHub } from './log-hub.js';
import { ProcessMetrics } from './process-metrics.js';
import { SessionPoller } from './session-poller.js';
import { SidePollers } from './side-pollers.js';
import { StoragePoller } from './storage-poller.js';
import { StateRuntime } from './state-runtime.js';

/** How long the final state and history writes may take at shutdown. */
export const FINAL_WRITE_MS = 4_000;

/** Protocol timings (the defaults are the documented ones; tests shorten them). */
export interface DaemonTiming {
  helloTimeoutMs: number;
  pingIntervalMs: number;
  /** Quiet time after a config or credential file change before it is read. */
  watchDebounceMs: number;
  /** How often the folder of a watched file that does not exist yet is looked for. */
  missingDirPollMs: number;
}

/** The documented timings: hello within 5 s, a ping every 30 s. */
export const DEFAULT_TIMING: DaemonTiming = { helloTimeoutMs: 5_000, pingIntervalMs: 30_000, watchDebounceMs: 250, missingDirPollMs: 1_000 };

/** Everything assembleDaemon wires together (resolved by startDaemon). */
export interface AssembleOptions {
  paths: Paths;
  clock: Clock;
  logger: DaemonLogger;
  connector: Connector;
  config: DaemonConfig;
  raw: Record<string, unknown> | null;
  tcp: { host: string; port: number } | null;
  tcpToken: string | null;
  notifier: Notifier;
  /** Made only once the socket is ours: one writer per state file. */
  store: () => StateStore;
  credentialFiles: string[];
  fixedLogLevel: boolean;
  version: string;
  timing: Partial<DaemonTiming>;
  /** Why the config file was refused at start, if it was. */
  startProblem: string | null;
  /** Where kept log copies are persisted (default `<stateDir>/kept-logs.json`; null: memory only). */
  keptLogsFile?: string | null;
}

/** Wires the daemon's parts, starts them, and returns the handle with the one shutdown path. */
export async function assembleDaemon(o: AssembleOptions): Promise<RunningDaemon> {
  const { clock, logger } = o;
  const timing = { ...DEFAULT_TIMING, ...o.timing };
  let config = o.config;
  let raw = o.raw;
  let stopping: Promise<void> | null = null;
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  // Filled in once the state is loaded; the gate keeps clients out until then.
  const late: { runtime?: StateRuntime; logHub?: LogHub; handlers?: HandlerContext; connection?: ApiHolder } = {};
  const ws = new WsServer({
    socketPath: o.paths.socketPath,
    tcp: o.tcp,
    tcpToken: o.tcpToken,
    allowedOrigins: () => config.listen.allowedOrigins,
    frameLimitBytes: config.frameLimitBytes,
    helloTimeoutMs: timing.helloTimeoutMs,
    pingIntervalMs: timing.pingIntervalMs,
    clock,
    logger,
    gate,
    welcome: () => makeWelcome(o.version, late.runtime!.state(), late.connection?.identity() ?? null),
    onRequest: async (client, request) => {
      if (stopping) throw new AppError('DAEMON_UNAVAILABLE', 'the daemon is shutting down');
      return handleRequest(request, late.handlers!, client);
    },
    onClose: (client) => late.logHub?.dropClient(client.id),
  });
  await ws.listen();

  let store: StateStore;
  let loaded: LoadResult;
  try {
    store = o.store();
    loaded = await store.load();
  } catch (error) {
    await ws.close(CLOSE_CODES.goingAway, 'startup failed');
    throw error;
  }
  if (loaded.warning) logger.warn(loaded.warning);
  const hooks = new HookDispatcher(
    () => config.hooks,
    logger,
    () => config.hookQueue,
  );
  const startedAt = clock.now();
  let initial = reduce(loaded.state, { type: 'daemon.started', at: startedAt });
  // A file moved aside is said once by the clients too (status, dashboard), not only in the log.
  if (loaded.warning)
    initial = reduce(initial, { type: 'notice.raised', notice: { key: `store:${startedAt}`, message: loaded.warning, at: startedAt }, at: startedAt });
  const runtime = new StateRuntime(initial, {
    clock,
    logger,
    store,
    notifier: o.notifier,
    hooks,
    config: () => config,
    broadcast: (frame) => ws.broadcast(frame),
    hasClients: () => ws.clientCount() > 0,
  });
  const connection: ApiHolder = new ApiHolder(o.connector, logger, (news) => reportCredentialNews(news, { clock, runtime, connection, config: () => config }));
  // Filled in below: the renewer and the pollers need each other.
  const parts: { poller?: SessionPoller; side?: SidePollers } = {};
  // One checked renew for the `renew` request and auto-renew alike.
  const renew = (ids: readonly string[]) =>
    renewAndCheck(ids, {
      clock,
      state: () => runtime.state(),
      apply: (...actions) => runtime.apply(...actions),
      api: () => connection.api(),
      concurrency: () => connection.concurrency(),
      refresh: () => parts.poller!.refresh(),
    });
  const renewer = new AutoRenewer({ clock, logger, runtime, config: () => config, renew });
  const keeper = new LogKeeper({
    clock,
    logger,
    api: () => connection.api(),
    file: o.keptLogsFile === undefined ? join(o.paths.stateDir, 'kept-logs.json') : o.keptLogsFile,
    limits: { keepMs: config.logs.keepHours * 3600_000 },
  });
  await keeper.load();
  const insightPoller = new InsightPoller({ clock, logger, runtime, events: (id) => parts.side!.events(id), paused: () => parts.poller!.authFailing });
  const storage = new StoragePoller({ clock, logger, runtime, connection, config: () => config, paused: () => parts.poller!.authFailing });
  const poller = new SessionPoller({
    clock,
    logger,
    runtime,
    connection,
    config: () => config,
    clients: () => ws.clientCount(),
    afterPoll: (sessions) => {
      insightPoller.check(sessions);
      keeper.check(sessions);
      renewer.check(sessions);
      storage.afterPoll();
    },
  });
  const side = new SidePollers({ clock, logger, runtime, connection, config: () => config, paused: () => poller.authFailing });
  parts.poller = poller;
  parts.side = side;
  const logHub = new LogHub({
    clock,
    logger,
    connection,
    refreshMs: config.logs.refreshMs,
    bufferLines: config.logs.bufferLines,
    send: (clientId, frame) => ws.sendTo(clientId, frame),
    keep: (sessionId, lines) => keeper.keepLines(sessionId, runtime.state().sessions[sessionId]?.name ?? '', lines),
  });
  const reloader = new ConfigReloader(
    {
      configFile: o.paths.configFile,
      clock,
      logger,
      runtime,
      connection,
      credentialFiles: o.credentialFiles,
      debounceMs: timing.watchDebounceMs,
      missingDirPollMs: timing.missingDirPollMs,
      applyConfig: (next, nextRaw) => {
        const restartOnly = restartOnlyChanges(config, next);
        if (restartOnly.length > 0) logger.warn(`config changes to ${restartOnly.join(', ')} apply after a restart (skaha-tui daemon restart)`);
        config = next;
        raw = nextRaw;
        if (!o.fixedLogLevel) logger.setLevel?.(next.logLevel);
      },
      // Stats wait while credentials are refused: read them again once the new connection answered.
      pollNow: () => void poller.pollNow().then(() => side.statsNow()),
    },
    raw,
  );
  let resolveStopped = (_reason: string): void => undefined;
  const stopped = new Promise<string>((resolve) => (resolveStopped = resolve));

  const metrics = new ProcessMetrics(clock);
  const stop = (reason: string): Promise<void> => {
    stopping ??= (async () => {
      logger.info('daemon stopping', { reason });
      metrics.stop();
      poller.stop();
      side.stop();
      storage.stop();
      logHub.stop();
      runtime.freeze();
      await reloader.stop();
      await connection.close();
      await boundedWait(Promise.all([poller.idle(), side.idle(), renewer.idle(), insightPoller.idle(), storage.idle()]), 2_000);
      await boundedWait(keeper.close(), 2_000);
      await ws.close(CLOSE_CODES.goingAway, 'daemon shutting down');
      await runtime.idle(3_000);
      await hooks.idle(2_000);
      // Bounded: a disk that hangs must not keep a stopping daemon alive.
      const closed = store.close().then(
        () => true,
        (error: unknown) => {
          logger.error('final state write failed', { error: (error as Error).message });
          return true;
        },
      );
      if (!(await boundedWait(closed, FINAL_WRITE_MS)))
        logger.error('final state write did not finish in time; stopping without it', { waitedMs: FINAL_WRITE_MS });
      logger.info('daemon stopped', { reason });
      resolveStopped(reason);
    })();
    return stopping;
  };

  late.runtime = runtime;
  late.logHub = logHub;
  late.connection = connection;
  late.handlers = makeHandlerContext({
    clock,
    logger,
    runtime,
    connection,
    poller,
    side,
    logHub,
    keeper,
    renew,
    config: () => config,
    rawConfig: () => raw,
    metrics: () => ({
      ...metrics.read(),
      clients: ws.clientCount(),
      sessions: Object.keys(runtime.state().sessions).length,
      logFollows: logHub.activeSessions().length,
    }),
    stop: (reason) => void stop(reason),
  });
  // Credentials are resolved (locally, no request) before any client is welcomed: the welcome names them.
  await connection.connect();
  release();
  logger.info('daemon started', { socket: o.paths.socketPath, tcp: ws.tcpAddress, sessions: Object.keys(initial.sessions).length });

  try {
    const credentials = connection.credentials();
    if (credentials) void runtime.apply({ type: 'credentials.checked', credentials, at: clock.now() });
    if (o.startProblem) void runtime.apply({ type: 'config.rejected', message: o.startProblem, at: clock.now() });
    poller.start();
    side.start();
    storage.start();
    await reloader.start();
  } catch (error) {
    await stop('startup failed');
    throw error;
  }
  return {
    socketPath: o.paths.socketPath,
    tcpAddress: ws.tcpAddress,
    state: () => runtime.state(),
    config: () => config,
    stop,
    stopped,
    async idle() {
      await poller.idle();
      await Promise.all([insightPoller.idle(), keeper.idle(), renewer.idle(), side.idle(), storage.idle()]);
      await runtime.idle(2_000);
    },
  };
}
