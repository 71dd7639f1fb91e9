import { createServer, type Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { AppError } from '../../src/domain/errors.js';
import { decode, encode, isFrameError, type DaemonFrame } from '../../src/protocol/codec.js';
import { makeEvent } from '../../src/protocol/messages/event.js';
import { makeRefused } from '../../src/protocol/messages/refused.js';
import type { AnyRequest } from '../../src/protocol/messages/request.js';
import { errorResponse, okResponse } from '../../src/protocol/messages/response.js';
import { makeWelcome } from '../../src/protocol/messages/welcome.js';
import { makePatch } from '../../src/protocol/make-patch.js';
import type { RequestMethod } from '../../src/protocol/requests.js';
import type { EventTopic, TopicData } from '../../src/protocol/topics.js';
import { CLOSE_CODES, PROTOCOL_VERSION } from '../../src/protocol/version.js';
import { initialState, type DaemonState } from '../../src/state/state.js';
import { listenExclusive } from '../../daemon/instance/socket-lock.js';
import { ensurePrivateDir } from '../../daemon/instance/private-dir.js';
import { dirname } from 'node:path';

/** Answers one request: a result, a thrown AppError (error response), or NO_ANSWER. */
export type FakeHandler = (request: AnyRequest) => unknown;

/** Returned by a handler that wants the request left unanswered (timeout tests). */
export const NO_ANSWER = Symbol('no answer');

/** Options of startFakeDaemon. */
export interface FakeDaemonOptions {
  socketPath: string;
  state?: DaemonState;
  daemonVersion?: string;
  /** The protocol this fake speaks (default PROTOCOL_VERSION); another value refuses every hello with 4001. */
  protocol?: number;
  /** The refusal's message on a mismatch (default: the real daemon's wording). */
  refusedMessage?: string;
  handlers?: Partial<Record<RequestMethod, FakeHandler>>;
  /** Called after a `shutdown` request was answered and everything closed. */
  onShutdown?: () => void;
}

/** A small stand-in for the daemon: a real ws server on a Unix socket speaking the protocol through src/protocol. */
export interface FakeDaemon {
  readonly socketPath: string;
  state: DaemonState;
  /** Every request received, in order. */
  readonly requests: AnyRequest[];
  /** Client names from the hellos received. */
  readonly hellos: string[];
  /** Welcomed clients connected now. */
  clientCount(): number;
  /** Replaces the answer to a method. */
  handle(method: RequestMethod, handler: FakeHandler): void;
  /** Moves the state on and sends the patch, as the daemon does after a change. */
  setState(next: DaemonState): void;
  /** Sends a full state:snapshot event. */
  sendSnapshot(): void;
  /** Sends any event to every welcomed client. */
  emit<T extends EventTopic>(topic: T, data: TopicData[T]): void;
  /** Resolves with the next request for `method` (or one already received and not yet awaited). */
  nextRequest(method: RequestMethod): Promise<AnyRequest>;
  /** Closes every client with 1001 and stops listening (the socket file goes). */
  close(): Promise<void>;
  /** Drops every client without a close frame and stops listening, as a crash would (minus the stale file). */
  kill(): Promise<void>;
}

/** Starts a fake daemon on `options.socketPath` (a stale socket there is replaced, a live one is DAEMON_ALREADY_RUNNING). */
export async function startFakeDaemon(options: FakeDaemonOptions): Promise<FakeDaemon> {
  const protocol = options.protocol ?? PROTOCOL_VERSION;
  const server: Server = createServer((_req, res) => res.writeHead(426).end());
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  const welcomed = new Set<WebSocket>();
  const all = new Set<WebSocket>();
  const handlers = new Map<RequestMethod, FakeHandler>(Object.entries(options.handlers ?? {}) as [RequestMethod, FakeHandler][]);
  const waiters: Array<{ method: RequestMethod; resolve: (r: AnyRequest) => void }> = [];
  const unclaimed: AnyRequest[] = [];
  const send = (ws: WebSocket, frame: DaemonFrame) => ws.send(encode(frame));
  const broadcast = (frame: DaemonFrame) => welcomed.forEach((ws) => send(ws, frame));

  const fake: FakeDaemon = {
    socketPath: options.socketPath,
    state: options.state ?? initialState(),
    requests: [],
    hellos: [],
    clientCount: () => welcomed.size,
    handle: (method, handler) => void handlers.set(method, handler),
    setState(next) {
      const patch = makePatch(fake.state, next);
      fake.state = next;
      if (patch) broadcast(makeEvent('state:patch', patch));
    },
    sendSnapshot: () => broadcast(makeEvent('state:snapshot', fake.state)),
    emit: (topic, data) => broadcast(makeEvent(topic, data) as DaemonFrame),
    nextRequest(method) {
      const i = unclaimed.findIndex((r) => r.method === method);
      if (i >= 0) return Promise.resolve(unclaimed.splice(i, 1)[0]);
      return new Promise((resolve) => waiters.push({ method, resolve }));
    },
    async close() {
      for (const ws of all) ws.close(CLOSE_CODES.goingAway, 'daemon shutting down');
      await stop();
    },
    async kill() {
      for (const ws of all) ws.terminate();
      await stop();
    },
  };

  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });

  const answer = async (ws: WebSocket, request: AnyRequest) => {
    fake.requests.push(request);
    const w = waiters.findIndex((x) => x.method === request.method);
    if (w >= 0) waiters.splice(w, 1)[0].resolve(request);
    else unclaimed.push(request);
    const handler = handlers.get(request.method) ?? DEFAULTS[request.method];
    try {
      const result = handler ? await handler(request) : fake.state;
      if (result === NO_ANSWER) return;
      send(ws, okResponse(request.id, result));
      if (request.method === 'shutdown') {
        await fake.close();
        options.onShutdown?.();
      }
    } catch (error) {
      const e = error instanceof AppError ? error : new AppError('INTERNAL_ERROR', String(error));
      send(ws, errorResponse(request.id, e));
    }
  };

  server.on('upgrade', (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => {
      all.add(ws);
      ws.on('error', () => undefined);
      ws.on('close', () => {
        all.delete(ws);
        welcomed.delete(ws);
      });
      ws.on('message', (data: Buffer) => {
        const frame = decode(data);
        if (isFrameError(frame)) return send(ws, errorResponse(frame.requestId ?? '', frame));
        if (frame.type === 'hello') {
          fake.hellos.push(frame.client);
          if (frame.protocol !== protocol) {
            const message =
              options.refusedMessage ??
              `client speaks protocol ${frame.protocol}, this daemon speaks ${protocol}: restart the daemon (skaha-tui daemon restart) or update the client`;
            send(ws, { ...makeRefused({ code: 'DAEMON_PROTOCOL_ERROR', message }), protocol });
            return ws.close(CLOSE_CODES.versionMismatch);
          }
          welcomed.add(ws);
          return send(ws, makeWelcome(options.daemonVersion ?? '0.1.0-fake', fake.state));
        }
        if (frame.type === 'request' && welcomed.has(ws)) void answer(ws, frame);
      });
    }),
  );
  ensurePrivateDir(dirname(options.socketPath));
  await listenExclusive(server, options.socketPath);
  return fake;
}

const DEFAULTS: Partial<Record<RequestMethod, FakeHandler>> = {
  refresh: () => ({ polledAt: Date.now() }),
  shutdown: () => ({ stopping: true }),
};
