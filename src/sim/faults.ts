import { textResponse } from './auth.js';
import { checkSeconds } from './seconds.js';
import { RENEW_OUTCOMES, SIM_TROUBLES, type SimResponse } from './types.js';
import type { PreemptSwitch, SimFaults } from './fault-types.js';

const LIST_FIELDS = ['hang', 'reset', 'malformed', 'truncated', 'huge'] as const;
const BOOL_FIELDS = ['statsUnavailable', 'expiredToken', 'failJobs'] as const;
const NUMBER_FIELDS = ['latencyMs', 'hugeBytes', 'flakyRate', 'flakyStatus'] as const;

/** A change to the faults in force: fields to set, and fields set to null to remove. */
export type FaultPatch = { [K in keyof SimFaults]?: SimFaults[K] | null };

/** Whether a fault key applies to an endpoint: exact, a prefix group (`session`), or `*`. */
export function keyMatches(key: string, endpoint: string): boolean {
  return key === '*' || key === endpoint || endpoint.startsWith(`${key}.`);
}

/** Whether any key of a list applies to an endpoint. */
export function listMatches(keys: readonly string[] | undefined, endpoint: string): boolean {
  return (keys ?? []).some((key) => keyMatches(key, endpoint));
}

/** The injected status for an endpoint: the most specific matching key wins. */
export function statusFor(faults: SimFaults, endpoint: string): number | undefined {
  const entries = Object.entries(faults.status ?? {}).filter(([key]) => keyMatches(key, endpoint));
  entries.sort(([a], [b]) => (b === '*' ? -1 : a === '*' ? 1 : b.length - a.length));
  return entries[0]?.[1];
}

/** Validates faults from JSON (admin endpoint, CLI); throws a RangeError naming the bad field. */
export function parseFaults(value: unknown): SimFaults {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RangeError('faults must be a JSON object');
  const input = value as Record<string, unknown>;
  const out: SimFaults = {};
  for (const [field, v] of Object.entries(input)) {
    if ((LIST_FIELDS as readonly string[]).includes(field)) {
      if (!Array.isArray(v) || !v.every((k) => typeof k === 'string')) throw new RangeError(`${field} must be an array of endpoint keys`);
      out[field as (typeof LIST_FIELDS)[number]] = [...v];
    } else if ((BOOL_FIELDS as readonly string[]).includes(field)) {
      if (typeof v !== 'boolean') throw new RangeError(`${field} must be true or false`);
      out[field as (typeof BOOL_FIELDS)[number]] = v;
    } else if ((NUMBER_FIELDS as readonly string[]).includes(field)) {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new RangeError(`${field} must be a number >= 0`);
      if (field === 'flakyRate' && v > 1) throw new RangeError('flakyRate must be between 0 and 1');
      out[field as (typeof NUMBER_FIELDS)[number]] = v;
    } else if (field === 'status') {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new RangeError('status must map endpoint keys to HTTP statuses');
      const map: Record<string, number> = {};
      for (const [key, code] of Object.entries(v as Record<string, unknown>)) {
        if (typeof code !== 'number' || !Number.isInteger(code) || code < 100 || code > 599) {
          throw new RangeError(`status.${key} must be an HTTP status (100-599)`);
        }
        map[key] = code;
      }
      out.status = map;
    } else if (field === 'queueSeconds') {
      out.queueSeconds = checkSeconds(v, 'queueSeconds');
    } else if (field === 'failReplicas') {
      if (!Array.isArray(v) || !v.every((n) => Number.isInteger(n) && n >= 1))
        throw new RangeError('failReplicas must be an array of replica numbers (whole numbers from 1)');
      out.failReplicas = [...(v as number[])];
    } else if (field === 'trouble') {
      out.trouble = oneOf(v, SIM_TROUBLES, 'trouble');
    } else if (field === 'renew') {
      out.renew = oneOf(v, RENEW_OUTCOMES, 'renew');
    } else if (field === 'preempt') {
      out.preempt = parsePreempt(v);
    } else {
      throw new RangeError(`unknown fault: ${field} (known: ${FAULT_FIELDS.join(', ')})`);
    }
  }
  return out;
}

/** Every field a faults object may have. */
export const FAULT_FIELDS = [
  ...LIST_FIELDS,
  ...BOOL_FIELDS,
  ...NUMBER_FIELDS,
  'status',
  'queueSeconds',
  'failReplicas',
  'trouble',
  'renew',
  'preempt',
] as const;

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new RangeError(`${field} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`);
  }
  return value as T;
}

function parsePreempt(value: unknown): PreemptSwitch {
  const v = value as Record<string, unknown> | null;
  if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.keys(v).sort().join() !== 'afterSeconds,queuedSeconds') {
    throw new RangeError('preempt must be {"afterSeconds": N, "queuedSeconds": N} (clock seconds)');
  }
  return { afterSeconds: checkSeconds(v.afterSeconds, 'preempt.afterSeconds'), queuedSeconds: checkSeconds(v.queuedSeconds, 'preempt.queuedSeconds') };
}

/** Merges a patch (validated; a field set to null is removed) into faults, as PATCH and scheduled changes do. */
export function mergeFaults(current: SimFaults, patch: unknown): SimFaults {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw new RangeError('faults must be a JSON object');
  const entries = Object.entries(patch as Record<string, unknown>);
  const removed = entries.filter(([, v]) => v === null).map(([k]) => k);
  for (const field of removed) if (!(FAULT_FIELDS as readonly string[]).includes(field)) throw new RangeError(`unknown fault: ${field}`);
  const next: Record<string, unknown> = { ...current, ...parseFaults(Object.fromEntries(entries.filter(([, v]) => v !== null))) };
  for (const field of removed) delete next[field];
  return next;
}

/** The answer for an injected error status, with the body the real stack would send for it. */
export function faultResponse(status: number, path: string): SimResponse {
  switch (status) {
    case 401:
      return textResponse(401, 'Unauthorized', { 'WWW-Authenticate': 'Bearer' });
    case 403:
      return textResponse(403, 'Not authorized to use the skaha system');
    case 404:
      return textResponse(404, `not found: ${path}`);
    case 503:
      return textResponse(503, `temporarily unavailable: ${path}`, { 'Retry-After': '30' });
    default:
      if (status >= 500) return textResponse(status, 'unexpected exception: java.lang.RuntimeException: simulated fault');
      return textResponse(status, `simulated fault: HTTP ${status}`);
  }
}

/** The 503 `view=stats` gives when the metrics backend is down (fails closed). */
export function statsUnavailableResponse(): SimResponse {
  return textResponse(503, 'Platform statistics unavailable', { 'Retry-After': '30' });
}
