import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseFrame } from '../../../src/protocol/messages/response.js';
import { startTestDaemon, type TestDaemon } from '../../helpers/start-daemon.js';
import { waitUntil } from '../../helpers/wait-until.js';
import { PROTOCOL_VERSION } from '../../../src/protocol/version.js';

const FRAME_LIMIT = 64 * 1024;
let t: TestDaemon;

beforeAll(async () => {
  t = await startTestDaemon({
    config: { frameLimitBytes: FRAME_LIMIT },
    extra: { timing: { helloTimeoutMs: 300, watchDebounceMs: 50, missingDirPollMs: 50 } },
  });
});
afterAll(async () => t?.cleanup());

/** A mix of broken frames: not JSON, not UTF-8, wrong shapes, unknown methods, bad and unknown params. */
function malformed(i: number): string | Buffer {
  const variants: Array<string | Buffer> = [
    `{"type":"request","id":"m${i}","method":"explode"}`,
    `{"type":"request","id":"m${i}","method":"delete","params":{"ids":[]}}`,
    `{"type":"request","id":"m${i}","method":"launch","params":{"name":"x","image":"y","kind":"notebook","replica":2}}`,
    `{"type":"request","id":"m${i}","method":"refresh","extra":1}`,
    'not json at all {',
    Buffer.from([0xff, 0xfe, 0x00, 0x80 + (i % 64)]),
    `[1,2,${i}]`,
    `${i}`,
    'null',
    `{"type":"bogus-${i}"}`,
    '{"type":"response","id":"x","ok":true,"result":1}',
    `{"type":"event","topic":"warning","data":{"code":"X","message":"${i}"}}`,
    `{"type":"request","id":"","method":"refresh"}`,
    `{"type":"request","id":"m${i}","method":"logs.subscribe","params":{"sessionId":${i}}}`,
    '{"__proto__":{"polluted":true},"type":"request","id":"p","method":"refresh"}',
    '['.repeat(5000) + ']'.repeat(5000),
  ];
  return variants[i % variants.length];
}

describe('websocket robustness', () => {
  it('answers thousands of malformed frames with error responses and stays up', async () => {
    const client = await t.client({ name: 'fuzzer' });
    const sent = 3_200;
    const start = client.frames.length;
    // In batches, so the daemon (in this same process) reads while the test writes.
    for (let i = 0; i < sent; i++) {
      client.ws.send(malformed(i));
      if (i % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
    }
    const responses = () => client.frames.slice(start).filter((f) => f.type === 'response') as ResponseFrame[];
    await waitUntil(() => responses().length >= sent, `${sent} error responses (got ${responses().length})`, 15_000);
    const all = responses();
    expect(all).toHaveLength(sent);
    expect(all.every((r) => !r.ok && r.error.code === 'DAEMON_PROTOCOL_ERROR')).toBe(true);
    expect(all.filter((r) => r.id === 'm0')).toHaveLength(1);
    const unknown = all.find((r) => r.id === 'm0');
    expect(!unknown!.ok && unknown!.error.message).toMatch(/request\.method "explode" is not one of/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await client.call('snapshot')).toHaveProperty('sessions');
  });

  it('closes a client that sends an oversize frame with 1009, and only that client', async () => {
    const bystander = await t.client({ name: 'bystander' });
    const closes = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const big = await t.client({ name: `big-${i}` });
        big.ws.send('x'.repeat(FRAME_LIMIT + 1 + i));
        return (await big.closed).code;
      }),
    );
    expect(new Set(closes)).toEqual(new Set([1009]));
    expect((await bystander.call('refresh')).polledAt).toBeTypeOf('number');
  });

  it('refuses a protocol version mismatch with 4001 and a message saying what to do', async () => {
    const client = await t.client({ protocol: 99 });
    const refused = client.frames.find((f) => f.type === 'refused');
    expect(refused).toMatchObject({ type: 'refused', protocol: PROTOCOL_VERSION, error: { code: 'DAEMON_PROTOCOL_ERROR' } });
    expect(JSON.stringify(refused)).toMatch(new RegExp(`protocol 99, this daemon speaks ${PROTOCOL_VERSION}: restart the daemon`));
    expect((await client.closed).code).toBe(4001);
  });

  it('refuses a request before hello, and silence, with 4002; a bad frame before hello is only answered', async () => {
    const early = await t.client({ hello: false });
    early.ws.send('garbage');
    await early.waitFor((f) => f.type === 'response');
    early.sendJson({ type: 'request', id: '1', method: 'snapshot' });
    expect((await early.closed).code).toBe(4002);
    expect(early.frames.some((f) => f.type === 'refused')).toBe(true);
    const silent = await t.client({ hello: false });
    expect((await silent.closed).code).toBe(4002);
  });

  it('terminates a peer that stops answering pings, and keeps one that answers', async () => {
    const beats = await startTestDaemon({ extra: { timing: { pingIntervalMs: 150, watchDebounceMs: 50, missingDirPollMs: 50 } } });
    try {
      const ws = new WebSocket(`ws+unix://${beats.paths.socketPath}:/`, { autoPong: false });
      ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION, client: 'dead' })));
      const live = await beats.client({ name: 'live' });
      const code = await new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
      expect(code).toBe(1006);
      // The live client has been through the same heartbeats (≥ 2) and is still connected.
      expect(live.ws.readyState).toBe(WebSocket.OPEN);
      expect(await live.call('snapshot')).toHaveProperty('health');
    } finally {
      await beats.cleanup();
    }
  });

  it('answers plain HTTP on the socket with 426 instead of hanging', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      request({ socketPath: t.paths.socketPath, path: '/' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(426);
  });

  it('survives raw garbage and broken upgrade requests on the socket', async () => {
    const { createConnection } = await import('node:net');
    const send = (text: string) =>
      new Promise<string>((resolve) => {
        const socket = createConnection(t.paths.socketPath);
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk.toString()));
        socket.on('error', () => resolve(answer));
        socket.on('close', () => resolve(answer));
        socket.end(text);
      });
    await send('\x00\x01garbage\r\n\r\n');
    expect(await send('GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    const client = await t.client({ name: 'after-garbage' });
    expect(await client.call('snapshot')).toHaveProperty('health');
  });
});
