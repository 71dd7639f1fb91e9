import type { LaunchRequest } from '../../../src/domain/launch.js';
import { buildCatalogue } from '../../../src/sim/catalogue.js';
import { FakeConnection } from './fake-connection.js';
import { demoSessions, stateWith } from './states.js';

/** A fake daemon holding the demo sessions and the simulator's image catalogue, recording every launch it is asked for (each gets id new00001). */
export function launchingDaemon(): { connection: FakeConnection; launched: LaunchRequest[] } {
  const connection = new FakeConnection(stateWith(demoSessions()));
  const launched: LaunchRequest[] = [];
  connection.on('images', () => buildCatalogue('images.canfar.net'));
  connection.on('launch', (request) => {
    launched.push(request);
    return { launchId: 'l-1', results: [{ name: request.name, id: 'new00001' }] };
  });
  return { connection, launched };
}
