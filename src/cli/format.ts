// Pure value formatting shared by the CLI and the dashboard: no I/O, no colour.

import { gbToGiB } from '../domain/memory.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration as at most two units, largest first: "45s", "12m", "5h 3m", "3d 4h"; negatives count as 0. */
export function formatDuration(ms: number): string {
  const t = Math.max(0, Math.floor(ms));
  if (t < MINUTE) return `${Math.floor(t / 1000)}s`;
  if (t < HOUR) return `${Math.floor(t / MINUTE)}m`;
  const pair = (big: number, bigUnit: string, small: number, smallUnit: string) => (small > 0 ? `${big}${bigUnit} ${small}${smallUnit}` : `${big}${bigUnit}`);
  if (t < DAY) return pair(Math.floor(t / HOUR), 'h', Math.floor((t % HOUR) / MINUTE), 'm');
  return pair(Math.floor(t / DAY), 'd', Math.floor((t % DAY) / HOUR), 'h');
}

/** Milliseconds since the epoch for an ISO-8601 time, or null when absent or unparsable. */
export function parseTime(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** How long ago `iso` was ("3d 4h"), or "-" when unknown. */
export function formatAge(iso: string | null | undefined, now: number): string {
  const at = parseTime(iso);
  return at === null ? '-' : formatDuration(now - at);
}

/** Time left until `iso` ("3d 23h"), "expired" once passed, or "-" when unknown. */
export function formatTimeLeft(iso: string | null | undefined, now: number): string {
  const at = parseTime(iso);
  if (at === null) return '-';
  return at <= now ? 'expired' : formatDuration(at - now);
}

/** A timestamp for people: "2026-11-22 12:00:05 UTC", or "-" when unknown. */
export function formatTimestamp(iso: string | null | undefined): string {
  const at = parseTime(iso);
  if (at === null) return '-';
  return `${new Date(at).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A time for people in the local zone, short: "14:02 Thu" (the weekday says which of the next days); "-" when unknown. */
export function formatClockDay(iso: string | null | undefined): string {
  const at = parseTime(iso);
  if (at === null) return '-';
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())} ${WEEKDAYS[d.getDay()]}`;
}

/** Up to `digits` decimals with trailing zeros dropped: 2 → "2", 1.367 → "1.37". */
export function formatNumber(value: number, digits = 2): string {
  return String(Number(value.toFixed(digits)));
}

/** CPU cores: "2", "0.23", or "-" when unknown. */
export function formatCores(cores: number | null | undefined): string {
  return cores === null || cores === undefined ? '-' : formatNumber(cores);
}

/** A size in decimal GB: "540M" below 1 GB, "8.6G" below 10 GB, "137G" above, "-" when unknown. */
export function formatGB(gb: number | null | undefined): string {
  if (gb === null || gb === undefined) return '-';
  if (gb < 1) return `${Math.round(gb * 1000)}M`;
  if (gb < 10) return `${formatNumber(gb, 1)}G`;
  return `${Math.round(gb)}G`;
}

/**
 * Memory given in decimal GB (as Skaha reports it) shown in GiB, the unit of the context options and
 * `--ram`, without a unit (the label says GiB): "8" for 8.59 GB, "0.5", "12.5", "137"; "-" when unknown.
 */
export function formatGiB(gb: number | null | undefined): string {
  if (gb === null || gb === undefined || !Number.isFinite(gb)) return '-';
  const gib = gbToGiB(gb);
  if (gib < 1) return formatNumber(gib, 2);
  if (gib < 10) return formatNumber(gib, 1);
  return String(Math.round(gib));
}

/** "used/requested" (e.g. "0.23/2"), just "used" when nothing was requested, "-" when neither is known. */
export function formatUsage(
  used: number | null | undefined,
  requested: number | null | undefined,
  format: (value: number | null | undefined) => string,
): string {
  const hasRequested = requested !== null && requested !== undefined;
  if ((used === null || used === undefined) && !hasRequested) return '-';
  return hasRequested ? `${format(used)}/${format(requested)}` : format(used);
}

/** A share as a whole percentage ("42%"), or null when either side is unknown or the whole is 0. */
export function formatPercent(part: number | null | undefined, whole: number | null | undefined): string | null {
  if (part === null || part === undefined || !whole) return null;
  return `${Math.round((part / whole) * 100)}%`;
}

/** A digest shortened like canfar's image list: the first 12 hex characters, "-" when unknown. */
export function shortDigest(digest: string | null | undefined): string {
  if (!digest) return '-';
  const hex = digest.includes(':') ? digest.slice(digest.indexOf(':') + 1) : digest;
  return hex.slice(0, 12);
}

/** A list of numbers in compact form: consecutive runs collapse ("1-16"), others are comma-separated. */
export function formatOptions(options: readonly number[]): string {
  if (options.length === 0) return '-';
  const parts: string[] = [];
  let start = options[0];
  let prev = start;
  const flush = () => parts.push(start === prev ? String(start) : prev === start + 1 ? `${start},${prev}` : `${start}-${prev}`);
  for (const value of options.slice(1)) {
    if (value === prev + 1) {
      prev = value;
      continue;
    }
    flush();
    start = prev = value;
  }
  flush();
  return parts.join(',');
}
