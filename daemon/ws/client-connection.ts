import WebSocket, { type RawData } from 'ws';
import { AppError, toAppError } from '../../src/domain/errors.js';
import type { Clock, TimerHandle } from '../../src/ports/clock.js';
import type { Logger } from '../../src/ports/logger.js';
import { decode, encode, isFrameError, type DaemonFrame } from '../../src/protocol/codec.js';
import type { AnyRequest } from '../../src/protocol/messages/request.js';
import type { HelloFrame } from '../../src/protocol/messages/hello.js';
import type { WelcomeFrame } from '../../src/protocol/messages/welcome.js';
import { makeRefused } from '../../src/protocol/messages/refused.js';
import { errorResponse, okResponse, UNKNOWN_REQUEST_ID } from '../../src/protocol/messages/response.js';
import { CLOSE_CODES, PROTOCOL_VERSION } from '../../src/protocol/version.js';

/**
 * A client whose unsent data exceeds this (8 MiB) is too slow to keep up, or not reading at all,
 * and is dropped: every frame (welcome, responses, events) goes through this check.
 */
export const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/** What a client connection needs from the server around it. */
export interface ClientDeps {
  clock: Clock;
  logger: Logger;
  frameLimitBytes: number;
  helloTimeoutMs: number;
  welcome: () => WelcomeFrame;
  onRequest: (client: ClientConnection, request: AnyRequest) => Promise<unknown>;
  onReady: (client: ClientConnection) => void;
  onClose: (client: ClientConnection) => void;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

/**
 * One websocket client: waits for hello (refusing a wrong version with 4001, silence or an early
 * request with 4002), then answers each request with exactly one response. A bad frame gets an
 * error response; nothing a client sends can throw out of here.
 */
export class ClientConnection {
  /** The name the client gave in its hello. */
  name = '';
  private greeted = false;
  private alive = true;
  private helloTimer: TimerHandle | null;

  constructor(
    /** A daemon-unique id, used for log subscriptions. */
    readonly id: string,
    private readonly ws: WebSocket,
    private readonly deps: ClientDeps,
  ) {
    ws.on('error', (error) => deps.logger.debug('websocket client error', { client: id, error: error.message }));
    ws.on('message', (data) => this.onMessage(data));
    ws.on('pong', () => (this.alive = true));
    ws.on('close', (code) => {
      this.clearHelloTimer();
      deps.logger.debug('websocket client closed', { client: id, name: this.name, code });
      deps.onClose(this);
    });
    this.helloTimer = deps.clock.setTimeout(() => {
      this.helloTimer = null;
      this.refuse(CLOSE_CODES.noHello, `no hello within ${deps.helloTimeoutMs} ms — send {"type":"hello","protocol":${PROTOCOL_VERSION},"client":"…"} first`);
    }, deps.helloTimeoutMs);
  }

  /** Whether the client said hello and gets events. */
  get ready(): boolean {
    return this.greeted && this.ws.readyState === WebSocket.OPEN;
  }

  /** Sends one frame if the socket is open. */
  send(frame: DaemonFrame): void {
    this.sendText(encode(frame));
  }

  /** Sends an already-encoded frame (broadcasts encode once, to UTF-8 bytes too); drops a client that cannot keep up. */
  sendText(text: string | Buffer): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.deps.logger.warn('dropping a websocket client that does not read its frames', {
        client: this.id,
        name: this.name,
        unsentBytes: this.ws.bufferedAmount,
        limitBytes: MAX_BUFFERED_BYTES,
      });
      this.ws.terminate();
      return;
    }
    this.ws.send(text, { binary: false });
  }

  /** Closes the socket with a code (1001 at shutdown). */
  close(code: number, reason: string): void {
    this.clearHelloTimer();
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close(code, reason);
  }

  /** Drops the connection without a close handshake. */
  terminate(): void {
    this.ws.terminate();
  }

  /** Waits until the socket has closed (or `timeoutMs` passed, then terminates it). */
  closed(timeoutMs: number): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.ws.terminate();
        resolve();
      }, timeoutMs);
      this.ws.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** One heartbeat: a client that did not answer the previous ping is terminated, else pinged again. */
  heartbeat(): void {
    if (!this.alive) {
      this.deps.logger.info('dropping a websocket client that stopped answering pings', { client: this.id, name: this.name });
      this.ws.terminate();
      return;
    }
    this.alive = false;
    if (this.ws.readyState === WebSocket.OPEN) this.ws.ping();
  }

  private onMessage(data: RawData): void {
    try {
      this.handleFrame(data);
    } catch (error) {
      // Nothing a client sends may take the daemon down: a bug here costs one error response.
      const failure = toAppError(error);
      this.deps.logger.error('handling a websocket frame failed', { client: this.id, error: failure.message });
      this.send(errorResponse(UNKNOWN_REQUEST_ID, failure));
    }
  }

  private handleFrame(data: RawData): void {
    const frame = decode(toBytes(data), this.deps.frameLimitBytes);
    if (isFrameError(frame)) return this.send(errorResponse(frame.requestId ?? UNKNOWN_REQUEST_ID, frame));
    if (frame.type === 'hello') return this.onHello(frame);
    if (frame.type !== 'request') {
      return this.send(
        errorResponse(UNKNOWN_REQUEST_ID, new AppError('DAEMON_PROTOCOL_ERROR', `a client may send only hello and request frames, not ${frame.type}`)),
      );
    }
    if (!this.greeted) return this.refuse(CLOSE_CODES.noHello, `request "${frame.method}" sent before hello — send hello first`);
    void this.answer(frame);
  }

  private onHello(hello: HelloFrame): void {
    if (this.greeted) {
      return this.send(errorResponse(UNKNOWN_REQUEST_ID, new AppError('DAEMON_PROTOCOL_ERROR', 'hello was already received on this connection')));
    }
    if (hello.protocol !== PROTOCOL_VERSION) {
      const message = `client speaks protocol ${hello.protocol}, this daemon speaks ${PROTOCOL_VERSION}: restart the daemon (skaha-tui daemon restart) or update the client`;
      return this.refuse(CLOSE_CODES.versionMismatch, message);
    }
    this.clearHelloTimer();
    this.greeted = true;
    this.name = hello.client;
    this.deps.logger.debug('websocket client connected', { client: this.id, name: this.name });
    this.send(this.deps.welcome());
    this.deps.onReady(this);
  }

  private async answer(request: AnyRequest): Promise<void> {
    try {
      const result = await this.deps.onRequest(this, request);
      this.send(okResponse(request.id, result));
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'INTERNAL_ERROR') this.deps.logger.error(`request ${request.method} failed unexpectedly`, { error: appError.message });
      this.send(errorResponse(request.id, appError));
    }
  }

  private refuse(code: number, message: string): void {
    this.deps.logger.info('websocket client refused', { client: this.id, code, reason: message });
    this.send(makeRefused({ code: 'DAEMON_PROTOCOL_ERROR', message }));
    this.close(code, code === CLOSE_CODES.versionMismatch ? 'protocol version mismatch' : 'no hello');
  }

  private clearHelloTimer(): void {
    if (this.helloTimer !== null) this.deps.clock.clearTimeout(this.helloTimer);
    this.helloTimer = null;
  }
}
