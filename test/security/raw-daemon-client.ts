// A bare protocol client for security tests: the frames as raw text (sizes are what is asserted),
// requests by id, and the close; it trusts nothing it receives.
import WebSocket from 'ws';
import { MAX_DAEMON_FRAME_BYTES, PROTOCOL_VERSION } from '../../src/protocol/version.js';

/** An answered request: the response frame's text and its parsed form. */
export interface RawAnswer {
  text: string;
  frame: { type: 'response'; id: string; ok: boolean; result?: any; error?: { code: string; message: string } };
}

/** A welcomed connection to a daemon. */
export interface RawDaemonClient {
  ws: WebSocket;
  /** Every frame received, as text, the welcome first. */
  texts: string[];
  welcome: string;
  /** Resolves with the close code once the socket closed. */
  closed: Promise<number>;
  call(method: string, params?: unknown, timeoutMs?: number): Promise<RawAnswer>;
  close(): Promise<void>;
}

/** The URL of a daemon's Unix socket. */
export function socketUrl(socketPath: string): string {
  return `ws+unix://${socketPath}:/`;
}

/**
 * Connects, says hello as `name` and resolves after the welcome; rejects when the socket closes
 * first. It speaks the daemon's protocol version (read from a refusal), so a test run against an
 * older build (SKAHA_TUI_TEST_BIN) fails on the behaviour it checks, not on the handshake.
 */
export async function openRawDaemonClient(socketPath: string, name: string, timeoutMs = 20_000): Promise<RawDaemonClient> {
  try {
    return await connectSpeaking(socketPath, name, PROTOCOL_VERSION, timeoutMs);
  } catch (error) {
    const theirs = (error as { daemonProtocol?: number }).daemonProtocol;
    if (theirs === undefined || theirs === PROTOCOL_VERSION) throw error;
    return connectSpeaking(socketPath, name, theirs, timeoutMs);
  }
}

async function connectSpeaking(socketPath: string, name: string, protocol: number, timeoutMs: number): Promise<RawDaemonClient> {
  const ws = new WebSocket(socketUrl(socketPath), { maxPayload: MAX_DAEMON_FRAME_BYTES, perMessageDeflate: false });
  const texts: string[] = [];
  const waiters = new Set<(text: string) => void>();
  ws.on('message', (data: Buffer) => {
    const text = data.toString();
    texts.push(text);
    for (const waiter of [...waiters]) waiter(text);
  });
  ws.on('error', () => undefined);
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  const next = (match: (text: string) => boolean, ms: number) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`no matching frame within ${ms} ms`)), ms);
      const waiter = (text: string) => match(text) && finish(null, text);
      const finish = (error: Error | null, text?: string) => {
        clearTimeout(timer);
        waiters.delete(waiter);
        if (error) reject(error);
        else resolve(text!);
      };
      waiters.add(waiter);
      void closed.then((code) => finish(new Error(`the daemon closed the socket (${code}) first`)));
    });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const first = next((text) => text.startsWith('{"type":"welcome"') || text.startsWith('{"type":"refused"'), timeoutMs);
  ws.send(JSON.stringify({ type: 'hello', protocol, client: name }));
  const welcome = await first;
  if (welcome.startsWith('{"type":"refused"')) {
    ws.terminate();
    throw Object.assign(new Error(`refused: ${welcome.slice(0, 300)}`), { daemonProtocol: JSON.parse(welcome).protocol as number });
  }
  let ids = 0;
  return {
    ws,
    texts,
    welcome,
    closed,
    async call(method, params = {}, ms = 20_000) {
      const id = `r${++ids}`;
      const answer = next((text) => text.startsWith('{"type":"response"') && JSON.parse(text).id === id, ms);
      ws.send(JSON.stringify({ type: 'request', id, method, params }));
      const text = await answer;
      return { text, frame: JSON.parse(text) };
    },
    async close() {
      if (ws.readyState === WebSocket.OPEN) ws.close(1000);
      await Promise.race([closed, new Promise((r) => setTimeout(r, 1_000))]);
      ws.terminate();
    },
  };
}
