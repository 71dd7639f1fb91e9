import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SkahaClient } from '../../src/client/skaha-client.js';
import { createConnection } from '../../src/config/create-connection.js';
import { defineContractSuite, expectSession, type ContractBackend } from './contract-suite.js';
import { startFixtureBackend } from './fixture-backend.js';
import { definePlatformSuite } from './platform-suite.js';
import { defineAnswersSuite } from './answers-suite.js';

defineContractSuite('fixture server (real-shaped payloads)', startFixtureBackend);
definePlatformSuite('fixture server (real-shaped payloads)', startFixtureBackend);

describe('fixture backend: the real-shaped payloads parse as expected', () => {
  let backend: ContractBackend;
  let client: SkahaClient;
  beforeAll(async () => {
    backend = await startFixtureBackend();
    client = new SkahaClient(createConnection({ url: backend.baseUrl, token: backend.token }));
  });
  afterAll(async () => {
    await client.close();
    await backend.close();
  });

  it('legacy v0, no-seconds, flexible and 2022 sessions', async () => {
    const byId = new Map((await client.listSessions()).map((s) => [s.id, s]));
    [...byId.values()].forEach(expectSession);
    expect(byId.get('pud05npw')).toMatchObject({
      status: 'Succeeded',
      fixed: null,
      url: null,
      cpu: { requested: 1, used: null },
      ramGB: { requested: 1, used: null },
    });
    expect(byId.get('e37lmx4m')).toMatchObject({ startedAt: '2026-07-01T12:00:00Z', fixed: true, ramGB: { requested: 8.59, used: 1.23 } });
    expect(byId.get('gspc0n8m')).toMatchObject({ startedAt: null, expiresAt: null, fixed: false, cpu: { requested: null, used: null } });
    expect(byId.get('k2m9x8c4')).toMatchObject({ cpu: { requested: 2, used: 0.002 }, ramGB: { requested: 16, used: 0.094 }, gpus: { requested: null } });
  });

  it('events with <none> timestamps, stats with legacy instances, string maxInteractiveSessions, view=all', async () => {
    expect(await client.getEvents('e37lmx4m')).toEqual([
      {
        type: 'Normal',
        reason: 'Scheduled',
        message: 'Successfully assigned skaha-workload/x to node-3',
        firstTime: '2026-07-01T12:00:01Z',
        lastTime: '2026-07-01T12:00:01Z',
      },
      { type: 'Normal', reason: 'Pulling', message: 'Pulling image "images.canfar.net/skaha/astroml"', firstTime: null, lastTime: null },
    ]);
    expect(await client.getEvents('gspc0n8m')).toEqual([]);
    expect(await client.getStats()).toEqual({
      cpu: { allocated: 12.5, capacity: 64, maxPerSession: 8 },
      ramGB: { allocated: 137.439, capacity: 549.756, maxPerSession: 24 },
    });
    expect((await client.getContext()).maxInteractiveSessions).toBe(5);
    expect(await client.listAllSessions({ kind: 'notebook' })).toEqual(
      expect.arrayContaining([{ user: 'fixture', kind: 'notebook', status: 'Running', startedAt: '2026-07-01T12:00:00Z' }]),
    );
    expect(await client.getAvailability()).toEqual({ available: true, note: 'Skaha Service Available.' });
  });

  it('a 404 on events for an unknown id keeps the trailing period of the server text', async () => {
    await expect(client.getEvents('nope0000')).rejects.toMatchObject({ code: 'SKAHA_NOT_FOUND', serverText: 'session nope0000 not found.' });
  });
});

defineAnswersSuite('fixture server (real-shaped payloads)', (clock) => startFixtureBackend(clock));
