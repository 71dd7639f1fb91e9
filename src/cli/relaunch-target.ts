// Which launch `relaunch` repeats: a session's (kept by the daemon, else rebuilt from the listing), or the
// failed replicas of a group, found by the group's name or one of its sessions' ids.

import { dictFrom } from '../domain/dict.js';
import { AppError } from '../domain/errors.js';
import { storedName } from '../domain/launch.js';
import { noSessionError } from '../domain/no-session.js';
import { checkSessionId } from '../domain/session-id.js';
import type { Session } from '../domain/session.js';
import { relaunchPlan, rerunPlan, type RelaunchPlan } from '../state/relaunch-plan.js';
import { failedReplicas, groupReplicas, type ReplicaGroup, type ReplicaMember } from '../state/replicas.js';
import type { CommandContext } from './command-context.js';
import { cacheDaemon } from './daemon-cache.js';
import { JOB_TEXT } from './job-text.js';
import { lookUpSessions } from './known-sessions.js';
import { UsageError } from './parse-args.js';

/** A session's relaunch plan; `daemon` says whether a daemon's records were looked at. */
export async function sessionRelaunch(ctx: CommandContext, id: string): Promise<{ plan: RelaunchPlan; daemon: boolean }> {
  checkSessionId(id, 'ID');
  const { found, conn } = await lookUpSessions(ctx, [id]);
  const launcher = conn ?? (await ctx.daemon());
  const plan = relaunchPlan(id, found.get(id) ?? null, launcher?.state?.launches ?? []);
  if (plan) return { plan, daemon: launcher !== null };
  const session = found.get(id);
  if (session) throw new AppError('SESSION_STATE', JOB_TEXT.notRelaunchable(id, session.kind));
  throw noSessionError(id);
}

/** What rerunning a group's failed replicas means: the group, those replicas, and the plan (null: none failed). */
export interface GroupRerun {
  group: ReplicaGroup;
  failed: ReplicaMember[];
  plan: RelaunchPlan | null;
  daemon: boolean;
}

function tally(group: ReplicaGroup): string {
  return Object.entries(group.countsByStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
}

/** The group `name` names (its name, a member's id, or its key) and its failed replicas; errors when none or several match. */
export async function groupRerun(ctx: CommandContext, name: string): Promise<GroupRerun> {
  const conn = await cacheDaemon(ctx);
  const state = conn?.state ?? null;
  const sessions: Session[] = state ? Object.values(state.sessions) : await (await ctx.api()).listSessions();
  const launches = state?.launches ?? [];
  const matches = groupReplicas(sessions, launches).filter((g) => g.ids.includes(name) || g.key === name || storedName(g.base) === storedName(name));
  if (matches.length === 0) throw new AppError('SKAHA_NOT_FOUND', JOB_TEXT.noGroup(name));
  if (matches.length > 1) {
    const choices = matches.map((g) => JOB_TEXT.groupChoice(g.total, g.current[0]?.id ?? g.ids[0], tally(g)));
    throw new UsageError(JOB_TEXT.ambiguousGroup(name, choices), 'relaunch');
  }
  const [group] = matches;
  const byId = dictFrom(sessions.map((s) => [s.id, s] as const));
  const failed = failedReplicas(group, byId);
  return { group, failed, plan: failed.length > 0 ? rerunPlan(group, failed, byId, launches) : null, daemon: conn !== null };
}

/** The group's statuses in words, for "nothing to rerun". */
export function groupTally(group: ReplicaGroup): string {
  return tally(group);
}
