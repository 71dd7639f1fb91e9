import type { Image } from '../domain/platform.js';
import { isRecord, optionalString } from './parse-values.js';

/** Parses one catalogue entry `{id, types, digest}` (a bare string id is accepted too); null without an id. */
export function parseImage(raw: unknown): Image | null {
  if (typeof raw === 'string') return raw.trim() ? { id: raw.trim(), types: [], digest: null } : null;
  if (!isRecord(raw)) return null;
  const id = optionalString(raw.id);
  if (id === null) return null;
  const types = Array.isArray(raw.types) ? raw.types.filter((t): t is string => typeof t === 'string') : [];
  return { id, types, digest: optionalString(raw.digest) };
}

/** Parses `GET /repository`: the allowed registry hosts. Null when not an array. */
export function parseRepositories(raw: unknown): string[] | null {
  if (!Array.isArray(raw)) return null;
  return raw.filter((h): h is string => typeof h === 'string' && h.trim() !== '').map((h) => h.trim());
}
