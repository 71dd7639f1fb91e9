import os from 'node:os';
import type { Logger } from '../ports/logger.js';
import type { SkahaApi } from '../ports/skaha-api.js';
import type { GlobalFlags } from './parse-args.js';

/** An open Skaha API plus what the CLI needs around it. */
export interface ApiHandle {
  api: SkahaApi;
  /** The most requests one bulk operation runs at once. */
  concurrency: number;
  /** Secret values in use (token, registry secret), so the CLI can make sure it never prints them. */
  secrets: string[];
  /** Whether private-registry credentials are configured (absent: none). */
  registryAuth?: boolean;
  /** The versioned API root requests go to, e.g. `https://ws-uv.canfar.net/skaha/v1` (for --dry-run). */
  root: string;
  /** How requests authenticate (never the secret itself). */
  auth: 'token' | 'certificate' | 'none';
  /** Releases connections so the process can exit. */
  close(): Promise<void>;
}

/** Opens the Skaha API for the given global flags; `logger` receives the client's diagnostics (never a secret). */
export type OpenApi = (flags: GlobalFlags, env: Readonly<Record<string, string | undefined>>, options?: OpenApiOptions) => Promise<ApiHandle>;

/** Options of OpenApi: where diagnostics go, and who hears of a secret that appears later (a refreshed token), for redaction. */
export interface OpenApiOptions {
  logger?: Logger;
  onSecret?: (secret: string) => void;
}

/** The real thing: resolves credentials (flags > env > config > canfar config) and builds the HTTP client. */
export const openSkahaApi: OpenApi = async (flags, env, options = {}) => {
  const [{ resolveConnection }, { SkahaClient }, { openCommandLogin }, { refreshGrant }, { refreshingApi }] = await Promise.all([
    import('../config/resolve-connection.js'),
    import('../client/skaha-client.js'),
    import('../config/oidc/command-refresh.js'),
    import('../client/refresh-grant.js'),
    import('../client/refreshing-api.js'),
  ]);
  const connectionFlags = { url: flags.url, token: flags.token, cert: flags.cert };
  // A canfar-config OIDC login is kept fresh by this command, as the daemon would; any other credential must be valid as it is.
  const lenient = await resolveConnection(connectionFlags, { env, lenient: true });
  const homeDir = env.HOME?.trim() || os.homedir();
  const oidc = await openCommandLogin(lenient, homeDir, { now: () => Date.now(), grant: (request) => refreshGrant(request), onSecret: options.onSecret });
  if (oidc?.start === 'refreshed') options.logger?.info('refreshed the OIDC access token of the canfar config');
  if (oidc?.start === 'adopted') options.logger?.info('took newer OIDC tokens from the canfar config');
  const connection = oidc?.connection ?? (await resolveConnection(connectionFlags, { env }));
  const client = new SkahaClient(connection, { logger: options.logger });
  const secrets = [connection.credential.token, connection.registryAuth?.secret].filter((s): s is string => typeof s === 'string' && s !== '');
  return {
    // After a 401 the login refreshes (once per token) and the call is retried: a command that waits for hours outlives its token.
    api: oidc ? refreshingApi(client, oidc.login) : client,
    concurrency: connection.concurrency,
    secrets,
    registryAuth: connection.registryAuth !== undefined,
    root: `${connection.baseUrl}/${connection.apiVersion}`,
    auth: connection.credential.kind,
    close: async () => {
      await client.close();
    },
  };
};
