import { describe, expect, it } from 'vitest';
import { defineContractSuite } from './contract-suite.js';
import { startSimulator } from '../../src/sim/index.js';
import { SkahaClient } from '../../src/client/skaha-client.js';
import { createConnection } from '../../src/config/create-connection.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { definePlatformSuite } from './platform-suite.js';
import { startSimulatorPlatform } from './sim-scenarios.js';
import { defineAnswersSuite } from './answers-suite.js';

defineContractSuite('simulator', async () => {
  const sim = await startSimulator({ port: 0, seed: 7 });
  return { baseUrl: sim.baseUrl, token: sim.token, close: () => sim.close() };
});

definePlatformSuite('simulator', startSimulatorPlatform);

describe('simulator through the client: the quirks the client must absorb', () => {
  it('parses a fresh Pending session (no startTime yet) and follows it to Running with a 4-day expiry', async () => {
    const clock = new FakeClock(Date.parse('2026-11-22T11:59:00Z'));
    const sim = await startSimulator({ port: 0, seed: 3, clock });
    const client = new SkahaClient(createConnection({ url: sim.baseUrl, token: sim.token }));
    try {
      const [result] = await client.launch({ name: 'Quirks', image: 'skaha/astroml', kind: 'notebook' });
      if (!('id' in result)) throw new Error(`launch failed: ${JSON.stringify(result)}`);
      const pending = await client.getSession(result.id);
      expect(pending).toMatchObject({ status: 'Pending', name: 'quirks', startedAt: null, url: expect.any(String) });
      clock.advance(60_000);
      const running = await client.getSession(result.id);
      expect(running.status).toBe('Running');
      expect(running.startedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(Date.parse(running.expiresAt!) - Date.parse(running.startedAt!)).toBe(4 * 86_400_000);
    } finally {
      await client.close();
      await sim.close();
    }
  });
});

defineAnswersSuite('simulator', (clock) => startSimulatorPlatform(clock));
