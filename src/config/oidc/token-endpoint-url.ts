import { isIP } from 'node:net';
import { AppError } from '../../domain/errors.js';

/**
 * Whether a WHATWG URL's (normalised) hostname is a loopback address literal: 127.0.0.0/8 or ::1.
 * Host names never count, as they may resolve elsewhere.
 */
export function isLoopbackLiteral(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/**
 * The token endpoint a refresh token may be sent to: https anywhere, plain http only to a loopback
 * address; never with a user name or password in it. TOKEN_REFRESH_FAILED otherwise.
 */
export function checkTokenEndpoint(endpoint: string, file: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new AppError('TOKEN_REFRESH_FAILED', `the token endpoint in ${file} is not a valid URL — log in again with \`canfar login\``);
  }
  if (url.username || url.password) {
    throw new AppError(
      'TOKEN_REFRESH_FAILED',
      `the token endpoint in ${file} contains a user name or password, so it is not used — log in again with \`canfar login\``,
    );
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackLiteral(url.hostname))) return url;
  const what = url.protocol === 'http:' ? `plain http to ${url.host}, where anyone on the path could read it` : `a ${url.protocol} URL`;
  throw new AppError('TOKEN_REFRESH_FAILED', `refusing to send the refresh token over ${what} (the token endpoint in ${file}) — the endpoint must be https`);
}
