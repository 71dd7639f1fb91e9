// Light websocket clients for flood tests: a counter that keeps only what it needs from each frame
// (topic, time, session ids), and a probe that times one welcome.
import WebSocket from 'ws';
import { MAX_DAEMON_FRAME_BYTES, PROTOCOL_VERSION } from '../../src/protocol/version.js';

/** One frame as the counter saw it. */
export interface SeenFrame {
  /** `welcome`, `response`, … or the event topic. */
  topic: string;
  /** performance.now() when it arrived. */
  at: number;
  /** For a state:patch: how many sessions it set and deleted. */
  set?: number;
  del?: number;
}

type Json = Record<string, unknown>;

/** A client that says hello (without histories) and counts every frame, mirroring only the session ids. */
export class FrameCounter {
  readonly frames: SeenFrame[] = [];
  readonly ids = new Set<string>();
  private waiters: Array<() => void> = [];

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => this.seen(JSON.parse((data as Buffer).toString()) as Json));
    ws.on('error', () => undefined);
  }

  /** Connects to the daemon socket and waits for the welcome. */
  static async open(socketPath: string): Promise<FrameCounter> {
    const ws = new WebSocket(`ws+unix://${socketPath}:/`, { maxPayload: MAX_DAEMON_FRAME_BYTES });
    const counter = new FrameCounter(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    ws.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION, client: 'frame-counter', histories: false }));
    await counter.until(() => counter.frames.some((f) => f.topic === 'welcome'), 10_000, 'the welcome');
    return counter;
  }

  /** Resolves once `predicate` holds (checked on each frame); rejects after `timeoutMs`. */
  until(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`no ${what} within ${timeoutMs} ms (${this.frames.length} frames, ${this.ids.size} sessions)`));
      }, timeoutMs);
      const check = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve();
      };
      this.waiters.push(check);
    });
  }

  /** Frames that arrived from index `from` on, counted by topic. */
  topics(from = 0): Record<string, number> {
    const out: Record<string, number> = {};
    for (const f of this.frames.slice(from)) out[f.topic] = (out[f.topic] ?? 0) + 1;
    return out;
  }

  /** Closes the socket. */
  close(): void {
    this.ws.close();
  }

  private seen(frame: Json): void {
    const topic = frame.type === 'event' ? String(frame.topic) : String(frame.type);
    const seen: SeenFrame = { topic, at: performance.now() };
    if (frame.type === 'welcome') {
      this.ids.clear();
      for (const id of Object.keys((frame.snapshot as Json).sessions as Json)) this.ids.add(id);
    }
    if (topic === 'state:patch') {
      const sessions = ((frame.data as Json).sessions ?? {}) as { set?: Json; del?: string[] };
      const set = Object.keys(sessions.set ?? {});
      for (const id of set) this.ids.add(id);
      for (const id of sessions.del ?? []) this.ids.delete(id);
      seen.set = set.length;
      seen.del = sessions.del?.length ?? 0;
    }
    this.frames.push(seen);
    for (const waiter of [...this.waiters]) waiter();
  }
}

/** Milliseconds from connecting to the daemon socket to its welcome (hello without histories, as the CLI says it). */
export async function welcomeLatency(socketPath: string, timeoutMs = 60_000): Promise<number> {
  const started = performance.now();
  const ws = new WebSocket(`ws+unix://${socketPath}:/`, { maxPayload: MAX_DAEMON_FRAME_BYTES });
  ws.on('error', () => undefined);
  try {
    return await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no welcome within ${timeoutMs} ms`)), timeoutMs);
      ws.once('open', () => ws.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION, client: 'welcome-probe', histories: false })));
      ws.once('message', () => {
        clearTimeout(timer);
        resolve(performance.now() - started);
      });
      ws.once('close', () => reject(new Error('closed before the welcome')));
    });
  } finally {
    ws.terminate();
  }
}
