import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SkahaClient } from '../../src/client/skaha-client.js';
import { createConnection } from '../../src/config/create-connection.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { rejectionOf } from '../helpers/rejection.js';

const MB = 1024 * 1024;
let server: FixtureServer;
let client: SkahaClient;

beforeAll(async () => {
  server = await startFixtureServer();
  client = new SkahaClient(createConnection({ url: `${server.url}/skaha`, token: 'bounded-token', timeouts: { totalMs: 15_000 } }));
});
afterEach(() => server.reset());
afterAll(async () => {
  await client.close();
  await server.close();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('bounded JSON bodies', () => {
  it('a streamed 100 MB answer → PROTOCOL_ERROR, and the client stops reading far before 100 MB', async () => {
    server.route('GET', '/skaha/v1/session', { stream: { totalBytes: 100 * MB } });
    const err = await rejectionOf(client.listSessions());
    expect(err.code).toBe('PROTOCOL_ERROR');
    expect(err.message).toMatch(/larger than 16777216 bytes/);
    await settle();
    // 16 MiB cap plus socket buffers; a client that read everything would let all 100 MB through.
    expect(server.streamedBytes).toBeGreaterThan(16 * MB);
    expect(server.streamedBytes).toBeLessThan(40 * MB);
  });

  it('a declared Content-Length over the cap is refused before reading', async () => {
    server.route('GET', '/skaha/v1/image', { stream: { totalBytes: 100 * MB, contentLength: true } });
    const err = await rejectionOf(client.listImages());
    expect(err.code).toBe('PROTOCOL_ERROR');
    await settle();
    expect(server.streamedBytes).toBeLessThan(20 * MB);
  });

  it('maxJsonBytes is configurable', async () => {
    const small = new SkahaClient(createConnection({ url: `${server.url}/skaha`, token: 't' }), { maxJsonBytes: 1024 });
    server.route('GET', '/skaha/v1/context', { json: { pad: 'x'.repeat(2048) } });
    expect((await rejectionOf(small.getContext())).code).toBe('PROTOCOL_ERROR');
    await small.close();
  });
});

describe('bounded logs keep the tail', () => {
  it('keeps the last bytes, starting at a whole line, with a marker line on top', async () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `line ${i} ${'.'.repeat(40)}`);
    server.route('GET', '/skaha/v1/session/abc12345', { body: `${lines.join('\n')}\n` });
    const small = new SkahaClient(createConnection({ url: `${server.url}/skaha`, token: 't' }), { maxLogBytes: 64 * 1024 });
    const logs = await small.getLogs('abc12345');
    await small.close();
    expect(logs.truncated).toBe(true);
    const [marker, firstKept, ...rest] = logs.text.split('\n');
    expect(marker).toMatch(/^\[skaha-tui: log truncated - showing the last \d+ of \d+ bytes\]$/);
    expect(firstKept).toMatch(/^line \d+ \.{40}$/);
    expect(rest.at(-2)).toBe(lines.at(-1));
    expect(Buffer.byteLength(logs.text)).toBeLessThanOrEqual(64 * 1024 + marker.length + 1);
  });

  it('a small log is returned whole and not marked', async () => {
    server.route('GET', '/skaha/v1/session/abc12345', { body: 'hello\nworld\n' });
    expect(await client.getLogs('abc12345')).toEqual({ text: 'hello\nworld\n', truncated: false });
  });

  it('a 30 MB streamed log stays within the cap', async () => {
    server.route('GET', '/skaha/v1/session/big12345', { stream: { totalBytes: 30 * MB, contentType: 'text/plain' } });
    const small = new SkahaClient(createConnection({ url: `${server.url}/skaha`, token: 't' }), { maxLogBytes: MB });
    const logs = await small.getLogs('big12345');
    await small.close();
    expect(logs.truncated).toBe(true);
    expect(logs.text.length).toBeLessThan(MB + 200);
    expect(logs.text).toMatch(/of 31457280 bytes\]/);
  });
});
