import type { RelaunchPlan } from '../src/state/relaunch-plan.js';

/** The relaunch dialog: what will be launched, and the shell command that does the same. */
export interface RelaunchModal {
  type: 'relaunch';
  /** `session`: one session again; `rerun`: the failed replicas of a group. */
  mode: 'session' | 'rerun';
  /** The session's name and id, or the group's name. */
  subject: string;
  plan: RelaunchPlan;
  /** Rerun: the failed replicas' numbers. */
  replicas: number[];
  /** Rerun: how many replicas the group has. */
  total: number;
  command: string;
}
