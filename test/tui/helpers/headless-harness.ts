import { afterEach } from 'vitest';
import { FakeConnection } from './fake-connection.js';
import { startHeadless, type Headless } from './headless.js';
import { demoSessions, stateWith } from './states.js';

/**
 * Registers the teardown of a headless dashboard after each test and returns `start`, which opens one
 * on a connection (by default a fake daemon holding the demo sessions).
 */
export function useHeadlessDashboard() {
  let current: Headless | null = null;
  afterEach(async () => {
    await current?.destroy();
    current = null;
  });
  return async function start(connection = new FakeConnection(stateWith(demoSessions())), options: Parameters<typeof startHeadless>[1] = {}) {
    current = await startHeadless(connection, options);
    return { h: current, connection };
  };
}
