import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SkahaClient } from '../../src/client/skaha-client.js';
import { createConnection } from '../../src/config/create-connection.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});

describe('log snapshots as bytes', () => {
  it('hold the same bytes the text is decoded from: the kept tail with the marker line on top, or the whole small log', async () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `línea ${i} ${'.'.repeat(40)}`);
    server.route('GET', '/skaha/v1/session/abc12345', { body: `${lines.join('\n')}\n` });
    server.route('GET', '/skaha/v1/session/small123', { body: 'hello\nwörld\n' });
    const small = new SkahaClient(createConnection({ url: `${server.url}/skaha`, token: 't' }), { maxLogBytes: 64 * 1024 });
    try {
      const bytes = await small.getLogBytes('abc12345');
      const text = await small.getLogs('abc12345');
      expect(bytes.truncated).toBe(true);
      expect(bytes.text()).toBe(text.text);
      expect(bytes.text(0, 200)).toMatch(/^\[skaha-tui: log truncated - showing the last \d+ of \d+ bytes\]\nlínea \d+ \.{40}\n/);
      expect(bytes.length).toBe(Buffer.byteLength(text.text));
      const whole = await small.getLogBytes('small123');
      expect({ text: whole.text(), truncated: whole.truncated }).toEqual({ text: 'hello\nwörld\n', truncated: false });
    } finally {
      await small.close();
    }
  });
});
