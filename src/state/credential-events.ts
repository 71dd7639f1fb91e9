import type { DaemonEvent } from './events.js';
import type { CredentialStatus } from './state.js';

/** Default credential warnings, in seconds before expiry (3 days, 1 day, 1 hour). */
export const DEFAULT_CREDENTIAL_THRESHOLDS_SEC: readonly number[] = [3 * 86400, 86400, 3600];

/**
 * Pure: the credential event due at `now`: expired, or expiring at the tightest crossed threshold.
 * Level-triggered; keys include expiresAt, so a renewed credential warns afresh. A token the daemon
 * refreshes itself raises none: it is replaced before it expires, and a refused login is reported
 * once by the refresher (a refresh token's expiry often slides with each use, so it is not warned about).
 */
export function credentialEvents(
  status: CredentialStatus | null,
  now: number,
  thresholdsSec: readonly number[] = DEFAULT_CREDENTIAL_THRESHOLDS_SEC,
): DaemonEvent[] {
  if (!status || status.kind === 'none' || !status.expiresAt || status.refresh) return [];
  const expires = Date.parse(status.expiresAt);
  if (!Number.isFinite(expires)) return [];
  const base = `credentials:${status.kind}:${status.expiresAt}`;
  if (expires <= now) {
    return [{ type: 'credentials:expired', key: `${base}:expired`, at: now, kind: status.kind, expiresAt: status.expiresAt }];
  }
  const left = (expires - now) / 1000;
  const crossed = thresholdsSec.filter((t) => left <= t);
  if (crossed.length === 0) return [];
  const thresholdSec = Math.min(...crossed);
  return [
    {
      type: 'credentials:expiring',
      key: `${base}:${thresholdSec}`,
      at: now,
      kind: status.kind,
      expiresAt: status.expiresAt,
      thresholdSec,
    },
  ];
}

/** What to do about an expiring credential of a kind (the daemon picks up a renewed certificate file by itself). */
export function credentialRenewHint(kind: string): string {
  if (kind === 'certificate') return 'renew it with `cadc-get-cert -u <user>` or `canfar login`; the daemon picks up the new file by itself';
  return 'get a new token (e.g. `canfar login`); a token given by flag, environment or config file is not refreshed';
}
