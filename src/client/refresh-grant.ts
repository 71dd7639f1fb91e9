import { request } from 'undici';
import { AppError } from '../domain/errors.js';
import { defineSecret } from '../config/secret.js';
import { checkTokenEndpoint } from '../config/oidc/token-endpoint-url.js';
import { LOGIN_EXPIRED_MESSAGE, type RefreshGrantAnswer, type RefreshGrantRequest } from '../config/oidc/refresh-grant-request.js';
import { readCapped, type BodyStream } from './read-body.js';
import { thrownCode } from '../domain/thrown-code.js';

/** The most bytes read from a token endpoint answer (a token set is a few KiB). */
export const MAX_TOKEN_ANSWER_BYTES = 64 * 1024;
/** The longest access or refresh token accepted. */
export const MAX_TOKEN_CHARS = 16 * 1024;
const MAX_LIFETIME_SEC = 400 * 86400;
const VSCHAR = /^[\x21-\x7e]+$/;

/** Options of refreshGrant. */
export interface RefreshGrantOptions {
  timeoutMs?: number;
  userAgent?: string;
}

/**
 * Sends an OAuth 2.0 refresh_token grant (client_secret_basic, as the official client does) and
 * validates the answer: LOGIN_EXPIRED when the provider refuses the login (invalid_grant,
 * invalid_client), TOKEN_REFRESH_FAILED for anything else. Redirects are not followed.
 */
export async function refreshGrant(req: RefreshGrantRequest, options: RefreshGrantOptions = {}): Promise<RefreshGrantAnswer> {
  const url = checkTokenEndpoint(req.endpoint, req.file);
  const shown = `POST ${url.origin}${url.pathname}`;
  const basic = Buffer.from(`${encodeURIComponent(req.clientId)}:${encodeURIComponent(req.clientSecret)}`).toString('base64');
  const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: req.refreshToken }).toString();
  const timeoutMs = options.timeoutMs ?? 20_000;
  let status: number;
  let text: string;
  try {
    const res = await request(url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        'user-agent': options.userAgent ?? 'skaha-tui',
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    status = res.statusCode;
    const { data, overflow } = await readCapped(res.body as BodyStream, MAX_TOKEN_ANSWER_BYTES);
    if (overflow)
      throw new AppError(
        'TOKEN_REFRESH_FAILED',
        `${shown}: the answer is larger than ${MAX_TOKEN_ANSWER_BYTES} bytes, so it was abandoned — check the token endpoint`,
      );
    text = data.toString('utf8');
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = thrownCode(error) || thrownCode(error, 'name') || 'error';
    throw new AppError('TOKEN_REFRESH_FAILED', `${shown}: the identity provider did not answer (${code}) — the token is refreshed again later`);
  }
  if (status === 200) return parseAnswer(text, shown);
  const oauthError = errorCode(text);
  if ((status === 400 || status === 401) && (oauthError === 'invalid_grant' || oauthError === 'invalid_client' || oauthError === 'unauthorized_client')) {
    throw new AppError('LOGIN_EXPIRED', `${LOGIN_EXPIRED_MESSAGE} (the identity provider refused the refresh: ${oauthError})`, { status });
  }
  const what = oauthError ? ` (${oauthError})` : '';
  throw new AppError('TOKEN_REFRESH_FAILED', `${shown}: ${status}${what} — the identity provider did not refresh the token; it is tried again later`, {
    status,
  });
}

/** The OAuth `error` code of an error answer, when it is a short plain identifier (server text is not quoted otherwise). */
function errorCode(text: string): string | null {
  try {
    const error = (JSON.parse(text) as { error?: unknown } | null)?.error;
    return typeof error === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(error) ? error : null;
  } catch {
    return null;
  }
}

function parseAnswer(text: string, shown: string): RefreshGrantAnswer {
  const bad = (what: string) => new AppError('TOKEN_REFRESH_FAILED', `${shown}: the answer ${what} — check the token endpoint`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw bad('is not JSON');
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw bad('is not a JSON object');
  const o = json as Record<string, unknown>;
  const access = token(o.access_token);
  if (!access) throw bad(`has no usable access_token (1 to ${MAX_TOKEN_CHARS} visible ASCII characters)`);
  if (o.refresh_token !== undefined && o.refresh_token !== null && !token(o.refresh_token)) throw bad('has an unusable refresh_token');
  const tokenType = typeof o.token_type === 'string' ? o.token_type : undefined;
  if (tokenType !== undefined && tokenType.toLowerCase() !== 'bearer') throw bad(`has token_type ${JSON.stringify(tokenType.slice(0, 20))}, not Bearer`);
  const answer = { expiresInSec: lifetime(o.expires_in), refreshExpiresInSec: lifetime(o.refresh_expires_in) } as RefreshGrantAnswer;
  if (tokenType !== undefined) answer.tokenType = tokenType;
  if (typeof o.scope === 'string' && o.scope.length <= 2048 && /^[\x20-\x7e]*$/.test(o.scope)) answer.scope = o.scope;
  defineSecret(answer, 'access', access);
  const refresh = token(o.refresh_token);
  if (refresh) defineSecret(answer, 'refresh', refresh);
  return answer;
}

function token(value: unknown): string | null {
  return typeof value === 'string' && value.length <= MAX_TOKEN_CHARS && VSCHAR.test(value) ? value : null;
}

function lifetime(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 1 && n <= MAX_LIFETIME_SEC ? n : null;
}
