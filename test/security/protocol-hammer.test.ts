// Issue 9, no hammering of Skaha: however many local clients ask, and however often, the daemon
// sends Skaha at most one request per endpoint and id in flight, reuses fresh answers, and asks
// about sessions only when they are the user's.
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../helpers/fixture-server.js';
import { assertBuilt } from '../cli/spawn-cli.js';
import { securityHome, startDaemonProcess } from './daemon-process.js';
import { quietPolling, writeConfig } from './home-files.js';
import { startHostileSkaha, wireSession, type HostileSkaha } from './hostile-skaha.js';
import { openRawDaemonClient, type RawDaemonClient } from './raw-daemon-client.js';
import { useSecurityRig } from './security-rig.js';

const rig = useSecurityRig();
const clients: RawDaemonClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

const CONTEXT = {
  cores: { default: 2, defaultRequest: 1, defaultLimit: 8, options: [1, 2, 4, 8] },
  memoryGB: { default: 8, defaultRequest: 4, defaultLimit: 32, options: [1, 2, 4, 8, 16, 32] },
  gpus: { options: [] },
  maxInteractiveSessions: 3,
};

/** A daemon on a hostile Skaha whose answers are slow, with `count` clients attached once it read its catalogue. */
async function slowSkahaWithClients(count: number): Promise<{ skaha: HostileSkaha; lines: () => string[] }> {
  assertBuilt();
  const skaha = (rig.skaha = await startHostileSkaha());
  skaha.sessions.push(wireSession({ id: 'abcd1234', name: 'known' }));
  const authed = (reply: (req: RecordedRequest) => object) => (req: RecordedRequest) =>
    req.headers.authorization === `Bearer ${skaha.token}` ? { ...reply(req), delayMs: 300 } : { status: 401, body: 'no\n' };
  skaha.route(
    'GET',
    '/skaha/v1/context',
    authed(() => ({ json: CONTEXT })),
  );
  skaha.route(
    'GET',
    /^\/skaha\/v1\/session\/abcd1234$/,
    authed(() => ({ body: 'Type Reason Age From Message\nNormal Scheduled 1s default-scheduler ok\n' })),
  );
  const home = (rig.home = securityHome(skaha));
  writeConfig(home, quietPolling());
  rig.daemon = await startDaemonProcess(home, home.env());
  const socketPath = `${home.runtimeDir}/daemon.sock`;
  for (let i = 0; i < count; i++) clients.push(await openRawDaemonClient(socketPath, `security-hammer-${i}`));
  // The start-up reads (first poll, catalogue) are done before the burst is counted.
  const deadline = Date.now() + 15_000;
  while (!skaha.requestLines().some((l) => l.startsWith('GET /skaha/v1/context')) || !skaha.requestLines().some((l) => l.startsWith('GET /skaha/v1/image'))) {
    if (Date.now() > deadline) throw new Error(`the daemon never read its catalogue: ${skaha.requestLines().join(', ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 500));
  return { skaha, lines: () => skaha.requestLines() };
}

function countSince(lines: string[], from: number, prefix: string): number {
  return lines.slice(from).filter((l) => l.startsWith(prefix)).length;
}

describe('local clients cannot make the daemon hammer Skaha', { timeout: 60_000 }, () => {
  it('50 concurrent context, images, stats and events requests from 5 clients make at most one upstream request each', async () => {
    const { lines } = await slowSkahaWithClients(5);
    const before = lines().length;
    const burst = clients.flatMap((client) =>
      Array.from({ length: 10 }, () => [
        client.call('context'),
        client.call('images'),
        client.call('stats.history'),
        client.call('events', { sessionId: 'abcd1234' }),
      ]).flat(),
    );
    const answers = await Promise.all(burst);
    for (const { frame, text } of answers) expect(frame.ok, text.slice(0, 300)).toBe(true);
    expect(countSince(lines(), before, 'GET /skaha/v1/context')).toBeLessThanOrEqual(1);
    expect(countSince(lines(), before, 'GET /skaha/v1/image')).toBeLessThanOrEqual(1);
    expect(countSince(lines(), before, 'GET /skaha/v1/session?view=stats')).toBeLessThanOrEqual(1);
    expect(countSince(lines(), before, 'GET /skaha/v1/session/abcd1234?view=events')).toBeLessThanOrEqual(1);
  });

  it('logs.subscribe for an id the daemon does not hold makes one fresh session poll and is refused, fetching no log', async () => {
    const { skaha, lines } = await slowSkahaWithClients(3);
    // A slow listing keeps the one fresh poll in flight until every request has arrived, however loaded the machine.
    skaha.route('GET', '/skaha/v1/session', (req) => (req.query.get('view') === 'stats' ? { json: {} } : { json: skaha.sessions, delayMs: 2_000 }));
    const before = lines().length;
    const answers = await Promise.all(
      clients.flatMap((client) => [client.call('logs.subscribe', { sessionId: 'zzzz9999' }), client.call('logs.subscribe', { sessionId: 'yyyy8888' })]),
    );
    for (const { frame } of answers) {
      expect(frame.ok).toBe(false);
      expect(frame.error?.code).toBe('SKAHA_NOT_FOUND');
      expect(frame.error?.message).toMatch(/^no session [^:]+: it is not one of your sessions/);
    }
    expect(
      lines()
        .slice(before)
        .filter((l) => l === 'GET /skaha/v1/session'),
    ).toHaveLength(1);
    expect(
      lines()
        .slice(before)
        .filter((l) => /zzzz9999|yyyy8888/.test(l)),
    ).toEqual([]);
    // A session it does hold subscribes as before.
    expect((await clients[0].call('logs.subscribe', { sessionId: 'abcd1234' })).frame.ok).toBe(true);
  });

  it('a client refreshing in a loop polls Skaha at most once a second', async () => {
    const { skaha, lines } = await slowSkahaWithClients(1);
    const starts: number[] = [];
    skaha.route('GET', '/skaha/v1/session', (req) => {
      if (req.query.get('view') === 'stats') return { json: {} };
      starts.push(Date.now());
      return { json: skaha.sessions };
    });
    // A quiet second first, so the first refresh polls at once (the path that must not short-cut the later ones).
    await new Promise((r) => setTimeout(r, 1_100));
    const before = lines().length;
    for (let i = 0; i < 5; i++) expect((await clients[0].call('refresh')).frame.ok).toBe(true);
    expect(
      lines()
        .slice(before)
        .filter((l) => l === 'GET /skaha/v1/session'),
    ).toHaveLength(5);
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(900);
  });
});
