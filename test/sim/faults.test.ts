import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { NOTEBOOK, startTestSim, type TestSim } from './sim-helpers.js';

let t: TestSim;
afterEach(async () => t?.close());

/** Yields to the event loop until `done()` holds (no timers involved). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
  if (!done()) throw new Error('condition never became true');
}

/** A raw GET that reports the socket error code, if any. */
function rawGet(url: string, token: string): Promise<{ status?: number; error?: string }> {
  return new Promise((resolve) => {
    const req = httpRequest(url, { headers: { Authorization: `Bearer ${token}` } }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve({ status: res.statusCode }));
      res.on('error', (e: NodeJS.ErrnoException) => resolve({ status: res.statusCode, error: e.code ?? e.message }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.end();
  });
}

describe('faults', () => {
  test('latency holds the answer until the injected clock moves', async () => {
    t = await startTestSim({ faults: { latencyMs: 2000 } });
    let settled = false;
    const pending = t.get('/session').then((a) => {
      settled = true;
      return a;
    });
    await until(() => t.clock.pending() === 1);
    t.clock.advance(1999);
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    t.clock.advance(1);
    expect((await pending).status).toBe(200);
  });

  test('an error status per endpoint: exact key or group, most specific wins', async () => {
    t = await startTestSim({ faults: { status: { session: 500, 'session.stats': 503, image: 403 } } });
    expect(await t.get('/session')).toMatchObject({ status: 500, text: 'unexpected exception: java.lang.RuntimeException: simulated fault\n' });
    const stats = await t.get('/session?view=stats');
    expect(stats.status).toBe(503);
    expect(stats.headers.get('retry-after')).toBe('30');
    expect(await t.get('/image')).toMatchObject({ status: 403, text: 'Not authorized to use the skaha system\n' });
    expect((await t.get('/context')).status).toBe(200);
    t.sim.clearFaults();
    expect((await t.get('/session')).status).toBe(200);
  });

  test('statsUnavailable: view=stats answers 503, the rest works', async () => {
    t = await startTestSim({ faults: { statsUnavailable: true } });
    expect(await t.get('/session?view=stats')).toMatchObject({ status: 503, text: 'Platform statistics unavailable\n' });
    expect((await t.get('/session')).status).toBe(200);
  });

  test('expiredToken: every token gets 401', async () => {
    t = await startTestSim();
    t.sim.setFaults({ expiredToken: true });
    expect(await t.get('/session')).toMatchObject({ status: 401, text: 'Unauthorized\n' });
    expect((await t.get('/context', t.sim.tokens.bob)).status).toBe(401);
  });

  test('hang never answers while other requests still do; the client gives up', async () => {
    t = await startTestSim({ faults: { hang: ['session.logs'] } });
    const abort = new AbortController();
    let answered = false;
    const res = fetch(`${t.sim.apiUrl}/session/abc?view=logs`, {
      headers: { Authorization: `Bearer ${t.sim.token}` },
      signal: abort.signal,
    }).then(() => {
      answered = true;
    });
    await until(() => t.sim.requestCount('session.logs') === 1);
    expect((await t.get('/session/abc')).status).toBe(404);
    expect(answered).toBe(false);
    abort.abort();
    await expect(res).rejects.toThrow(/abort/i);
  });

  test('hung requests are dropped by close()', async () => {
    t = await startTestSim({ faults: { hang: ['*'] } });
    const res = fetch(`${t.sim.apiUrl}/session`, { headers: { Authorization: `Bearer ${t.sim.token}` } });
    await until(() => t.sim.requestCount() === 1);
    await t.sim.close();
    await expect(res).rejects.toThrow();
  });

  test('reset drops the connection with ECONNRESET', async () => {
    t = await startTestSim({ faults: { reset: ['session.list'] } });
    expect(await rawGet(`${t.sim.apiUrl}/session`, t.sim.token)).toEqual({ error: 'ECONNRESET' });
  });

  test('malformed: a complete 200 whose JSON does not parse', async () => {
    t = await startTestSim({ faults: { malformed: ['session'] } });
    await t.create(`name=nb&image=${encodeURIComponent(NOTEBOOK)}&type=notebook`);
    const res = await t.get('/session');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/json');
    expect(() => JSON.parse(res.text)).toThrow();
  });

  test('truncated: the body stops before its Content-Length', async () => {
    t = await startTestSim({ faults: { truncated: ['context'] } });
    const res = await fetch(`${t.sim.apiUrl}/context`, { headers: { Authorization: `Bearer ${t.sim.token}` } });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  test('huge: a chunked body of the configured size', async () => {
    t = await startTestSim({ faults: { huge: ['session.list'], hugeBytes: 3_000_000 } });
    const res = await fetch(`${t.sim.apiUrl}/session`, { headers: { Authorization: `Bearer ${t.sim.token}` } });
    expect(res.headers.get('content-length')).toBeNull();
    const body = await res.arrayBuffer();
    expect(body.byteLength).toBe(3_000_000);
  });

  test('flaky faults follow the seed', async () => {
    const run = async (): Promise<number[]> => {
      const sim = await startTestSim({ seed: 7, faults: { flakyRate: 0.5, flakyStatus: 502 } });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await sim.get('/context')).status);
      await sim.close();
      return statuses;
    };
    const a = await run();
    expect(a).toEqual(await run());
    expect(new Set(a)).toEqual(new Set([200, 502]));
  });

  test('invalid faults are refused with the field named', async () => {
    t = await startTestSim();
    expect(() => t.sim.setFaults({ flakyRate: 2 })).toThrow(/flakyRate/);
    expect(() => t.sim.setFaults({ status: { session: 42 } })).toThrow(/status\.session/);
  });
});

describe('admin endpoint and request counts', () => {
  const admin = async (t: TestSim, method: string, path: string, body?: unknown, token: string | null = t.sim.adminToken) => {
    const res = await fetch(`${t.sim.adminUrl}${path}`, {
      method,
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  test('the admin API needs the admin token (user tokens do not work)', async () => {
    t = await startTestSim();
    expect((await admin(t, 'GET', '/faults', undefined, null)).status).toBe(401);
    expect((await admin(t, 'GET', '/faults', undefined, t.sim.token)).status).toBe(401);
    expect((await admin(t, 'GET', '/faults')).status).toBe(200);
  });

  test('faults PUT/PATCH/GET/DELETE change what /skaha answers', async () => {
    t = await startTestSim();
    expect((await admin(t, 'PUT', '/faults', { status: { context: 500 } })).body).toEqual({ status: { context: 500 } });
    expect((await t.get('/context')).status).toBe(500);
    await admin(t, 'PATCH', '/faults', { statsUnavailable: true });
    expect((await admin(t, 'GET', '/faults')).body).toEqual({ status: { context: 500 }, statsUnavailable: true });
    expect((await admin(t, 'PUT', '/faults', { nonsense: 1 })).body.error).toMatch(/^unknown fault: nonsense \(known: .*statsUnavailable/);
    await admin(t, 'DELETE', '/faults');
    expect((await t.get('/context')).status).toBe(200);
  });

  test('seed sessions, move the clock and read request counts through the admin API', async () => {
    t = await startTestSim();
    const seeded = await admin(t, 'POST', '/sessions', { kind: 'headless', name: 'rep', replicas: 3, status: 'Running', ageSeconds: 20 });
    expect(seeded.status).toBe(201);
    const ids = seeded.body.ids as string[];
    expect(ids).toHaveLength(3);
    expect((await t.json<Array<{ name: string }>>('/session')).map((s) => s.name)).toEqual(['rep-1', 'rep-2', 'rep-3']);
    await admin(t, 'POST', '/clock', { advanceMs: 2 * 3600_000 });
    expect(await t.json('/session')).toEqual([]);
    await t.get('/session?view=stats');
    const counts = await admin(t, 'GET', '/requests');
    expect(counts.body.counts).toEqual({ 'session.list': 2, 'session.stats': 1 });
    expect(t.sim.requestCount('session')).toBe(3);
    expect(t.sim.requestLog().map((r) => [r.endpoint, r.status, r.user])).toEqual([
      ['session.list', 200, 'alice'],
      ['session.list', 200, 'alice'],
      ['session.stats', 200, 'alice'],
    ]);
    expect(JSON.stringify(t.sim.requestLog())).not.toContain(t.sim.token);
    t.sim.resetRequests();
    expect(t.sim.requestCount()).toBe(0);
  });
});
