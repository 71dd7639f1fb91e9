import WebSocket from 'ws';
import type { DaemonState } from '../../src/state/state.js';
import { applyPatch } from '../../src/protocol/apply-patch.js';
import { applyHistoryResult, type HistoryResult } from '../../src/protocol/history-result.js';
import { reviveState } from '../../src/state/revive.js';
import type { DaemonFrame } from '../../src/protocol/codec.js';
import type { EventTopic, TopicData } from '../../src/protocol/topics.js';
import type { RequestMethod, RequestParams, RequestResults } from '../../src/protocol/requests.js';
import type { ResponseFrame } from '../../src/protocol/messages/response.js';
import { MAX_DAEMON_FRAME_BYTES, PROTOCOL_VERSION } from '../../src/protocol/version.js';

/** Where and how a test client connects. */
export interface TestClientOptions {
  /** Unix socket path, or a `ws://` URL for TCP. */
  target: string;
  headers?: Record<string, string>;
  /** Send hello at once and wait for the welcome (default true). */
  hello?: boolean;
  protocol?: number;
  name?: string;
}

/** A raw websocket client for daemon tests: records every frame, mirrors the state, waits with bounds. */
export class TestClient {
  /** Every frame received, parsed, in order. */
  readonly frames: DaemonFrame[] = [];
  /** Every frame received, as raw text (for secret greps). */
  readonly texts: string[] = [];
  /** The state mirrored from welcome + patches + snapshots. */
  state: DaemonState | null = null;
  /** Resolves with the close code and reason. */
  readonly closed: Promise<{ code: number; reason: string }>;
  private nextId = 1;
  private listeners = new Set<() => void>();
  /** Ids of `history` requests in flight: their results go into the mirrored state as they arrive. */
  private readonly historyIds = new Set<string>();

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = (data as Buffer).toString();
      this.texts.push(text);
      const frame = JSON.parse(text) as DaemonFrame;
      this.frames.push(frame);
      if (frame.type === 'welcome') this.state = reviveState(frame.snapshot);
      if (frame.type === 'event' && frame.topic === 'state:snapshot') this.state = reviveState(frame.data);
      if (frame.type === 'event' && frame.topic === 'state:patch' && this.state) this.state = applyPatch(this.state, frame.data, { heldUsageOnly: true });
      if (frame.type === 'response' && this.historyIds.delete(frame.id) && frame.ok && this.state)
        this.state = applyHistoryResult(this.state, frame.result as HistoryResult);
      for (const listener of [...this.listeners]) listener();
    });
    ws.on('error', () => undefined);
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  /** Opens a connection (and, by default, says hello and waits for the welcome). */
  static async open(options: TestClientOptions): Promise<TestClient> {
    const url = options.target.startsWith('ws://') ? options.target : `ws+unix://${options.target}:/`;
    const ws = new WebSocket(url, { headers: options.headers, maxPayload: MAX_DAEMON_FRAME_BYTES });
    const client = new TestClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode })));
    });
    if (options.hello !== false) {
      client.sendJson({ type: 'hello', protocol: options.protocol ?? PROTOCOL_VERSION, client: options.name ?? 'test' });
      await client.waitFor((f) => f.type === 'welcome' || f.type === 'refused');
    }
    return client;
  }

  /** Sends a value as JSON text. */
  sendJson(value: unknown): void {
    this.ws.send(JSON.stringify(value));
  }

  /** Sends a request and resolves with its response frame. */
  async request<M extends RequestMethod>(method: M, params: RequestParams[M] | Record<string, unknown> = {}, timeoutMs = 10_000): Promise<ResponseFrame> {
    const id = `t${this.nextId++}`;
    if (method === 'history') this.historyIds.add(id);
    this.sendJson({ type: 'request', id, method, params });
    return (await this.waitFor((f) => f.type === 'response' && f.id === id, timeoutMs)) as ResponseFrame;
  }

  /** Sends a request and resolves with its result; rejects with the error's code and message. */
  async call<M extends RequestMethod>(method: M, params: RequestParams[M] | Record<string, unknown> = {}, timeoutMs = 10_000): Promise<RequestResults[M]> {
    const response = await this.request(method, params, timeoutMs);
    if (response.ok) return response.result as RequestResults[M];
    throw Object.assign(new Error(`${response.error.code}: ${response.error.message}`), { code: response.error.code });
  }

  /** Resolves with the first frame (from index `from`) matching `predicate`; rejects after `timeoutMs`. */
  waitFor(predicate: (frame: DaemonFrame) => boolean, timeoutMs = 10_000, from = 0): Promise<DaemonFrame> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.frames.slice(from).find(predicate);
        if (!found) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching frame within ${timeoutMs} ms (got ${this.frames.length} frames)`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const listener = () => void check();
      this.listeners.add(listener);
      check();
    });
  }

  /** Waits for an event of `topic` whose data matches `predicate`; resolves with the data. */
  async waitForEvent<T extends EventTopic>(
    topic: T,
    predicate: (data: TopicData[T]) => boolean = () => true,
    timeoutMs = 10_000,
    from = 0,
  ): Promise<TopicData[T]> {
    const frame = await this.waitFor((f) => f.type === 'event' && f.topic === topic && predicate(f.data as TopicData[T]), timeoutMs, from);
    return (frame as unknown as { data: TopicData[T] }).data;
  }

  /** Waits until the mirrored state matches `predicate`. */
  async waitForState(predicate: (state: DaemonState) => boolean, timeoutMs = 10_000): Promise<DaemonState> {
    await this.waitFor(() => this.state !== null && predicate(this.state), timeoutMs);
    return this.state!;
  }

  /** Events received so far of one topic. */
  events<T extends EventTopic>(topic: T): TopicData[T][] {
    return this.frames.filter((f) => f.type === 'event' && f.topic === topic).map((f) => (f as unknown as { data: TopicData[T] }).data);
  }

  /** Closes the socket and waits for the close. */
  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close(1000);
    await this.closed;
  }
}
