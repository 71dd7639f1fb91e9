import { STATUS_CODES } from 'node:http';
import { AppError, type ErrorCode } from '../domain/errors.js';
import { badRequestHint, type BadRequestContext } from './bad-request-hints.js';
import { thrownCode } from '../domain/thrown-code.js';

/** The longest server text quoted in a message (serverText itself keeps all of it). */
const MAX_QUOTED_CHARS = 500;

const HINTS: Record<number, string> = {
  401: 'your credentials were not accepted: renew the certificate with `cadc-get-cert -u <username>`, log in again with `canfar login`, or pass a valid --token',
  403: "your account is not allowed to do this: check that you belong to the platform's user group, and that your certificate is a valid proxy certificate",
  404: 'check the session id (`skaha-tui ps`) and the server URL and API version',
  503: 'the service is temporarily unavailable: try again later',
};

/** The first `max` characters of `text` (an ellipsis marks a cut); cut only text already redacted, or a split secret leaks its start. */
export function cutText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Maps an HTTP status to its stable error code (null for 2xx/3xx). */
export function codeForStatus(status: number): ErrorCode | null {
  if (status === 400) return 'SKAHA_BAD_REQUEST';
  if (status === 401) return 'SKAHA_UNAUTHORIZED';
  if (status === 403) return 'SKAHA_FORBIDDEN';
  if (status === 404) return 'SKAHA_NOT_FOUND';
  if (status === 503) return 'SKAHA_UNAVAILABLE';
  if (status >= 500) return 'SKAHA_SERVER_ERROR';
  if (status >= 400) return 'SKAHA_BAD_REQUEST';
  return null;
}

/** Builds the AppError for a non-2xx answer: `GET <url>: 401 Unauthorized — <server text> — <what to do>` (`bodyText` already redacted: it is cut here). */
export function httpStatusError(
  method: string,
  url: string,
  status: number,
  bodyText: string,
  retryAfter?: string,
  context: BadRequestContext = { registryAuthSent: false },
): AppError {
  const code = codeForStatus(status) ?? 'PROTOCOL_ERROR';
  // cadc-rest ends every error body with a newline; the text is otherwise kept verbatim.
  const serverText = bodyText.replace(/[\r\n]+$/, '');
  const quoted = cutText(serverText, MAX_QUOTED_CHARS);
  const statusText = STATUS_CODES[status] ?? 'Error';
  let hint =
    status === 400
      ? badRequestHint(serverText, context)
      : (HINTS[status] ?? (status >= 500 ? 'the server failed: try again later, and report it if it persists' : 'check the request'));
  if (status === 503 && retryAfter) hint += ` (the server suggests retrying after ${retryAfter}${/^\d+$/.test(retryAfter) ? ' s' : ''})`;
  const parts = [`${method} ${url}: ${status} ${statusText}`];
  // A body that only repeats the status text ("Unauthorized") adds nothing: it is not quoted again.
  if (quoted.trim() !== '' && !sameWords(quoted, statusText)) parts.push(quoted);
  parts.push(hint);
  return new AppError(code, parts.join(' — '), { status, method, url, serverText });
}

function sameWords(a: string, b: string): boolean {
  const words = (text: string) =>
    text
      .trim()
      .replace(/[.!]+$/, '')
      .toLowerCase();
  return words(a) === words(b);
}

const NETWORK_HINT = 'check the URL, your network connection and that the server is up';

/** Maps a transport failure (refused, reset, DNS, TLS, timeouts) to NETWORK_ERROR or TIMEOUT. */
export function transportError(method: string, url: string, error: unknown, timeouts: { connectMs: number; totalMs: number }, timedOut: boolean): AppError {
  const code = thrownCode(error);
  const causeCode = thrownCode((error as { cause?: unknown } | null)?.cause);
  const detail = code || causeCode || (error instanceof Error ? error.name : 'error');
  if (timedOut || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new AppError(
      'TIMEOUT',
      `${method} ${url}: no complete answer within ${seconds(timeouts.totalMs)} — the server may be overloaded; try again, or raise timeouts.totalMs in the config`,
      { method, url, cause: error },
    );
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || causeCode === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
    return new AppError('TIMEOUT', `${method} ${url}: could not connect within ${seconds(timeouts.connectMs)} — ${NETWORK_HINT}, or raise timeouts.connectMs`, {
      method,
      url,
      cause: error,
    });
  }
  const what = describe(code || causeCode);
  const tls = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO/.test(detail) ? '; check the server certificate and your client certificate' : '';
  return new AppError('NETWORK_ERROR', `${method} ${url}: ${what} (${detail}) — ${NETWORK_HINT}${tls}`, { method, url, cause: error });
}

function describe(code: string): string {
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return 'the connection was closed or reset';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name could not be resolved';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'the host is unreachable';
  return 'the request failed';
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
