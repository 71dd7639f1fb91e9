import { resolveIdentity } from '../../src/config/connection-identity.js';
import { sameIdentity, type ConnectionIdentity } from '../../src/domain/connection-identity.js';

/** The connection this shell resolves and the one an installed service would resolve, and whether they agree. */
export interface ServiceConnectionCheck {
  mine: ConnectionIdentity | null;
  service: ConnectionIdentity | null;
  same: boolean;
}

/**
 * The environment a user service starts with: the home folder and what the service file pins, nothing
 * from this shell (systemd and launchd give a service none of it, so SKAHA_TOKEN, SKAHA_URL and
 * friends are dropped).
 */
export function serviceEnv(home: string, pinned: Record<string, string>): NodeJS.ProcessEnv {
  return { HOME: home, ...pinned };
}

/** Resolves both connections the way each process would (flags aside: a service gets none). */
export async function checkServiceConnection(env: NodeJS.ProcessEnv, home: string, pinned: Record<string, string>): Promise<ServiceConnectionCheck> {
  const [mine, service] = await Promise.all([resolveIdentity({}, env), resolveIdentity({}, serviceEnv(home, pinned))]);
  return { mine, service, same: sameIdentity(mine, service) };
}
