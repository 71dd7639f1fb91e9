import { emptyDict } from '../../src/domain/dict.js';
import type { Session } from '../../src/domain/session.js';
import { initialState, STATE_SCHEMA_VERSION, type DaemonState } from '../../src/state/state.js';
import { sanitiseLaunchRequest } from '../../src/state/launches.js';
import { stateProblem } from '../../src/protocol/state-check.js';
import { reviveState, type DaemonStateWire } from '../../src/state/revive.js';
import { pointsToColumns, type SeriesJson } from '../../src/state/tier-json.js';
import { STATS_KIND, USAGE_KIND } from '../../src/state/usage.js';
import type { HistoryPoint } from '../../src/state/history.js';

/** One migration: turns the raw JSON of schema `from` into schema `from + 1`. */
export type Migration = (raw: Record<string, unknown>, now: number) => Record<string, unknown>;

/**
 * v0 (before schema versions): `{sessions: Session[], lastPoll?: ISO string, notified?: string[]}`.
 * v1: sessions by id, epoch-ms times, emitted keys with the time they were recorded.
 */
const v0ToV1: Migration = (raw, now) => {
  const sessions = emptyDict<Session>();
  for (const s of Array.isArray(raw.sessions) ? (raw.sessions as Session[]) : []) if (s && typeof s.id === 'string') sessions[s.id] = s;
  const lastPoll = typeof raw.lastPoll === 'string' ? Date.parse(raw.lastPoll) : NaN;
  const emitted = emptyDict<number>();
  for (const key of Array.isArray(raw.notified) ? raw.notified : []) if (typeof key === 'string') emitted[key] = now;
  return { schemaVersion: 1, sessions, lastPollAt: Number.isFinite(lastPoll) ? lastPoll : null, emitted };
};

function tiersToJson(value: unknown, fields: readonly string[]): SeriesJson | undefined {
  if (!Array.isArray(value)) return undefined;
  return { tiers: value.map((tier) => pointsToColumns(fields, Array.isArray(tier) ? (tier as HistoryPoint[]) : [])) };
}

/**
 * v1 → v2: histories leave the state file for their own (binary) file, and their JSON form becomes
 * columns per tier. A v1 file's histories are kept, turned into columns.
 */
const v1ToV2: Migration = (raw) => {
  const usage = emptyDict<SeriesJson>();
  const old = typeof raw.usage === 'object' && raw.usage !== null ? (raw.usage as Record<string, unknown>) : {};
  for (const [id, tiers] of Object.entries(old)) {
    const json = tiersToJson(tiers, USAGE_KIND.spec.fields);
    if (json) usage[id] = json;
  }
  const statsHistory = tiersToJson(raw.statsHistory, STATS_KIND.spec.fields);
  const out: Record<string, unknown> = { ...raw, schemaVersion: 2, usage };
  if (statsHistory) out.statsHistory = statsHistory;
  else delete out.statsHistory;
  return out;
};

/** v2 → v3: the state gains per-session insights and the wait history; both start empty. */
const v2ToV3: Migration = (raw) => ({ ...raw, schemaVersion: 3, insights: {}, waits: [] });

/**
 * v3 → v4: the state gains home storage (unknown until read) and each insight an idle spell (none yet).
 * The usage accounts it gains live in the history file, never in this one.
 */
const v3ToV4: Migration = (raw) => {
  const insights = emptyDict<Record<string, unknown>>();
  const old = typeof raw.insights === 'object' && raw.insights !== null ? (raw.insights as Record<string, unknown>) : {};
  for (const [id, insight] of Object.entries(old)) {
    insights[id] =
      typeof insight === 'object' && insight !== null ? { idle: null, ...(insight as Record<string, unknown>) } : (insight as Record<string, unknown>);
  }
  return { ...raw, schemaVersion: 4, insights, storage: null };
};

/** Migrations by the version they start from. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = { 0: v0ToV1, 1: v1ToV2, 2: v2ToV3, 3: v3ToV4 };

/** The outcome of migrating a file's JSON: a usable state, or why the file cannot be used. */
export type MigrateResult = { ok: true; state: DaemonState; from: number } | { ok: false; problem: string; future: boolean };

/** Pure: brings raw file JSON to the current schema, fills missing fields with defaults, and validates it. */
export function migrateState(raw: unknown, now: number, migrations = MIGRATIONS): MigrateResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problem: 'the file does not hold a JSON object', future: false };
  }
  let data = raw as Record<string, unknown>;
  const from = data.schemaVersion === undefined ? 0 : data.schemaVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) {
    return { ok: false, problem: 'schemaVersion is not a whole number', future: false };
  }
  if (from > STATE_SCHEMA_VERSION) {
    const problem = `it was written by a newer skaha-tui (schema ${from}; this one reads up to ${STATE_SCHEMA_VERSION})`;
    return { ok: false, problem, future: true };
  }
  for (let version = from; version < STATE_SCHEMA_VERSION; version++) {
    const migration = migrations[version];
    if (!migration) return { ok: false, problem: `no migration from schema ${version}`, future: false };
    data = migration(data, now);
  }
  const wire = { ...initialState(), ...data, schemaVersion: STATE_SCHEMA_VERSION } as DaemonStateWire;
  const problem = stateProblem(wire);
  if (problem) return { ok: false, problem, future: false };
  const state: DaemonState = reviveState(wire);
  // Defence in depth: a file written by hand or an older build must not bring a secret back.
  state.launches = state.launches.map((l) => ({ ...l, request: sanitiseLaunchRequest(l.request) }));
  return { ok: true, state, from };
}
