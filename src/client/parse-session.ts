import type { DesktopApp, PublicSession, Session } from '../domain/session.js';
import { isSessionId } from '../domain/session-id.js';
import { TEXT_LIMITS as L } from '../domain/bounded-text.js';
import { boundedString, isRecord, optionalString, parseBoolean, parseCores, parseNumber, parseRamGB, parseTime } from './parse-values.js';

/**
 * Turns one session object from any server generation (v1, legacy v0, 2022) into a Session; null when
 * it has no id or its id breaks the id rule. Text fields are bounded here, once (TEXT_LIMITS).
 */
export function parseSession(raw: unknown): Session | null {
  if (!isRecord(raw)) return null;
  const id = optionalString(raw.id);
  if (!isSessionId(id)) return null;
  const url = optionalString(raw.connectURL);
  return {
    id,
    name: boundedString(raw.name, L.name) ?? '',
    kind: boundedString(raw.type, L.kind) ?? 'unknown',
    status: boundedString(raw.status, L.status) ?? 'Unknown',
    image: boundedString(raw.image, L.image) ?? '',
    user: boundedString(raw.userid, L.user),
    startedAt: parseTime(raw.startTime),
    expiresAt: parseTime(raw.expiryTime),
    url: url !== null && url.length <= L.url ? url : null,
    cpu: { requested: parseCores(raw.requestedCPUCores), used: parseCores(raw.cpuCoresInUse ?? raw.coresInUse) },
    ramGB: { requested: parseRamGB(raw.requestedRAM), used: parseRamGB(raw.ramInUse) },
    gpus: { requested: parseNumber(raw.requestedGPUCores) },
    // v0 had no isFixedResources: unknown, not flexible.
    fixed: parseBoolean(raw.isFixedResources),
  };
}

/** A desktop-app entry: a session plus its app id (`appid`, "" when the server gave none). */
export function parseDesktopApp(raw: unknown): DesktopApp | null {
  const session = parseSession(raw);
  if (!session) return null;
  const appId = optionalString((raw as Record<string, unknown>).appid) ?? '';
  return { ...session, appId: isSessionId(appId) ? appId : '' };
}

/** The reduced entry of `view=all` (userid, type, status, startTime). */
export function parsePublicSession(raw: unknown): PublicSession | null {
  if (!isRecord(raw)) return null;
  return {
    user: boundedString(raw.userid, L.user),
    kind: boundedString(raw.type, L.kind) ?? 'unknown',
    status: boundedString(raw.status, L.status) ?? 'Unknown',
    startedAt: parseTime(raw.startTime),
  };
}

/** Parses a JSON array with `parse`, dropping the entries it rejects; `onSkip` hears how many were dropped. Null when not an array. */
export function parseList<T>(raw: unknown, parse: (item: unknown) => T | null, onSkip?: (count: number) => void): T[] | null {
  if (!Array.isArray(raw)) return null;
  const out: T[] = [];
  for (const item of raw) {
    const parsed = parse(item);
    if (parsed !== null) out.push(parsed);
  }
  if (out.length < raw.length) onSkip?.(raw.length - out.length);
  return out;
}
