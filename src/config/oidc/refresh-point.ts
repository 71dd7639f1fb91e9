// When an OIDC access token is due for a refresh: the daemon's refresher and one-shot commands agree.

import type { OidcTokens } from './oidc-login.js';

/** The share of an access token's lifetime after which it is refreshed. */
export const REFRESH_AT_FRACTION = 0.8;

/** When a token's lifetime began: its issue time, never later than `now` (the provider's clock may run ahead). */
export function lifetimeStart(tokens: OidcTokens, now: number): number {
  return Math.min(tokens.issuedAt ?? now, now);
}

/** When tokens whose lifetime began at `start` are due for a refresh; null when their expiry is unknown. */
export function refreshPoint(tokens: OidcTokens, start: number): number | null {
  if (tokens.accessExpiresAt === null) return null;
  return start + Math.max(0, tokens.accessExpiresAt - start) * REFRESH_AT_FRACTION;
}

/** Whether tokens are at or past their refresh point now (never when their expiry is unknown). */
export function refreshDue(tokens: OidcTokens, now: number): boolean {
  const at = refreshPoint(tokens, lifetimeStart(tokens, now));
  return at !== null && at <= now;
}
