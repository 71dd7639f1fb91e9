import { boundText } from '../domain/bounded-text.js';

/** Placeholders old servers and kubectl print for "no value". */
const NONE = new Set(['', '<none>', '<nil>', 'null', 'none']);
const LONGEST_NONE = 6;

/** A trimmed string, or null for absent values and `<none>`/`<nil>` placeholders. */
export function optionalString(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const v = value.trim();
  // Ids, names and images are longer than any placeholder: no need to lower-case them.
  return v.length <= LONGEST_NONE && NONE.has(v.toLowerCase()) ? null : v;
}

/** optionalString bounded to `max` characters (longer text ends in "…"; see TEXT_LIMITS). */
export function boundedString(value: unknown, max: number): string | null {
  const v = optionalString(value);
  return v === null ? null : boundText(v, max);
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/** Where digits with an optional fraction (`12`, `1.5`, `3.`), or a fraction alone (`.5`), starting at `i` end; -1 when none start there. */
function decimalEnd(v: string, i: number): number {
  const start = i;
  while (i < v.length && isDigit(v.charCodeAt(i))) i++;
  let digits = i - start;
  if (i < v.length && v.charCodeAt(i) === 46) {
    const fraction = ++i;
    while (i < v.length && isDigit(v.charCodeAt(i))) i++;
    digits += i - fraction;
  }
  return digits > 0 ? i : -1;
}

// Scanned by hand, not by regular expressions: a poll of 1,000 sessions parses 5,000 numbers.
/** Whether `v` is a decimal number as `^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$` says. */
function isDecimal(v: string): boolean {
  const sign = v.charCodeAt(0);
  let i = decimalEnd(v, sign === 43 || sign === 45 ? 1 : 0);
  if (i < 0) return false;
  if (i < v.length && (v.charCodeAt(i) | 32) === 101) {
    i++;
    if (v.charCodeAt(i) === 43 || v.charCodeAt(i) === 45) i++;
    const digits = i;
    while (i < v.length && isDigit(v.charCodeAt(i))) i++;
    if (i === digits) return false;
  }
  return i === v.length;
}

/** A number from a number or a numeric string; null otherwise. */
export function parseNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const v = optionalString(value);
  if (v === null || !isDecimal(v)) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

const BYTES: Record<string, number> = {
  '': 1e9, // a bare number is already decimal GB ("8.59")
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const QUANTITY = /^(\d+(?:\.\d*)?|\.\d+)\s*(Ki|Mi|Gi|Ti|Pi|Ei|K|M|G|T|P|E|)B?$/i;

function unit(raw: string): string {
  return raw.length === 2 ? raw[0].toUpperCase() + 'i' : raw.toUpperCase();
}

/** RAM in decimal GB from "8.59", "8G", "90Mi", "1.5Gi", "137.439G" or a number; null for `<none>` and nonsense. */
export function parseRamGB(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const v = optionalString(value);
  // The usual answer, a bare decimal count of GB ("8.59"), without the regular expression.
  if (v !== null && decimalEnd(v, 0) === v.length) return round3((Number(v) * BYTES['']) / 1e9);
  const m = v === null ? null : QUANTITY.exec(v);
  if (!m) return null;
  return round3((Number(m[1]) * BYTES[unit(m[2])]) / 1e9);
}

/** A memory ceiling as a count of the GB users request with `ram=` ("24G" and "32Gi" both mean 24 and 32, as the server prints GiB counts either way). */
export function parseRamCeiling(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const v = optionalString(value);
  const m = v === null ? null : QUANTITY.exec(v);
  if (!m) return null;
  const u = unit(m[2]);
  if (u === '' || u === 'G' || u === 'Gi') return Number(m[1]);
  return round3((Number(m[1]) * BYTES[u]) / 2 ** 30);
}

/** CPU cores from "2", "1.367", "1367m" or a number; null for `<none>` and nonsense. */
export function parseCores(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const v = optionalString(value);
  if (v === null) return null;
  const milli = v.charCodeAt(v.length - 1) === 109 ? /^(\d+(?:\.\d*)?)m$/.exec(v) : null;
  if (milli) return round3(Number(milli[1]) / 1000, 6);
  return parseNumber(v);
}

// Sessions keep their times from poll to poll, so a poll of 1,000 sessions would parse the same 2,000 strings again.
const parsedTimes = new Map<string, string | null>();
const MAX_PARSED_TIMES = 20_000;
const MAX_TIME_CHARS = 64;

/** An ISO-8601 timestamp normalised to UTC with seconds ("2025-07-09T06:18Z" → "2025-07-09T06:18:00Z"); null when absent or unparseable. */
export function parseTime(value: unknown): string | null {
  const v = optionalString(value);
  // No timestamp is longer; a longer string is not one, and must not be cached.
  if (v === null || v.length > MAX_TIME_CHARS) return null;
  const known = parsedTimes.get(v);
  if (known !== undefined) return known;
  // Java's OffsetDateTime.toString() drops ":00" seconds; Date.parse accepts that, but pad anyway for strict parsers.
  const padded = v.replace(/^(\d{4}-\d\d-\d\dT\d\d:\d\d)(Z|[+-]\d\d:?\d\d)$/i, '$1:00$2');
  const ms = Date.parse(padded);
  let out: string | null = null;
  if (!Number.isNaN(ms)) {
    const iso = new Date(ms).toISOString();
    out = iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
  }
  if (parsedTimes.size >= MAX_PARSED_TIMES) parsedTimes.clear();
  parsedTimes.set(v, out);
  return out;
}

/** A boolean from a boolean or "true"/"false"; null otherwise. */
export function parseBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  return null;
}

/** Whether a value is a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function round3(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
