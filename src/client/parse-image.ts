import type { Image } from '../domain/platform.js';
import { TEXT_LIMITS as L } from '../domain/bounded-text.js';
import { boundedString, isRecord, optionalString } from './parse-values.js';

/** An image id launches can use: present and not over the limit (a shortened id would name another image). */
function imageId(value: unknown): string | null {
  const id = optionalString(value);
  return id !== null && id.length <= L.image ? id : null;
}

/** Parses one catalogue entry `{id, types, digest}` (a bare string id is accepted too); null without a usable id. */
export function parseImage(raw: unknown): Image | null {
  if (typeof raw === 'string') {
    const id = imageId(raw);
    return id === null ? null : { id, types: [], digest: null };
  }
  if (!isRecord(raw)) return null;
  const id = imageId(raw.id);
  if (id === null) return null;
  const types = Array.isArray(raw.types) ? raw.types.filter((t): t is string => typeof t === 'string' && t.length <= L.kind) : [];
  return { id, types, digest: boundedString(raw.digest, L.field) };
}

/** Parses `GET /repository`: the allowed registry hosts (longer than any host name: dropped). Null when not an array. */
export function parseRepositories(raw: unknown): string[] | null {
  if (!Array.isArray(raw)) return null;
  return raw.filter((h): h is string => typeof h === 'string' && h.trim() !== '' && h.length <= L.field).map((h) => h.trim());
}
