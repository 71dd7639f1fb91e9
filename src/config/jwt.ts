/** The largest epoch milliseconds a Date can hold; later "times" are nonsense and would make toISOString throw. */
export const MAX_DATE_MS = 8.64e15;

/** A numeric claim of a JWT's payload (seconds) as epoch milliseconds, or null when the token is not a JWT or lacks it (or it is out of range). */
export function jwtTimeClaim(token: string, claim: 'exp' | 'iat'): number | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    const value = (payload as Record<string, unknown> | null)?.[claim];
    return typeof value === 'number' && Number.isFinite(value) && Math.abs(value * 1000) <= MAX_DATE_MS ? value * 1000 : null;
  } catch {
    return null;
  }
}

/** The `exp` claim of a JWT as epoch milliseconds, or null when the token is not a JWT or has no numeric `exp`. */
export function jwtExpiry(token: string): number | null {
  return jwtTimeClaim(token, 'exp');
}

/** A text claim of a JWT's payload (e.g. `preferred_username`), or null when the token is not a JWT or the claim is not a non-empty string. */
export function jwtTextClaim(token: string, claim: string): string | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    if (typeof payload !== 'object' || payload === null || !Object.hasOwn(payload, claim)) return null;
    const value = (payload as Record<string, unknown>)[claim];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  } catch {
    return null;
  }
}
