import os from 'node:os';
import { SkahaClient } from '../../src/client/skaha-client.js';
import { canfarConfigPath } from '../../src/config/canfar-config.js';
import type { Connection } from '../../src/config/connection.js';
import { connectionIdentity } from '../../src/config/connection-identity.js';
import { liveTokenCredential } from '../../src/config/oidc/live-credential.js';
import { readOidcLogin } from '../../src/config/oidc/oidc-login.js';
import type { Logger } from '../../src/ports/logger.js';
import type { Connected } from './api-holder.js';
import { connectionSecrets } from './connection-secrets.js';
import { userField } from './user-field.js';
import { refreshingApi } from '../../src/client/refreshing-api.js';
import { TokenRefresher, type TokenRefresherDeps } from './token-refresher.js';

/** What a refreshing connection needs beyond the resolved connection (tests inject the refresh parts). */
export type OidcConnectOptions = Pick<TokenRefresherDeps, 'clock' | 'onSecret' | 'refresh' | 'grant' | 'lock'>;

/**
 * A Connected whose token refreshes itself, when the resolved credential is the access token of a
 * refreshable OIDC login in the canfar config; null otherwise (or when the file changed since it was
 * resolved: the watcher then reconnects). Requests read the current token on every call.
 */
export async function oidcConnected(connection: Connection, env: NodeJS.ProcessEnv, logger: Logger, options: OidcConnectOptions): Promise<Connected | null> {
  const resolved = connection.credential;
  if (resolved.kind !== 'token' || resolved.source !== 'canfar-config') return null;
  const file = canfarConfigPath(env.HOME?.trim() || os.homedir());
  const read = await readOidcLogin(file);
  if (!read?.login || read.login.tokens.access !== resolved.token) return null;
  const login = read.login;
  const refresher = new TokenRefresher({ ...options, logger, login, text: read.text });
  const live: Connection = {
    ...connection,
    credential: liveTokenCredential({ accessToken: () => refresher.accessToken(), expiresAt: () => refresher.status().expiresAt }),
  };
  const client = new SkahaClient(live, { logger });
  const connected: Connected = {
    api: refreshingApi(client, refresher),
    get credentials() {
      const status = { ...refresher.status(), ...userField(live.credential) };
      return connection.registryAuth !== undefined ? { ...status, registry: true } : status;
    },
    // The current token's: it changes with each refresh, as does the one clients read back from the canfar config.
    get identity() {
      return connectionIdentity(live);
    },
    watchFiles: [file],
    secrets: [...connectionSecrets(connection), login.tokens.refresh, login.clientSecret],
    concurrency: connection.concurrency,
    close: async () => {
      refresher.close();
      await client.close();
    },
    subscribe: (listener) => refresher.subscribe(listener),
    ownsChange: (changed) => refresher.ownsChange(changed),
  };
  refresher.start();
  return connected;
}
