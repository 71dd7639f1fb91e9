import util from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SkahaClient } from '../../src/client/skaha-client.js';
import { createConnection } from '../../src/config/create-connection.js';
import type { Logger } from '../../src/ports/logger.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';

const TOKEN = 'tok-SECRET-0123456789abcdef';
const REGISTRY_SECRET = 'reg-SECRET-fedcba9876543210';
let server: FixtureServer;
let client: SkahaClient;
const logLines: string[] = [];
const logger: Logger = {
  debug: (m, f) => void logLines.push(m + JSON.stringify(f ?? {})),
  info: (m, f) => void logLines.push(m + JSON.stringify(f ?? {})),
  warn: (m, f) => void logLines.push(m + JSON.stringify(f ?? {})),
  error: (m, f) => void logLines.push(m + JSON.stringify(f ?? {})),
};

beforeAll(async () => {
  server = await startFixtureServer();
  client = new SkahaClient(
    createConnection({ url: `${server.url}/skaha`, token: TOKEN, registryAuth: { username: 'ru', secret: REGISTRY_SECRET }, timeouts: { totalMs: 300 } }),
    { logger },
  );
});
afterEach(() => server.reset());
afterAll(async () => {
  await client.close();
  await server.close();
});

function assertClean(text: string): void {
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(REGISTRY_SECRET);
  expect(text).not.toContain(Buffer.from(`ru:${REGISTRY_SECRET}`).toString('base64'));
}

describe('no secret in errors, results or logs', () => {
  it('even when the server echoes the Authorization and registry headers back in an error body', async () => {
    const echo = (req: { headers: Record<string, unknown> }) => ({
      status: 400,
      body: `bad request from ${String(req.headers.authorization)} with ${String(req.headers['x-skaha-registry-auth'])} / ru:${REGISTRY_SECRET}\n`,
    });
    server.route('POST', '/skaha/v1/session', echo);
    server.route('GET', '/skaha/v1/session', echo);
    const results = await client.launch({
      name: 'x',
      image: 'images.canfar.net/private/img:1',
      kind: 'headless',
      replicas: 2,
      env: ['API_KEY=private-env-value'],
    });
    // Launch parameters travel in the query string; messages show the URL without them.
    expect(JSON.stringify(results)).not.toContain('private-env-value');
    expect(JSON.stringify(results)).toContain(`POST ${server.url}/skaha/v1/session: 400 Bad Request — `);
    const err = (await client.listSessions().catch((e: unknown) => e)) as Error & { serverText?: string };
    for (const view of [JSON.stringify(results), err.message, String(err.serverText), util.inspect(err), JSON.stringify(err)]) assertClean(view);
    expect(err.message).toContain('[redacted]');
  });

  it('across every error code the transport produces', async () => {
    const errors: unknown[] = [];
    for (const reply of [
      { status: 401, body: 'Unauthorized\n' },
      { status: 403, body: 'no\n' },
      { status: 503, body: 'x\n' },
      { status: 500, body: 'x\n' },
      { hang: true },
      { reset: true },
      { body: '{bad' },
    ]) {
      server.reset();
      server.route('GET', '/skaha/v1/session', reply);
      errors.push(await client.listSessions().catch((e: unknown) => e));
    }
    expect(errors.map((e) => (e as { code: string }).code)).toEqual([
      'SKAHA_UNAUTHORIZED',
      'SKAHA_FORBIDDEN',
      'SKAHA_UNAVAILABLE',
      'SKAHA_SERVER_ERROR',
      'TIMEOUT',
      'NETWORK_ERROR',
      'PROTOCOL_ERROR',
    ]);
    for (const e of errors) {
      assertClean((e as Error).message);
      assertClean(util.inspect(e, { depth: 5 }));
      assertClean(JSON.stringify(e));
    }
    for (const line of logLines) assertClean(line);
    expect(logLines.length).toBeGreaterThan(0);
  });

  it('the client object itself does not reveal secrets', () => {
    assertClean(util.inspect(client, { depth: Infinity }));
    assertClean(JSON.stringify(client));
  });
});
