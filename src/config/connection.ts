/** Where a setting came from, for `doctor` and error messages. */
export type SettingSource = 'flag' | 'env' | 'config' | 'canfar-config' | 'default';

/** The credential in use. Secrets live in non-enumerable fields, so JSON.stringify never shows them. */
export interface Credential {
  kind: 'token' | 'certificate' | 'none';
  source: SettingSource;
  /** The certificate file, when kind is certificate. */
  path?: string;
  /** Certificate notAfter, or the token's JWT `exp`, as ISO-8601; null when unknown. */
  expiresAt: string | null;
  /** The bearer token (non-enumerable). */
  readonly token?: string;
  /** The PEM with the certificate chain and key (non-enumerable). */
  readonly pem?: string;
}

/** Everything needed to talk to one Skaha server. */
export interface Connection {
  /** The service root, e.g. `https://ws-uv.canfar.net/skaha` (no version, no trailing slash). */
  baseUrl: string;
  /** The API version path segment, e.g. `v1`. */
  apiVersion: string;
  urlSource: SettingSource;
  credential: Credential;
  /** Private registry credentials for `x-skaha-registry-auth` (secret non-enumerable). */
  registryAuth?: { username: string; readonly secret: string };
  timeouts: { connectMs: number; totalMs: number };
  /** The most requests one bulk operation runs at once. */
  concurrency: number;
  /** Extra trusted CA certificates (PEM) for a server with a private CA; the system roots stay trusted. */
  ca?: string;
}

/** The production service root used when nothing else is configured. */
export const DEFAULT_BASE_URL = 'https://ws-uv.canfar.net/skaha';

/** The API version used when nothing else is configured. */
export const DEFAULT_API_VERSION = 'v1';
