import { AppError } from '../domain/errors.js';
import { DEFAULT_API_VERSION, type Connection, type Credential, type SettingSource } from './connection.js';
import { noCredential, tokenCredential } from './credentials.js';
import { defineSecret } from './secret.js';

/** Connect and total request timeouts used when nothing is configured. */
export const DEFAULT_TIMEOUTS: Readonly<{ connectMs: number; totalMs: number }> = { connectMs: 10_000, totalMs: 30_000 };

/** Bulk-operation concurrency used when nothing is configured. */
export const DEFAULT_CONCURRENCY = 8;

/** Splits a service URL: `https://h/skaha/v1` → base `https://h/skaha` + version `v1`. CONFIG_ERROR for a URL that is not http(s). */
export function splitServiceUrl(url: string, origin = 'the URL'): { baseUrl: string; apiVersion?: string } {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new AppError('CONFIG_ERROR', `${origin} is not a valid URL — use e.g. https://ws-uv.canfar.net/skaha`, { field: 'url' });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new AppError('CONFIG_ERROR', `${origin} must start with https:// or http:// (got ${parsed.protocol}) — use e.g. https://ws-uv.canfar.net/skaha`, {
      field: 'url',
    });
  }
  if (parsed.username || parsed.password) {
    throw new AppError('CONFIG_ERROR', `${origin} must not contain a user name or password — use a token or a certificate instead`, { field: 'url' });
  }
  if (parsed.search || parsed.hash) {
    throw new AppError('CONFIG_ERROR', `${origin} must not contain a query or fragment — use the service root, e.g. https://ws-uv.canfar.net/skaha`, {
      field: 'url',
    });
  }
  let pathname = parsed.pathname.replace(/\/+$/, '');
  const version = /\/(v\d+)$/.exec(pathname);
  if (version) pathname = pathname.slice(0, -version[0].length);
  const baseUrl = `${parsed.origin}${pathname}`;
  return version ? { baseUrl, apiVersion: version[1] } : { baseUrl };
}

/** Options for building a Connection directly (tests, the simulator's users, the daemon). */
export interface ConnectionOptions {
  /** Service root, optionally ending in `/vN`. */
  url: string;
  apiVersion?: string;
  /** A ready credential; wins over `token`. */
  credential?: Credential;
  /** A bearer token (stored non-enumerable); expiry is read but not enforced. */
  token?: string;
  registryAuth?: { username: string; secret: string };
  timeouts?: Partial<Connection['timeouts']>;
  concurrency?: number;
  urlSource?: SettingSource;
  /** Extra trusted CA certificates (PEM). */
  ca?: string;
}

/** Builds a Connection without looking at env or files; secrets end up non-enumerable. */
export function createConnection(options: ConnectionOptions): Connection {
  const split = splitServiceUrl(options.url);
  const source = options.urlSource ?? 'flag';
  const credential =
    options.credential ??
    (options.token !== undefined
      ? tokenCredential(options.token, { source, label: 'the token given' }, { now: Date.now(), allowExpired: true })
      : noCredential());
  const connection: Connection = {
    baseUrl: split.baseUrl,
    apiVersion: options.apiVersion ?? split.apiVersion ?? DEFAULT_API_VERSION,
    urlSource: source,
    credential,
    timeouts: { ...DEFAULT_TIMEOUTS, ...stripUndefined(options.timeouts ?? {}) },
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
  };
  if (options.ca) connection.ca = options.ca;
  if (options.registryAuth) connection.registryAuth = registryAuth(options.registryAuth.username, options.registryAuth.secret);
  return connection;
}

/** Registry credentials with a non-enumerable secret. */
export function registryAuth(username: string, secret: string): { username: string; readonly secret: string } {
  return defineSecret({ username } as { username: string; secret: string }, 'secret', secret);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
