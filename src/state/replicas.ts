import { dictGet, emptyDict, type Dict } from '../domain/dict.js';
import { isFinished, type Session } from '../domain/session.js';
import { isLaunchSuccess } from '../domain/launch.js';
import type { DaemonEvent } from './events.js';
import type { LaunchRecord } from './state.js';

/** Sessions launched together as replicas `<base>-1..<base>-N`. */
export interface ReplicaGroup {
  /** Stable id of the group: from its launch when known, else from its name and first id. */
  key: string;
  base: string;
  /** How many replicas the group has (the launch's count when known, else the members seen). */
  total: number;
  /** Ids of the members currently listed. */
  ids: string[];
  countsByStatus: Dict<number>;
}

const REPLICA_NAME = /^(.+)-(\d+)$/;
const SUCCESS: ReadonlySet<string> = new Set(['Completed', 'Succeeded']);

function makeGroup(key: string, base: string, total: number, members: Session[]): ReplicaGroup {
  const countsByStatus = emptyDict<number>();
  for (const s of members) countsByStatus[s.status] = (countsByStatus[s.status] ?? 0) + 1;
  return { key, base, total, ids: members.map((s) => s.id).sort(), countsByStatus };
}

/**
 * Pure: groups replicas, first by the launches that created them (exact ids), then the remaining
 * headless sessions by their `<base>-<n>` name; a group needs at least two members.
 */
export function groupReplicas(sessions: readonly Session[], launches: readonly LaunchRecord[] = []): ReplicaGroup[] {
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const claimed = new Set<string>();
  const groups: ReplicaGroup[] = [];
  for (const launch of launches) {
    if (!launch.results || launch.results.length < 2) continue;
    const members = launch.results.filter(isLaunchSuccess).map((r) => byId.get(r.id)).filter((s): s is Session => !!s);
    if (members.length === 0) continue;
    members.forEach((s) => claimed.add(s.id));
    groups.push(makeGroup(`replicas:${launch.id}`, launch.request.name, launch.results.length, members));
  }
  const byBase = new Map<string, Session[]>();
  for (const s of sessions) {
    const match = s.kind === 'headless' && !claimed.has(s.id) ? REPLICA_NAME.exec(s.name) : null;
    if (!match) continue;
    const members = byBase.get(match[1]);
    if (members) members.push(s);
    else byBase.set(match[1], [s]);
  }
  for (const [base, members] of byBase) {
    if (members.length < 2) continue;
    const first = members.map((s) => s.id).sort()[0];
    groups.push(makeGroup(`replicas:${base}:${first}`, base, members.length, members));
  }
  return groups;
}

/** Whether every listed member of a group has finished. */
export function isGroupDone(group: ReplicaGroup, sessions: Readonly<Record<string, Session>>): boolean {
  return group.ids.every((id) => {
    const session = dictGet(sessions, id);
    return session !== undefined && isFinished(session);
  });
}

/**
 * Pure: replaces the job:finished events of grouped replicas by one replicas:summary per group
 * once the whole group has finished ("12/12 completed", or with failures).
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
    const statuses = group.ids.map((id) => sessions[id].status);
    const completed = statuses.filter((s) => SUCCESS.has(s)).length;
    out.push({
      type: 'replicas:summary',
      key: group.key,
      at,
      base: group.base,
      total: group.total,
      completed,
      failed: statuses.length - completed,
      ids: group.ids,
    });
  }
  return out;
}
