import os from 'node:os';
import path from 'node:path';
import { SkahaClient } from '../../src/client/skaha-client.js';
import { canfarConfigPath } from '../../src/config/canfar-config.js';
import type { Connection } from '../../src/config/connection.js';
import { userField } from './user-field.js';
import { connectionIdentity } from '../../src/config/connection-identity.js';
import { expandHome, type Paths } from '../../src/config/paths.js';
import { resolveConnection, type ConnectionFlags } from '../../src/config/resolve-connection.js';
import type { Logger } from '../../src/ports/logger.js';
import type { SkahaApi } from '../../src/ports/skaha-api.js';
import { systemClock } from '../../src/ports/clock.js';
import { failureWatching, type Connected, type Connector } from './api-holder.js';
import { oidcConnected, type OidcConnectOptions } from './oidc-connect.js';
import { connectionSecrets } from './connection-secrets.js';

/** A Connected over a real SkahaClient. The Connection is passed on as is: its secrets are non-enumerable getters. */
export function connectedFrom(connection: Connection, logger: Logger): Connected {
  const client = new SkahaClient(connection, { logger });
  const { kind, source, expiresAt, path: file } = connection.credential;
  // Only a `true` is written: a connection without registry credentials keeps the shape it had.
  const registry = connection.registryAuth !== undefined ? { registry: true } : {};
  const user = userField(connection.credential);
  return {
    api: client,
    credentials: file === undefined ? { kind, source, expiresAt, ...registry, ...user } : { kind, source, expiresAt, path: file, ...registry, ...user },
    identity: connectionIdentity(connection),
    watchFiles: file ? [file] : [],
    secrets: connectionSecrets(connection),
    concurrency: connection.concurrency,
    close: () => client.close(),
  };
}

/** A Connected around a ready API (tests): no credential status, nothing to watch. */
export function connectedToApi(api: SkahaApi): Connected {
  return { api, credentials: null, identity: null, watchFiles: [], secrets: [], concurrency: 8 };
}

/** Options of settingsConnector: the daemon's clock and log scrubbing, and test doubles for token refreshes. */
export type SettingsConnectorOptions = Partial<OidcConnectOptions>;

/**
 * The connector `skaha-tui daemon` uses: flags > env > config file > canfar config > defaults, resolved
 * on every (re)connect. An OIDC login from the canfar config is used even when its access token has
 * expired, as it is refreshed; any other credential must be valid. A refused credential file is watched.
 */
export function settingsConnector(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv,
  paths: Paths,
  logger: Logger,
  options: SettingsConnectorOptions = {},
): Connector {
  return async () => {
    const lenient = await resolveConnection(flags, { env, paths, lenient: true });
    const refreshing = await oidcConnected(lenient, env, logger, { clock: systemClock(), ...options });
    if (refreshing) return refreshing;
    try {
      return connectedFrom(await resolveConnection(flags, { env, paths }), logger);
    } catch (error) {
      throw failureWatching(error, lenient.credential.path ? [lenient.credential.path] : []);
    }
  };
}

/** Credential files worth watching before any connection names one: the default proxy certificate, the canfar config, and certificates named by env or `--cert`. */
export function defaultCredentialFiles(env: NodeJS.ProcessEnv, certFlag?: string): string[] {
  const home = env.HOME || os.homedir();
  const files = [path.join(home, '.ssl', 'cadcproxy.pem'), canfarConfigPath(home)];
  for (const cert of [env.SKAHA_CERT, env.CANFAR_CERTIFICATE, certFlag]) if (cert?.trim()) files.push(path.resolve(expandHome(cert.trim(), home)));
  return files;
}
