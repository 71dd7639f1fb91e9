import { readFile } from 'node:fs/promises';
import { AppError } from '../../domain/errors.js';
import { record, str } from '../canfar-config.js';
import { jwtExpiry, jwtTimeClaim, MAX_DATE_MS } from '../jwt.js';
import { defineSecret } from '../secret.js';
import { thrownCode } from '../../domain/thrown-code.js';

/** One OIDC token set; `access` and `refresh` are non-enumerable. Times are epoch milliseconds. */
export interface OidcTokens {
  readonly access: string;
  readonly refresh: string;
  /** The access token's expiry (its JWT `exp`, else `expiry.access`); null when unknown. */
  accessExpiresAt: number | null;
  /** When the refresh token (the login) expires; null when unknown. */
  refreshExpiresAt: number | null;
  /** When the access token was issued (its JWT `iat`); null when unknown. */
  issuedAt: number | null;
  tokenType?: string;
  scope?: string;
}

/** A refreshable OIDC login of the canfar config: what a refresh_token grant needs. The client secret is non-enumerable. */
export interface OidcLogin {
  /** The canfar config file it was read from. */
  file: string;
  /** The identity provider key, e.g. `srcnet` (`authentication.<idp>`). */
  idp: string;
  tokenEndpoint: string;
  clientId: string;
  readonly clientSecret: string;
  tokens: OidcTokens;
}

/** Builds a token set with non-enumerable secrets. */
export function oidcTokens(access: string, refresh: string, info: Omit<OidcTokens, 'access' | 'refresh'>): OidcTokens {
  const tokens = { ...info } as OidcTokens;
  defineSecret(tokens, 'access', access);
  defineSecret(tokens, 'refresh', refresh);
  return tokens;
}

/** Whether two token sets hold the same access and refresh tokens. */
export function sameTokens(a: OidcTokens | null | undefined, b: OidcTokens | null | undefined): boolean {
  return Boolean(a && b && a.access === b.access && a.refresh === b.refresh);
}

/**
 * The active login of a parsed canfar config when it can be refreshed: mode oidc with an access and a
 * refresh token, a token endpoint, and a client id and secret. Null otherwise (x509, or something missing).
 */
export function oidcLoginFrom(doc: unknown, file: string): OidcLogin | null {
  const root = record(doc);
  const idp = str(record(root.active).authentication);
  if (!idp) return null;
  const auth = record(record(root.authentication)[idp]);
  if (str(auth.mode)?.toLowerCase() !== 'oidc') return null;
  const token = record(auth.token);
  const client = record(auth.client);
  const expiry = record(auth.expiry);
  const access = str(token.access);
  const refresh = str(token.refresh);
  const tokenEndpoint = str(record(auth.endpoints).token);
  const clientId = str(client.identity);
  const clientSecret = str(client.secret);
  if (!access || !refresh || !tokenEndpoint || !clientId || !clientSecret) return null;
  const info: Omit<OidcTokens, 'access' | 'refresh'> = {
    accessExpiresAt: jwtExpiry(access) ?? epochMs(expiry.access),
    refreshExpiresAt: epochMs(expiry.refresh),
    issuedAt: jwtTimeClaim(access, 'iat'),
  };
  const tokenType = str(token.token_type);
  const scope = str(token.scope);
  if (tokenType) info.tokenType = tokenType;
  if (scope) info.scope = scope;
  const login = { file, idp, tokenEndpoint, clientId, tokens: oidcTokens(access, refresh, info) } as OidcLogin;
  return defineSecret(login, 'clientSecret', clientSecret);
}

/** The canfar config's text and its refreshable login (null when there is none); null when the file is absent. */
export async function readOidcLogin(file: string): Promise<{ text: string; login: OidcLogin | null } | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw new AppError('TOKEN_REFRESH_FAILED', `cannot read the canfar config ${file}: ${thrownCode(error) || 'unreadable'} — check its permissions`);
  }
  const { parse } = await import('yaml');
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    throw new AppError(
      'TOKEN_REFRESH_FAILED',
      `the canfar config ${file} is not valid YAML, so the login in it cannot be refreshed — fix it, or log in again with \`canfar login\``,
    );
  }
  return { text, login: oidcLoginFrom(doc, file) };
}

function epochMs(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value * 1000 <= MAX_DATE_MS ? value * 1000 : null;
}
