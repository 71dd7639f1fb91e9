import WebSocket from 'ws';
import { AppError, errorFromJSON } from '../domain/errors.js';
import type { Clock, TimerHandle } from '../ports/clock.js';
import type { DaemonState } from '../state/state.js';
import { reviveState } from '../state/revive.js';
import { applyPatch } from '../protocol/apply-patch.js';
import { applyHistoryResult, historyResultProblem, type HistoryResult } from '../protocol/history-result.js';
import { encode, type Frame, type FrameError } from '../protocol/codec.js';
import type { AnyEvent } from '../protocol/messages/event.js';
import { makeRequest, type AnyRequest } from '../protocol/messages/request.js';
import type { WelcomeFrame } from '../protocol/messages/welcome.js';
import type { ConnectionIdentity } from '../domain/connection-identity.js';
import type { RequestMethod, RequestParams, RequestResults } from '../protocol/requests.js';
import { CLIENT_TEXT } from './client-text.js';

/** What a DaemonLink reports to its owner; called synchronously from the socket's handlers. */
export interface LinkHandlers {
  /** The link is welcomed and usable; called before openLink resolves, so no frame is missed. */
  onOpen?(link: DaemonLink): void;
  /** The mirrored state changed. */
  onState?(state: DaemonState, reason: 'snapshot' | 'patch'): void;
  /** A pushed event, after the state was updated from it. */
  onEvent?(event: AnyEvent): void;
  /** The socket closed (for any reason, `close()` included); pending requests were rejected with `error`. */
  onClose?(error: AppError): void;
}

interface Pending {
  method: string;
  timer: TimerHandle;
  resolve(value: unknown): void;
  reject(error: AppError): void;
}

/**
 * One welcomed websocket to the daemon: requests by id with timeouts, pushed events, and the
 * mirrored state. The state holds the usage histories this link asked for with `history` (they are
 * put in place as the response arrives, in order with the patches) and keeps only those in step.
 */
export class DaemonLink {
  /** The daemon state as of the last snapshot or patch. */
  state: DaemonState;
  /** The daemon's package version from its welcome. */
  readonly daemonVersion: string;
  /** The server and credential the daemon uses, from its welcome (null while it has none). */
  readonly identity: ConnectionIdentity | null;
  private readonly pending = new Map<string, Pending>();
  private nextId = 1;
  private closeError: AppError | null = null;

  constructor(
    private readonly ws: WebSocket,
    welcome: WelcomeFrame,
    private readonly clock: Clock,
    private readonly requestTimeoutMs: number,
    private readonly handlers: LinkHandlers,
  ) {
    this.state = reviveState(welcome.snapshot);
    this.daemonVersion = welcome.daemonVersion;
    this.identity = welcome.identity;
  }

  /** Whether the socket is open. */
  get open(): boolean {
    return this.closeError === null && this.ws.readyState === WebSocket.OPEN;
  }

  /** Handles one decoded frame from the daemon (invalid frames are dropped: they cannot be answered). */
  receive(frame: Frame | FrameError): void {
    if (frame instanceof Error) return;
    if (frame.type === 'response') {
      const pending = this.pending.get(frame.id);
      if (!pending) return;
      this.pending.delete(frame.id);
      this.clock.clearTimeout(pending.timer);
      if (frame.ok && pending.method === 'history' && historyResultProblem(frame.result) === null) {
        this.state = applyHistoryResult(this.state, frame.result as HistoryResult);
        this.handlers.onState?.(this.state, 'patch');
      }
      if (frame.ok) pending.resolve(frame.result);
      else pending.reject(errorFromJSON(frame.error));
    } else if (frame.type === 'event') {
      if (frame.topic === 'state:patch') {
        this.state = applyPatch(this.state, frame.data, { heldUsageOnly: true });
        this.handlers.onState?.(this.state, 'patch');
      } else if (frame.topic === 'state:snapshot') {
        this.state = reviveState(frame.data);
        this.handlers.onState?.(this.state, 'snapshot');
      }
      this.handlers.onEvent?.(frame);
    }
  }

  /** Sends a request; rejects with the daemon's error, TIMEOUT, or DAEMON_UNAVAILABLE when the link is down. */
  request<M extends RequestMethod>(method: M, params: RequestParams[M], timeoutMs = this.requestTimeoutMs): Promise<RequestResults[M]> {
    if (!this.open) return Promise.reject(this.closeError ?? new AppError('DAEMON_UNAVAILABLE', CLIENT_TEXT.notConnected));
    const id = String(this.nextId++);
    return new Promise<RequestResults[M]>((resolve, reject) => {
      const timer = this.clock.setTimeout(() => {
        if (this.pending.delete(id)) reject(new AppError('TIMEOUT', CLIENT_TEXT.requestTimeout(method, timeoutMs)));
      }, timeoutMs);
      this.pending.set(id, { method, timer, resolve, reject });
      this.ws.send(encode(makeRequest(id, method, params) as AnyRequest), (error) => {
        if (error) this.settle(id, new AppError('DAEMON_UNAVAILABLE', CLIENT_TEXT.sendFailed(error.message), { cause: error }));
      });
    });
  }

  /** Called by the socket's close handler: rejects what is pending and tells the owner once. */
  closed(code: number, reason: string): void {
    if (this.closeError) return;
    this.closeError = new AppError('DAEMON_UNAVAILABLE', CLIENT_TEXT.connectionLost(code, reason));
    this.failAll(this.closeError);
  }

  /** Closes the socket normally (terminating it if the daemon does not answer within 1 s). */
  close(): Promise<void> {
    if (!this.closeError) {
      this.closeError = new AppError('DAEMON_UNAVAILABLE', CLIENT_TEXT.closedByClient);
      this.failAll(this.closeError);
    }
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.ws.terminate(), 1_000);
      this.ws.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      if (this.ws.readyState === WebSocket.OPEN) this.ws.close(1000);
    });
  }

  private settle(id: string, error: AppError): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    this.clock.clearTimeout(pending.timer);
    pending.reject(error);
  }

  private failAll(error: AppError): void {
    for (const id of [...this.pending.keys()]) this.settle(id, error);
    this.handlers.onClose?.(error);
  }
}
