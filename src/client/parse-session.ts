import type { DesktopApp, PublicSession, Session } from '../domain/session.js';
import { isRecord, optionalString, parseBoolean, parseCores, parseNumber, parseRamGB, parseTime } from './parse-values.js';

/** Turns one session object from any server generation (v1, legacy v0, 2022) into a Session; null when it has no id. */
export function parseSession(raw: unknown): Session | null {
  if (!isRecord(raw)) return null;
  const id = optionalString(raw.id);
  if (id === null) return null;
  return {
    id,
    name: optionalString(raw.name) ?? '',
    kind: optionalString(raw.type) ?? 'unknown',
    status: optionalString(raw.status) ?? 'Unknown',
    image: optionalString(raw.image) ?? '',
    user: optionalString(raw.userid),
    startedAt: parseTime(raw.startTime),
    expiresAt: parseTime(raw.expiryTime),
    url: optionalString(raw.connectURL),
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
  return { ...session, appId: optionalString((raw as Record<string, unknown>).appid) ?? '' };
}

/** The reduced entry of `view=all` (userid, type, status, startTime). */
export function parsePublicSession(raw: unknown): PublicSession | null {
  if (!isRecord(raw)) return null;
  return {
    user: optionalString(raw.userid),
    kind: optionalString(raw.type) ?? 'unknown',
    status: optionalString(raw.status) ?? 'Unknown',
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
