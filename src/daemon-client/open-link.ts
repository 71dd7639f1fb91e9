import WebSocket from 'ws';
import { AppError, errorFromJSON } from '../domain/errors.js';
import type { Clock, TimerHandle } from '../ports/clock.js';
import { decode, encode, isFrameError } from '../protocol/codec.js';
import { makeHello } from '../protocol/messages/hello.js';
import type { RefusedFrame } from '../protocol/messages/refused.js';
import { CLOSE_CODES, MAX_DAEMON_FRAME_BYTES, PROTOCOL_VERSION } from '../protocol/version.js';
import { CLIENT_TEXT } from './client-text.js';
import { DaemonLink, type LinkHandlers } from './daemon-link.js';
import { daemonTarget, type DaemonAddress, type DaemonTarget } from './daemon-target.js';
import { assertTrustedSocket } from './socket-trust.js';

/** How to open a link: the address, a name for the daemon's logs, timeouts and the clock for them. */
export interface LinkOptions extends DaemonAddress {
  clientName: string;
  /** Bound on opening the socket (short: a missing daemon must fail fast). */
  connectTimeoutMs: number;
  /** Bound on the welcome after hello, and the default bound on each request. */
  requestTimeoutMs: number;
  clock: Clock;
}

/**
 * Opens the websocket, sends hello and resolves with the welcomed link. Rejects with DAEMON_UNAVAILABLE
 * (no daemon, stale socket, refused connection, timeout), DAEMON_PROTOCOL_ERROR (refused hello, bad frames),
 * or DAEMON_UNTRUSTED (a socket another user could own; nothing is sent).
 */
export function openLink(options: LinkOptions, handlers: LinkHandlers = {}): Promise<DaemonLink> {
  let target: DaemonTarget;
  try {
    target = daemonTarget(options);
    if (options.socketPath && !options.tcp) assertTrustedSocket(options.socketPath);
  } catch (error) {
    return Promise.reject(error);
  }
  const { clock } = options;
  return new Promise((resolve, reject) => {
    let link: DaemonLink | null = null;
    let settled = false;
    let timer: TimerHandle | null = null;
    const arm = (ms: number, error: () => AppError) => {
      if (timer !== null) clock.clearTimeout(timer);
      timer = clock.setTimeout(() => fail(error()), ms);
    };
    const fail = (error: AppError) => {
      if (settled) return;
      settled = true;
      if (timer !== null) clock.clearTimeout(timer);
      ws.terminate();
      reject(error);
    };
    const ws = new WebSocket(target.url, { ...target.wsOptions, handshakeTimeout: options.connectTimeoutMs });
    arm(options.connectTimeoutMs, () => new AppError('DAEMON_UNAVAILABLE', CLIENT_TEXT.connectTimeout(target.where, options.connectTimeoutMs)));

    // Handlers go on before 'open': the daemon may answer in the same tick.
    ws.on('message', (data: WebSocket.RawData) => {
      const frame = decode(toBytes(data), MAX_DAEMON_FRAME_BYTES);
      if (link) return link.receive(frame);
      if (settled) return;
      if (isFrameError(frame)) return fail(new AppError('DAEMON_PROTOCOL_ERROR', CLIENT_TEXT.badFrame(frame.message)));
      if (frame.type === 'refused') return fail(refusedError(frame));
      if (frame.type !== 'welcome') return fail(new AppError('DAEMON_PROTOCOL_ERROR', CLIENT_TEXT.unexpectedFrame(frame.type)));
      if (frame.protocol !== PROTOCOL_VERSION) {
        return fail(new AppError('DAEMON_PROTOCOL_ERROR', CLIENT_TEXT.versionMismatch(PROTOCOL_VERSION, frame.protocol)));
      }
      settled = true;
      if (timer !== null) clock.clearTimeout(timer);
      link = new DaemonLink(ws, frame, clock, options.requestTimeoutMs, handlers);
      handlers.onOpen?.(link);
      resolve(link);
    });
    ws.on('open', () => {
      arm(options.requestTimeoutMs, () => new AppError('DAEMON_UNAVAILABLE', CLIENT_TEXT.welcomeTimeout(target.where, options.requestTimeoutMs)));
      ws.send(encode(makeHello(options.clientName)));
    });
    ws.on('unexpected-response', (_request, response) => {
      response.resume();
      fail(new AppError('DAEMON_UNAVAILABLE', CLIENT_TEXT.rejected(target.where, response.statusCode ?? 0)));
    });
    // After the welcome an error is always followed by 'close', which the link handles.
    ws.on('error', (error: NodeJS.ErrnoException) => fail(socketError(error, target)));
    ws.on('close', (code: number, reason: Buffer) => {
      if (link) return link.closed(code, reason.toString());
      if (code === CLOSE_CODES.versionMismatch) {
        return fail(new AppError('DAEMON_PROTOCOL_ERROR', CLIENT_TEXT.versionMismatch(PROTOCOL_VERSION, null)));
      }
      fail(new AppError('DAEMON_UNAVAILABLE', CLIENT_TEXT.closedBeforeWelcome(target.where, code)));
    });
  });
}

/** The refusal as an error; a version mismatch always says how to fix it. */
function refusedError(frame: RefusedFrame): AppError {
  const error = errorFromJSON(frame.error);
  if (frame.protocol === PROTOCOL_VERSION || error.message.includes('daemon restart')) return error;
  return new AppError(error.code, `${error.message}${CLIENT_TEXT.restartHint}`);
}

function socketError(error: NodeJS.ErrnoException, target: DaemonTarget): AppError {
  const details = { cause: error };
  if (target.kind === 'unix' && error.code === 'ENOENT') return new AppError('DAEMON_UNAVAILABLE', CLIENT_TEXT.noSocket(target.where), details);
  if (target.kind === 'unix' && error.code === 'ECONNREFUSED') return new AppError('DAEMON_UNAVAILABLE', CLIENT_TEXT.staleSocket(target.where), details);
  if (error.code === 'EACCES' || error.code === 'EPERM') return new AppError('DAEMON_UNAVAILABLE', CLIENT_TEXT.socketDenied(target.where), details);
  if (error.code === 'ECONNREFUSED') return new AppError('DAEMON_UNAVAILABLE', CLIENT_TEXT.tcpRefused(target.where), details);
  return new AppError('DAEMON_UNAVAILABLE', CLIENT_TEXT.unreachable(target.where, error.message), details);
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}
