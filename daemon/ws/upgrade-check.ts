import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Why an upgrade request is refused, as an HTTP status and a short reason; null lets it through. */
export type UpgradeRefusal = { status: 401 | 403; reason: string } | null;

/** What an upgrade request must satisfy on one listener. */
export interface UpgradePolicy {
  /** The bearer token required (TCP), or null when the transport itself is private (Unix socket). */
  token: string | null;
  /** Origins a browser page may connect from; any other Origin header is refused. */
  allowedOrigins: readonly string[];
}

function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison takes the same time whatever was sent.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Pure: checks the Origin (403 unless allowed) and, on TCP, the bearer token (401 when missing or wrong). */
export function checkUpgrade(headers: IncomingHttpHeaders, policy: UpgradePolicy): UpgradeRefusal {
  const origin = header(headers, 'origin');
  if (origin !== undefined && !policy.allowedOrigins.includes(origin)) {
    return { status: 403, reason: 'origin not allowed (add it to listen.allowedOrigins)' };
  }
  if (policy.token === null) return null;
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(header(headers, 'authorization') ?? '');
  if (!match) return { status: 401, reason: 'missing bearer token (see the daemon token file)' };
  return sameSecret(match[1], policy.token) ? null : { status: 401, reason: 'wrong bearer token' };
}
