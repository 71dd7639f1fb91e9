import type { DaemonConnection } from '../daemon-client/daemon-connection.js';
import { describeIdentity, sameIdentity } from '../domain/connection-identity.js';
import { AppError, isAppError, toAppError } from '../domain/errors.js';
import type { Logger } from '../ports/logger.js';
import type { CommandContext, Output } from './command-context.js';
import type { DaemonAccess } from './daemon-access.js';
import type { CliIo } from './io.js';
import type { ApiHandle, OpenApi } from './open-api.js';
import type { ParsedArgs } from './parse-args.js';
import type { CliSystem } from './system.js';
import { DIAGNOSTICS, MESSAGES } from './text.js';

/** What a CommandContext is built from. */
export interface ContextParts {
  parsed: ParsedArgs;
  io: CliIo;
  out: Output;
  log: Logger;
  /** The live set of secrets to redact; the API's own are added when it opens. */
  secrets: Set<string>;
  openApi: OpenApi;
  daemonAccess: DaemonAccess;
  system: CliSystem;
}

/** The client's diagnostics: its warnings (launch validation) are printed by the commands, so they show here only with -v. */
function clientLogger(log: Logger): Logger {
  return { debug: log.debug, info: log.info, warn: log.info, error: log.error };
}

/** A context plus the clean-up that closes whatever it opened (API connections, the daemon link). */
export interface BuiltContext {
  ctx: CommandContext;
  close(): Promise<void>;
}

/** Builds the context of one command run: the API and the daemon are opened lazily, at most once each. */
export function buildContext(parts: ContextParts): BuiltContext {
  const { parsed, io, out, log, secrets } = parts;
  const global = parsed.global;
  let handle: ApiHandle | undefined;
  let opening: Promise<ApiHandle> | undefined;
  const open = (): Promise<ApiHandle> =>
    (opening ??= parts.openApi(global, io.env, { logger: clientLogger(log), onSecret: (secret) => secrets.add(secret) }).then((h) => {
      handle = h;
      for (const secret of h.secrets) secrets.add(secret);
      return h;
    }));

  const explicitConnection = Boolean(global.url || global.token || global.cert);
  const useDaemon = global['no-daemon'] !== true && !explicitConnection;
  let linking: Promise<DaemonConnection | null> | undefined;
  let link: DaemonConnection | null = null;
  let own: ReturnType<DaemonAccess['identity']> | undefined;
  /** Null when the daemon connects to Skaha as this command would; else what differs, and the link is closed. */
  const otherConnection = async (connection: DaemonConnection): Promise<{ daemon: string; command: string } | null> => {
    const mine = await (own ??= parts.daemonAccess.identity());
    if (sameIdentity(connection.identity, mine)) return null;
    await connection.close().catch(() => undefined);
    return { daemon: describeIdentity(connection.identity), command: describeIdentity(mine) };
  };
  const daemon = (): Promise<DaemonConnection | null> =>
    (linking ??= (async () => {
      if (!useDaemon) {
        log.info(explicitConnection ? DIAGNOSTICS.flagsNoDaemon : DIAGNOSTICS.optedOut);
        return null;
      }
      try {
        // Resolved while the socket connects: the comparison then costs no extra wait.
        own ??= parts.daemonAccess.identity();
        const connection = await parts.daemonAccess.connect();
        // Another server or credential (SKAHA_TOKEN of another account, a nonsense token): Skaha must judge it, not the daemon.
        const differs = await otherConnection(connection);
        if (differs) {
          log.info(DIAGNOSTICS.otherConnection, differs);
          return null;
        }
        link = connection;
        return link;
      } catch (error) {
        const e = toAppError(error);
        // A socket someone else may serve is an attack to report, never a reason to carry on without the daemon.
        if (e.code === 'DAEMON_UNTRUSTED') throw e;
        // No daemon is the ordinary case; anything else (a version mismatch) is worth a word.
        if (isAppError(error) && e.code === 'DAEMON_UNAVAILABLE') log.info(DIAGNOSTICS.noDaemon, { reason: e.message });
        else log.warn(DIAGNOSTICS.daemonUnusable, { code: e.code, reason: e.message });
        return null;
      }
    })());
  const startDaemon = async (): Promise<DaemonConnection> => {
    if (useDaemon) {
      const running = await daemon();
      if (running) return running;
    }
    const { connection, started } = await parts.daemonAccess.start();
    const differs = await otherConnection(connection);
    if (differs) throw new AppError('DAEMON_UNAVAILABLE', MESSAGES.daemonOtherConnection(differs.daemon, differs.command));
    link = connection;
    linking = Promise.resolve(connection);
    log.info(started ? DIAGNOSTICS.daemonStarted : DIAGNOSTICS.daemonRunning);
    return connection;
  };

  const ctx: CommandContext = {
    args: parsed,
    io,
    out,
    api: async () => (await open()).api,
    concurrency: async () => (await open()).concurrency,
    registryConfigured: async () => (await open()).registryAuth === true,
    target: async () => {
      const { root, auth } = await open();
      return { root, auth };
    },
    log,
    useDaemon,
    daemon,
    startDaemon,
    system: parts.system,
  };
  return {
    ctx,
    async close() {
      await Promise.all([handle?.close().catch(() => undefined), link?.close().catch(() => undefined)]);
    },
  };
}
