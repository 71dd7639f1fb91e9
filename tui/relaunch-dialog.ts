// Pure: the relaunch dialog for the selected row: a session launched again, or a group's failed replicas rerun.

import { storedName } from '../src/domain/launch.js';
import { relaunchPlan, rerunPlan } from '../src/state/relaunch-plan.js';
import { failedReplicas, groupReplicas } from '../src/state/replicas.js';
import type { DaemonState } from '../src/state/state.js';
import { shellQuote } from './form/form-request.js';
import type { TableRow } from './render/table-rows.js';
import { RELAUNCH } from './relaunch-text.js';
import type { RelaunchModal } from './relaunch-modal.js';

/** The dialog's type lives in its own file (the view's types need it); re-exported for the dialog's callers. */
export type { RelaunchModal } from './relaunch-modal.js';

/** Whether the launch form can take the plan over (a replica's REPLICA_ID or a rerun's numbers it cannot express). */
export function editable(modal: RelaunchModal): boolean {
  return modal.mode === 'session' && modal.plan.replica === null;
}

function tally(counts: Readonly<Record<string, number>>): string {
  return Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
}

/** Pure: the dialog for `row`, or why there is nothing to launch again. */
export function relaunchModalFor(row: TableRow, state: DaemonState): RelaunchModal | { problem: string } {
  if (row.type === 'session') {
    const { session } = row;
    const plan = relaunchPlan(session.id, session, state.launches);
    if (!plan) return { problem: RELAUNCH.notRelaunchable(session.name, session.kind) };
    return {
      type: 'relaunch',
      mode: 'session',
      subject: `${session.name} (${session.id})`,
      plan,
      replicas: [],
      total: 1,
      command: `skaha-tui relaunch ${session.id}`,
    };
  }
  const { group } = row;
  const failed = failedReplicas(group, state.sessions);
  const plan = failed.length > 0 ? rerunPlan(group, failed, state.sessions, state.launches) : null;
  if (!plan) return { problem: RELAUNCH.noFailed(group.base, tally(group.countsByStatus)) };
  const sameName = groupReplicas(Object.values(state.sessions), state.launches).filter((g) => storedName(g.base) === storedName(group.base));
  // A name two groups share would be refused as ambiguous: a member's id names this one.
  const named = sameName.length === 1 ? shellQuote(group.base) : failed[0].id;
  const replicas = failed.map((m) => m.replica).sort((a, b) => a - b);
  return { type: 'relaunch', mode: 'rerun', subject: group.base, plan, replicas, total: group.total, command: `skaha-tui relaunch ${named} --failed` };
}
