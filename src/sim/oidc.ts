import { hexFrom } from './random.js';
import { signJwt, verifyJwt } from './sim-jwt.js';
import type { SimResponse } from './types.js';

/** The simulator's identity provider settings; every field is optional. */
export interface SimOidcOptions {
  /** Access token lifetime in (simulated-clock) seconds (default 300). */
  accessLifetimeSec?: number;
  /** How long a login lasts: its refresh tokens are refused (invalid_grant) after this many seconds (default 1 day). */
  refreshLifetimeSec?: number;
  /** Whether each refresh answers with a new refresh token and retires the old one (default true). */
  rotateRefreshTokens?: boolean;
  /** Answers refreshes without a refresh token (the old one stays valid), as some providers do (default false). */
  omitRefreshToken?: boolean;
  clientId?: string;
  clientSecret?: string;
}

/** A token endpoint answer. */
export interface SimTokenSet {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token?: string;
  refresh_expires_in: number;
  scope: string;
}

const SCOPE = 'openid profile email offline_access';
const json = (status: number, value: unknown, headers?: Record<string, string>): SimResponse => ({
  status,
  contentType: 'application/json',
  body: `${JSON.stringify(value)}\n`,
  headers: { 'cache-control': 'no-store', ...headers },
});
const oauthError = (status: number, error: string, description: string, headers?: Record<string, string>) =>
  json(status, { error, error_description: description }, headers);

/**
 * The simulator's OIDC side: logins (a family of refresh tokens that ends after `refreshLifetimeSec`),
 * a refresh_token grant at `/oidc/token` (client_secret_basic or _post; rotating refresh tokens;
 * invalid_grant for unknown, retired, revoked or expired ones), and HS256 JWT access tokens with `exp`.
 */
export class SimOidc {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly settings: Required<Pick<SimOidcOptions, 'accessLifetimeSec' | 'refreshLifetimeSec' | 'rotateRefreshTokens' | 'omitRefreshToken'>>;
  /** Successful refresh grants so far. */
  grants = 0;
  /** Every request to the token endpoint so far, refused ones included. */
  tokenRequests = 0;
  private readonly key: string;
  private readonly refreshTokens = new Map<string, { user: string; loginEndsAt: number; retired: boolean }>();
  private counter = 0;

  constructor(
    private readonly seed: number,
    private readonly now: () => number,
    private readonly issuer: () => string,
    options: SimOidcOptions = {},
  ) {
    this.key = hexFrom(32, seed, 'oidc', 'key');
    this.clientId = options.clientId ?? `sim-client-${hexFrom(8, seed, 'oidc', 'client')}`;
    this.clientSecret = options.clientSecret ?? `sim-client-secret-${hexFrom(24, seed, 'oidc', 'secret')}`;
    this.settings = {
      accessLifetimeSec: positive(options.accessLifetimeSec ?? 300, 'accessLifetimeSec'),
      refreshLifetimeSec: positive(options.refreshLifetimeSec ?? 86400, 'refreshLifetimeSec'),
      rotateRefreshTokens: options.rotateRefreshTokens ?? true,
      omitRefreshToken: options.omitRefreshToken ?? false,
    };
  }

  /** A fresh login for `user` (what `canfar login` would get): a new access token and refresh token. */
  login(user: string): SimTokenSet {
    const loginEndsAt = this.now() + this.settings.refreshLifetimeSec * 1000;
    return this.issue(user, loginEndsAt, true);
  }

  /** Revokes every refresh token (the logins end now). */
  revokeAll(): void {
    for (const record of this.refreshTokens.values()) record.retired = true;
  }

  /** The user name of a valid, unexpired access token of ours; undefined for anything else. */
  userOf(token: string): string | undefined {
    const claims = verifyJwt(token, this.key);
    return claims && claims.exp * 1000 > this.now() ? claims.sub : undefined;
  }

  /** Answers `POST /oidc/token` (form-encoded body; client credentials in Basic auth or the body). */
  token(body: string, authorization: string | undefined): SimResponse {
    this.tokenRequests++;
    const form = new URLSearchParams(body);
    const [id, secret] = basicAuth(authorization) ?? [form.get('client_id'), form.get('client_secret')];
    if (id !== this.clientId || secret !== this.clientSecret) {
      return oauthError(401, 'invalid_client', 'client authentication failed', { 'WWW-Authenticate': 'Basic realm="sim"' });
    }
    if (form.get('grant_type') !== 'refresh_token') return oauthError(400, 'unsupported_grant_type', 'only refresh_token is supported');
    const given = form.get('refresh_token') ?? '';
    const record = this.refreshTokens.get(given);
    if (!record || record.retired || record.loginEndsAt <= this.now()) return oauthError(400, 'invalid_grant', 'the refresh token is invalid or expired');
    const rotate = this.settings.rotateRefreshTokens && !this.settings.omitRefreshToken;
    if (rotate) record.retired = true;
    this.grants++;
    const answer = this.issue(record.user, record.loginEndsAt, rotate);
    if (!rotate && !this.settings.omitRefreshToken) answer.refresh_token = given;
    return json(200, answer);
  }

  /** The discovery document (`/oidc/.well-known/openid-configuration`). */
  discovery(): SimResponse {
    const iss = this.issuer();
    return json(200, {
      issuer: iss,
      token_endpoint: `${iss}/token`,
      device_authorization_endpoint: `${iss}/device`,
      registration_endpoint: `${iss}/register`,
      grant_types_supported: ['refresh_token'],
    });
  }

  private issue(user: string, loginEndsAt: number, withRefresh: boolean): SimTokenSet {
    const now = this.now();
    const n = ++this.counter;
    const iat = Math.floor(now / 1000);
    const access = signJwt(
      { iss: this.issuer(), sub: user, aud: 'skaha', iat, exp: iat + this.settings.accessLifetimeSec, jti: hexFrom(16, this.seed, 'jti', n), scope: SCOPE },
      this.key,
    );
    const answer: SimTokenSet = {
      access_token: access,
      token_type: 'Bearer',
      expires_in: this.settings.accessLifetimeSec,
      refresh_expires_in: Math.max(0, Math.floor((loginEndsAt - now) / 1000)),
      scope: SCOPE,
    };
    if (withRefresh) {
      const refresh = `sim-refresh-${hexFrom(40, this.seed, 'refresh', n)}`;
      this.refreshTokens.set(refresh, { user, loginEndsAt, retired: false });
      answer.refresh_token = refresh;
    }
    return answer;
  }
}

function basicAuth(header: string | undefined): [string, string] | null {
  const match = /^\s*basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return null;
  const text = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  try {
    return [decodeURIComponent(text.slice(0, colon)), decodeURIComponent(text.slice(colon + 1))];
  } catch {
    return null;
  }
}

function positive(value: number, name: string): number {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`oidc.${name} must be a positive number of seconds, got ${value}`);
  return value;
}
