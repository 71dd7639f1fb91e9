/** Bytes in one GiB. */
export const GIB = 2 ** 30;

/** A number rounded half-up to `digits` decimals, as Java's `String.format("%.Nf")` prints it. */
export function fixed(value: number, digits: number): string {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor + Math.sign(value) * 1e-9) / factor;
  return rounded.toFixed(digits);
}

/** A byte count as Skaha's decimal GB with 2 decimals and no unit (`8Gi` → `"8.59"`). */
export function formatGB(bytes: number): string {
  return fixed(bytes / 1e9, 2);
}

/** A CPU quantity like ResourceQuantityFormatter: whole cores pass through (`"2"`), millicores get 3 decimals (`"1.367"`). */
export function formatCores(cores: number): string {
  const millis = Math.round(cores * 1000);
  return millis % 1000 === 0 ? String(millis / 1000) : fixed(millis / 1000, 3);
}

/** A byte count as the stats view prints RAM: decimal GB, at most 3 decimals, `G` suffix (`"137.439G"`). */
export function formatStatsGB(bytes: number): string {
  return `${Math.round((bytes / 1e9) * 1000) / 1000}G`;
}

function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Java `Instant.toString()` at second precision: always with seconds (`2026-07-05T12:00:00Z`). */
export function javaInstant(ms: number): string {
  return isoSeconds(ms);
}

/** Java `OffsetDateTime.toString()` at second precision: the seconds are left out when they are 0 (`2025-07-09T06:18Z`). */
export function javaOffsetDateTime(ms: number): string {
  const text = isoSeconds(ms);
  return text.endsWith(':00Z') ? `${text.slice(0, -4)}Z` : text;
}

/** A Kubernetes RFC 3339 timestamp (`2026-07-01T12:00:01Z`). */
export function k8sTime(ms: number): string {
  return isoSeconds(ms);
}

/** A double as Java prints it (`64.0`, `12.5`): marks numbers Gson writes as doubles. */
export class JavaDouble {
  constructor(readonly value: number) {}
  toString(): string {
    if (!Number.isFinite(this.value)) return String(this.value);
    return Number.isInteger(this.value) && Math.abs(this.value) < 1e7 ? `${this.value}.0` : String(this.value);
  }
}

/** A JSON value as Gson can write it (JavaDouble for doubles; undefined and null fields are left out). */
export type GsonValue = string | number | boolean | null | undefined | JavaDouble | GsonValue[] | { [key: string]: GsonValue };

/** Serialises like Gson with pretty printing and HTML escaping off: 2-space indent, null fields omitted. */
export function toGson(value: GsonValue, indent = ''): string {
  if (value instanceof JavaDouble) return value.toString();
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + toGson(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${toGson(v, inner)}`).join(',\n')}\n${indent}}`;
}
