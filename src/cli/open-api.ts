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
export type OpenApi = (flags: GlobalFlags, env: Readonly<Record<string, string | undefined>>, options?: { logger?: Logger }) => Promise<ApiHandle>;

/** The real thing: resolves credentials (flags > env > config > canfar config) and builds the HTTP client. */
export const openSkahaApi: OpenApi = async (flags, env, options = {}) => {
  const [{ resolveConnection }, { SkahaClient }] = await Promise.all([import('../config/resolve-connection.js'), import('../client/skaha-client.js')]);
  const connection = await resolveConnection({ url: flags.url, token: flags.token, cert: flags.cert }, { env });
  const client = new SkahaClient(connection, { logger: options.logger });
  const secrets = [connection.credential.token, connection.registryAuth?.secret].filter((s): s is string => typeof s === 'string' && s !== '');
  return {
    api: client,
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
