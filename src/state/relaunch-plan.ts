// Pure: what launching a session (or the failed replicas of a group) again would send, from the launch
// the daemon kept when it made it, or else rebuilt from what the session shows.

import { dictGet } from '../domain/dict.js';
import { isLaunchSuccess, replicaNumbers, type LaunchRequest } from '../domain/launch.js';
import { toGiB } from '../domain/memory.js';
import { LAUNCHABLE_KINDS, type LaunchableKind, type Session } from '../domain/session.js';
import { redactedNames, type StoredLaunchRequest } from './launches.js';
import type { ReplicaGroup, ReplicaMember } from './replicas.js';
import type { LaunchRecord } from './state.js';

/** A launch parameter a relaunch could not know. */
export type UnknownParam = 'command' | 'arguments' | 'environment' | 'resources';

/** A launch to send again: the request (never with a registry secret), and what it lacks. */
export interface RelaunchPlan {
  request: LaunchRequest;
  /** `kept`: the daemon's record of the launch; `session`: rebuilt from the listing (kind, image, fixed resources). */
  source: 'kept' | 'session';
  /** What the listing does not show, for a session the daemon did not launch (or whose command was too long to keep). */
  unknown: UnknownParam[];
  /** Env variables whose values were not kept (their names look secret): to be given again. */
  redacted: string[];
  /** The launch used private-registry credentials (never kept): the configured ones are needed. */
  registry: boolean;
  /** The daemon's launch it repeats, when kept. */
  launchId: string | null;
  /** The replica of a multi-replica launch this session ran as (its REPLICA_ID), with the launch's count; null otherwise. */
  replica: { number: number; of: number } | null;
}

/** The launch the daemon kept that created session `id`, and the replica number it ran as; newest first. */
export function keptLaunchOf(id: string, launches: readonly LaunchRecord[]): { record: LaunchRecord; replica: number } | null {
  for (let i = launches.length - 1; i >= 0; i--) {
    const record = launches[i];
    const index = record.results?.findIndex((r) => isLaunchSuccess(r) && r.id === id) ?? -1;
    if (index >= 0) return { record, replica: replicaNumbers(record.request)[index] ?? index + 1 };
  }
  return null;
}

/** The launch request a stored one describes (the stored-only fields left out). */
export function requestFromStored(stored: StoredLaunchRequest): LaunchRequest {
  const { kind, image, name, cores, ram, gpus, cmd, args, env, replicas, replicaIds } = stored;
  const request: LaunchRequest = { kind, image, name };
  const optional = { cores, ram, gpus, cmd, args, env, replicas, replicaIds };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (request as unknown as Record<string, unknown>)[key] = value;
  return request;
}

function fromRecord(record: LaunchRecord): RelaunchPlan {
  const stored = record.request;
  const request = requestFromStored(stored);
  delete request.replicaIds;
  const unknown: UnknownParam[] = stored.paramsTooLarge && stored.kind === 'headless' ? ['command', 'arguments', 'environment'] : [];
  return {
    request,
    source: 'kept',
    unknown,
    redacted: redactedNames(request.env ?? []),
    registry: stored.registryAuthUsed,
    launchId: record.id,
    replica: null,
  };
}

/** Pure: the plan rebuilt from what a listed session shows (kind, image, fixed resources); null for a kind no one launches (desktop-app). */
export function planFromSession(session: Session): RelaunchPlan | null {
  if (!(LAUNCHABLE_KINDS as readonly string[]).includes(session.kind)) return null;
  const kind = session.kind as LaunchableKind;
  const request: LaunchRequest = { kind, image: session.image, name: session.name };
  const unknown: UnknownParam[] = [];
  if (session.fixed === true) {
    if (session.cpu.requested !== null) request.cores = Math.max(1, Math.round(session.cpu.requested));
    const ram = toGiB(session.ramGB.requested, 0);
    if (ram !== null) request.ram = Math.max(1, ram);
  } else if (session.fixed === null) {
    unknown.push('resources');
  }
  if ((session.gpus.requested ?? 0) > 0) request.gpus = session.gpus.requested!;
  if (kind === 'headless') unknown.push('command', 'arguments', 'environment');
  return { request, source: 'session', unknown, redacted: [], registry: false, launchId: null, replica: null };
}

/**
 * Pure: how to launch session `id` again: as the daemon launched it (a replica keeps its REPLICA_ID and
 * the count), else as the listing shows it; null when neither knows it.
 */
export function relaunchPlan(id: string, session: Session | null, launches: readonly LaunchRecord[]): RelaunchPlan | null {
  const kept = keptLaunchOf(id, launches);
  if (kept) {
    const plan = fromRecord(kept.record);
    const count = plan.request.replicas ?? 1;
    if (count > 1) {
      plan.request.replicaIds = [kept.replica];
      plan.replica = { number: kept.replica, of: count };
    }
    return plan;
  }
  return session ? planFromSession(session) : null;
}

/**
 * Pure: the rerun of `failed` replicas of `group`, each with its REPLICA_ID and the group's REPLICA_COUNT,
 * from the launch that made the group when the daemon kept it, else from one of its sessions.
 */
export function rerunPlan(
  group: ReplicaGroup,
  failed: readonly ReplicaMember[],
  sessions: Readonly<Record<string, Session>>,
  launches: readonly LaunchRecord[],
): RelaunchPlan | null {
  const record = group.launchId === null ? undefined : launches.find((l) => l.id === group.launchId);
  const member = [...failed, ...group.current].map((m) => dictGet(sessions, m.id)).find((s) => s !== undefined);
  const plan = record ? fromRecord(record) : member ? planFromSession(member) : null;
  if (!plan) return null;
  plan.request.name = record ? record.request.name : group.base;
  plan.request.replicas = group.total;
  plan.request.replicaIds = failed.map((m) => m.replica).sort((a, b) => a - b);
  return plan;
}
