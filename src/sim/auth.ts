import type { SimConfig } from './config.js';
import type { SimOidc } from './oidc.js';
import type { SimResponse, SimUser } from './types.js';

/** The bearer token of an Authorization header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** The user a request authenticates as, or undefined (missing, unknown, expired JWT, or all tokens expired). */
export function authenticate(config: SimConfig, header: string | undefined, tokensExpired: boolean, oidc?: SimOidc | null): SimUser | undefined {
  const token = bearerToken(header);
  if (token === undefined || tokensExpired) return undefined;
  const jwtUser = oidc?.userOf(token);
  return jwtUser !== undefined ? config.usersByName.get(jwtUser) : config.usersByToken.get(token);
}

/** The 401 cadc-rest sends for a request without a usable credential. */
export function unauthorized(): SimResponse {
  return textResponse(401, 'Unauthorized', { 'WWW-Authenticate': 'Bearer' });
}

/** A text/plain answer; cadc-rest adds the trailing newline to messages. */
export function textResponse(status: number, message: string, headers?: Record<string, string>): SimResponse {
  return { status, contentType: 'text/plain', body: `${message}\n`, headers };
}
