import os from 'node:os';
import path from 'node:path';
import { SkahaClient } from '../../src/client/skaha-client.js';
import { canfarConfigPath } from '../../src/config/canfar-config.js';
import type { Connection } from '../../src/config/connection.js';
import { connectionIdentity } from '../../src/config/connection-identity.js';
import type { Paths } from '../../src/config/paths.js';
import { resolveConnection, type ConnectionFlags } from '../../src/config/resolve-connection.js';
import type { Logger } from '../../src/ports/logger.js';
import type { SkahaApi } from '../../src/ports/skaha-api.js';
import type { Connected, Connector } from './api-holder.js';

/** Secrets of a connection a log must never show: the token, the registry secret and each line of the key. */
export function connectionSecrets(connection: Connection): string[] {
  const secrets: string[] = [];
  const { token, pem } = connection.credential;
  if (token) secrets.push(token);
  if (connection.registryAuth?.secret) secrets.push(connection.registryAuth.secret);
  const key = pem ? /-----BEGIN [A-Z ]*PRIVATE KEY-----([\s\S]*?)-----END [A-Z ]*PRIVATE KEY-----/.exec(pem) : null;
  if (key) secrets.push(...key[1].split(/\s+/).filter((line) => line.length >= 16));
  return secrets;
}

/** A Connected over a real SkahaClient. The Connection is passed on as is: its secrets are non-enumerable getters. */
export function connectedFrom(connection: Connection, logger: Logger): Connected {
  const client = new SkahaClient(connection, { logger });
  const { kind, source, expiresAt, path: file } = connection.credential;
  return {
    api: client,
    credentials: file === undefined ? { kind, source, expiresAt } : { kind, source, expiresAt, path: file },
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

/** The connector `skaha-tui daemon` uses: flags > env > config file > canfar config > defaults, resolved on every (re)connect. */
export function settingsConnector(flags: ConnectionFlags, env: NodeJS.ProcessEnv, paths: Paths, logger: Logger): Connector {
  return async () => connectedFrom(await resolveConnection(flags, { env, paths }), logger);
}

/** Credential files worth watching before any connection names one: the default proxy certificate and the canfar config. */
export function defaultCredentialFiles(env: NodeJS.ProcessEnv): string[] {
  const home = env.HOME || os.homedir();
  const files = [path.join(home, '.ssl', 'cadcproxy.pem'), canfarConfigPath(home)];
  for (const name of ['SKAHA_CERT', 'CANFAR_CERTIFICATE']) if (env[name]) files.push(path.resolve(env[name]!));
  return files;
}
