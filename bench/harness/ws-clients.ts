import WebSocket from 'ws';
import { MAX_DAEMON_FRAME_BYTES, PROTOCOL_VERSION } from '../../src/protocol/version.js';

/** One frame as a client received it: the monotonic arrival time (ns) and the raw text. */
export interface Arrival {
  hrNs: bigint;
  text: string;
}

/** A bare protocol client: says hello, records every frame with its arrival time, parses nothing. */
export interface RawClient {
  ws: WebSocket;
  arrivals: Arrival[];
  /** Sends a request frame; the answer lands in `arrivals` like everything else. */
  request(id: string, method: string, params?: unknown): void;
  /** Resolves with the first frame from now on whose text matches. */
  next(match: (text: string) => boolean, timeoutMs?: number): Promise<Arrival>;
  close(): Promise<void>;
}

function lazyArrival(hrNs: bigint, data: Buffer): Arrival {
  let text: string | null = null;
  return {
    hrNs,
    get text() {
      text ??= data.toString();
      return text;
    },
  };
}

/** How a raw client connects. */
export interface RawClientOptions {
  /** Say hello and wait for the welcome (false for a bare ws server). */
  hello: boolean;
  name?: string;
  /** Called as each frame arrives, before anything else looks at it. */
  onFrame?: (arrival: Arrival) => void;
}

/** The URL of a daemon (or any ws server) on a Unix socket. */
export function unixWsUrl(socketPath: string): string {
  return `ws+unix://${socketPath}:/`;
}

/** Opens a client; with `hello` it says hello and resolves once the welcome (or any first frame) came. */
export async function openRawClient(socketPath: string, options: RawClientOptions): Promise<RawClient> {
  const ws = new WebSocket(unixWsUrl(socketPath), { maxPayload: MAX_DAEMON_FRAME_BYTES, perMessageDeflate: false });
  const arrivals: Arrival[] = [];
  const waiters = new Set<(arrival: Arrival) => void>();
  ws.on('message', (data: Buffer) => {
    // The time first; the text is decoded only when something reads it, so a receiver of many clients stays light.
    const arrival = lazyArrival(process.hrtime.bigint(), data);
    arrivals.push(arrival);
    options.onFrame?.(arrival);
    if (waiters.size > 0) for (const waiter of [...waiters]) waiter(arrival);
  });
  ws.on('error', () => undefined);
  const next = (match: (text: string) => boolean, timeoutMs = 30_000) =>
    new Promise<Arrival>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error('timed out waiting for a frame'));
      }, timeoutMs);
      const waiter = (arrival: Arrival) => {
        if (!match(arrival.text)) return;
        waiters.delete(waiter);
        clearTimeout(timer);
        resolve(arrival);
      };
      waiters.add(waiter);
    });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  if (options.hello) {
    const welcome = next((text) => text.startsWith('{"type":"welcome"') || text.includes('"type":"welcome"'));
    ws.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION, client: options.name ?? 'bench' }));
    await welcome;
  }
  return {
    ws,
    arrivals,
    request: (id, method, params = {}) => ws.send(JSON.stringify({ type: 'request', id, method, params })),
    next,
    close: () =>
      new Promise<void>((resolve) => {
        if (ws.readyState === WebSocket.CLOSED) return resolve();
        ws.once('close', () => resolve());
        ws.close();
        setTimeout(() => {
          ws.terminate();
          resolve();
        }, 1_000).unref();
      }),
  };
}

/** Opens `count` clients, a few at a time. */
export async function openRawClients(socketPath: string, count: number, options: RawClientOptions): Promise<RawClient[]> {
  const clients: RawClient[] = [];
  while (clients.length < count) {
    const batch = Math.min(10, count - clients.length);
    clients.push(...(await Promise.all(Array.from({ length: batch }, () => openRawClient(socketPath, options)))));
  }
  return clients;
}

/** Closes every client. */
export async function closeAll(clients: readonly RawClient[]): Promise<void> {
  await Promise.all(clients.map((c) => c.close()));
}
