import { dictGet, emptyDict, type Dict } from '../domain/dict.js';
import { isFinished, type Session } from '../domain/session.js';
import { isLaunchSuccess, replicaNumbers } from '../domain/launch.js';
import type { DaemonEvent } from './events.js';
import type { LaunchRecord } from './state.js';

/** One replica of a group: its number (its REPLICA_ID) and the session that runs it. */
export interface ReplicaMember {
  replica: number;
  id: string;
}

/** Sessions launched together as replicas `<base>-1..<base>-N`, with any reruns of some of them. */
export interface ReplicaGroup {
  /** Stable id of the group: from its launch when known, else from its name and first id. */
  key: string;
  base: string;
  /** How many replicas the group has (the launch's count when known, else the most the replica numbers seen show). */
  total: number;
  /** Ids of every member listed, earlier attempts of rerun replicas included. */
  ids: string[];
  /** The latest attempt of each replica listed, by replica number. */
  current: ReplicaMember[];
  /** Statuses of the latest attempts. */
  countsByStatus: Dict<number>;
  /** The daemon's launch that created the group; null when grouped by name only. */
  launchId: string | null;
  /** How many reruns of some replicas joined the group. */
  reruns: number;
}

const REPLICA_NAME = /^(.+)-(\d+)$/;
const SUCCESS: ReadonlySet<string> = new Set(['Completed', 'Succeeded']);
const FAILURE: ReadonlySet<string> = new Set(['Failed', 'Error']);

interface Draft {
  key: string;
  base: string;
  total: number;
  launchId: string | null;
  reruns: number;
  all: string[];
  /** Replica number → id of its latest attempt. */
  latest: Map<number, string>;
}

function finish(draft: Draft, byId: ReadonlyMap<string, Session>): ReplicaGroup {
  const current = [...draft.latest].map(([replica, id]) => ({ replica, id })).sort((a, b) => a.replica - b.replica);
  const countsByStatus = emptyDict<number>();
  for (const { id } of current) {
    const status = byId.get(id)!.status;
    countsByStatus[status] = (countsByStatus[status] ?? 0) + 1;
  }
  const { key, base, total, launchId, reruns } = draft;
  return { key, base, total, ids: [...new Set(draft.all)].sort(), current, countsByStatus, launchId, reruns };
}

/** Launch-made groups: the launch's exact ids; a rerun of some replicas (`replicaIds`) joins the latest group of its name and count. */
function launchDrafts(launches: readonly LaunchRecord[], byId: ReadonlyMap<string, Session>, claimed: Set<string>): Draft[] {
  const drafts: Draft[] = [];
  const byName = new Map<string, Draft>();
  for (const launch of launches) {
    const { results, request } = launch;
    if (!results) continue;
    const rerun = request.replicaIds !== undefined;
    const total = request.replicas ?? results.length;
    if (total < 2 || (!rerun && results.length < 2)) continue;
    const numbers = replicaNumbers(request);
    const listed = results
      .map((r, i) => ({ r, replica: numbers[i] ?? i + 1 }))
      .flatMap(({ r, replica }) => (isLaunchSuccess(r) && byId.has(r.id) ? [{ id: r.id, replica }] : []));
    const nameKey = `${request.name}\u0000${total}`;
    let draft = rerun ? byName.get(nameKey) : undefined;
    if (draft) draft.reruns++;
    else {
      if (listed.length === 0) continue;
      draft = { key: `replicas:${launch.id}`, base: request.name, total, launchId: launch.id, reruns: 0, all: [], latest: new Map() };
      drafts.push(draft);
    }
    byName.set(nameKey, draft);
    for (const { id, replica } of listed) {
      draft.all.push(id);
      draft.latest.set(replica, id);
      claimed.add(id);
    }
  }
  return drafts.filter((d) => d.all.length > 0);
}

/** Name-made groups: headless sessions nobody launched here, `<base>-<n>`; the latest start of a number is its current attempt. */
function nameDrafts(sessions: readonly Session[], claimed: ReadonlySet<string>): Draft[] {
  const byBase = new Map<string, { session: Session; replica: number }[]>();
  for (const s of sessions) {
    const match = s.kind === 'headless' && !claimed.has(s.id) ? REPLICA_NAME.exec(s.name) : null;
    if (!match) continue;
    const member = { session: s, replica: Number(match[2]) };
    const members = byBase.get(match[1]);
    if (members) members.push(member);
    else byBase.set(match[1], [member]);
  }
  const started = (s: Session) => (s.startedAt === null ? Infinity : Date.parse(s.startedAt) || 0);
  const drafts: Draft[] = [];
  for (const [base, members] of byBase) {
    if (members.length < 2) continue;
    const first = members.map((m) => m.session.id).sort()[0];
    const latest = new Map<number, Session>();
    for (const { session, replica } of members) {
      const seen = latest.get(replica);
      if (!seen || started(session) >= started(seen)) latest.set(replica, session);
    }
    const ids = new Map([...latest].map(([replica, s]) => [replica, s.id]));
    // Replicas that are no longer listed still counted in REPLICA_COUNT: the highest number seen is a floor.
    const total = Math.max(ids.size, ...ids.keys());
    drafts.push({ key: `replicas:${base}:${first}`, base, total, launchId: null, reruns: 0, all: members.map((m) => m.session.id), latest: ids });
  }
  return drafts;
}

/**
 * Pure: groups replicas, first by the launches that created them (exact ids, reruns joining their
 * group), then the remaining headless sessions by their `<base>-<n>` name; a group needs at least two members.
 */
export function groupReplicas(sessions: readonly Session[], launches: readonly LaunchRecord[] = []): ReplicaGroup[] {
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const claimed = new Set<string>();
  const drafts = launchDrafts(launches, byId, claimed);
  return [...drafts, ...nameDrafts(sessions, claimed)].map((d) => finish(d, byId));
}

/** The replicas whose latest attempt failed (Failed or Error), by replica number. */
export function failedReplicas(group: ReplicaGroup, sessions: Readonly<Record<string, Session>>): ReplicaMember[] {
  return group.current.filter((m) => FAILURE.has(dictGet(sessions, m.id)?.status ?? ''));
}

/** Whether the latest attempt of every replica listed has finished. */
export function isGroupDone(group: ReplicaGroup, sessions: Readonly<Record<string, Session>>): boolean {
  return group.current.every(({ id }) => {
    const session = dictGet(sessions, id);
    return session !== undefined && isFinished(session);
  });
}

/**
 * Pure: replaces the job:finished events of grouped replicas by one replicas:summary per group
 * once the whole group has finished ("12/12 completed", or with failures); a rerun gets its own summary.
 */
export function summariseReplicaEvents(
  events: readonly DaemonEvent[],
  sessions: Readonly<Record<string, Session>>,
  launches: readonly LaunchRecord[] = [],
): DaemonEvent[] {
  // Only finished jobs are summarised: without one, grouping every session would be wasted work.
  if (!events.some((event) => event.type === 'job:finished')) return events as DaemonEvent[];
  const groups = groupReplicas(Object.values(sessions), launches);
  const groupOf = new Map<string, ReplicaGroup>();
  for (const group of groups) for (const id of group.ids) groupOf.set(id, group);
  const out: DaemonEvent[] = [];
  const touched = new Map<string, { group: ReplicaGroup; at: number }>();
  for (const event of events) {
    const group = event.type === 'job:finished' ? groupOf.get(event.session.id) : undefined;
    if (!group) out.push(event);
    else touched.set(group.key, { group, at: event.at });
  }
  for (const { group, at } of touched.values()) {
    if (!isGroupDone(group, sessions)) continue;
    const statuses = group.current.map(({ id }) => sessions[id].status);
    const completed = statuses.filter((s) => SUCCESS.has(s)).length;
    out.push({
      type: 'replicas:summary',
      key: group.reruns > 0 ? `${group.key}:rerun${group.reruns}` : group.key,
      at,
      base: group.base,
      total: group.total,
      completed,
      failed: statuses.length - completed,
      ids: group.current.map(({ id }) => id).sort(),
    });
  }
  return out;
}
