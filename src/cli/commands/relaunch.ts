import { mergeJobs } from '../../domain/job-spec.js';
import type { LaunchRequest } from '../../domain/launch.js';
import type { RelaunchPlan, UnknownParam } from '../../state/relaunch-plan.js';
import type { CommandContext, CommandHandler } from '../command-context.js';
import { jobFromRequest } from '../../domain/job-spec.js';
import { jobFromArgs } from '../job-args.js';
import { printJob } from '../job-output.js';
import { JOB_TEXT } from '../job-text.js';
import { dryRunLaunch, fillRedacted, launchAndReport, requireRegistry } from '../launch-run.js';
import { flagOption, UsageError } from '../parse-args.js';
import { groupRerun, groupTally, sessionRelaunch } from '../relaunch-target.js';

/** Pure: the plan's request with the command line's --name, --replicas, --env and `-- CMD ARGS` on top, and what is still unknown. */
export function withOverrides(plan: RelaunchPlan, over: ReturnType<typeof jobFromArgs>): { request: LaunchRequest; unknown: UnknownParam[] } {
  const request: LaunchRequest = { ...plan.request };
  let unknown = plan.unknown;
  if (over.name !== undefined) request.name = over.name;
  if (over.replicas !== undefined) {
    request.replicas = over.replicas;
    delete request.replicaIds;
  }
  if (over.env) {
    request.env = mergeJobs({ env: request.env }, { env: over.env }).env;
    unknown = unknown.filter((u) => u !== 'environment');
  }
  if (over.cmd !== undefined) {
    request.cmd = over.cmd;
    if (over.args) request.args = over.args;
    else delete request.args;
    unknown = unknown.filter((u) => u !== 'command' && u !== 'arguments');
  }
  return { request, unknown };
}

async function run(ctx: CommandContext, plan: RelaunchPlan, what: string, subject: string, daemon: boolean): Promise<number> {
  const { args, out } = ctx;
  const { request, unknown } = withOverrides(plan, jobFromArgs(args, ctx.io.env));
  if (unknown.length > 0) {
    out.warn(plan.source === 'kept' ? JOB_TEXT.tooLargeToKnow(subject) : JOB_TEXT.couldNotKnow(subject, unknown, daemon));
  }
  if (flagOption(args, 'print')) {
    const whole = { ...request };
    if (whole.replicaIds) {
      out.note(JOB_TEXT.printWholeArray(subject, whole.replicas ?? 1));
      delete whole.replicaIds;
    }
    return printJob(ctx, jobFromRequest(whole, plan.registry));
  }
  const filled = await fillRedacted(ctx, request, `the launch the daemon kept of ${subject}`, 'relaunch');
  if (plan.registry) await requireRegistry(ctx, `relaunching ${subject}`);
  if (flagOption(args, 'dry-run')) return dryRunLaunch(ctx, filled, what);
  return launchAndReport(ctx, filled);
}

/**
 * `relaunch ID`: launches a session again as it was launched (the daemon's record, or what the listing
 * shows, saying what could not be known). `relaunch GROUP --failed`: only the failed replicas of a group,
 * each with its REPLICA_ID and the group's REPLICA_COUNT. --print writes the job file, --dry-run checks and shows.
 */
export const relaunchCommand: CommandHandler = async (ctx) => {
  const { args, out } = ctx;
  const target = args.positionals[0];
  if (flagOption(args, 'print') && flagOption(args, 'dry-run')) throw new UsageError(JOB_TEXT.oneOutput, 'relaunch');
  if (!flagOption(args, 'failed')) {
    const { plan, daemon } = await sessionRelaunch(ctx, target);
    if (plan.replica && args.options.replicas === undefined && !flagOption(args, 'print')) {
      out.note(JOB_TEXT.replicaNote(target, plan.replica.number, plan.replica.of, plan.request.name));
    }
    return run(ctx, plan, `relaunching ${target}`, `session ${target}`, daemon);
  }
  if (args.options.replicas !== undefined) throw new UsageError(JOB_TEXT.failedWithReplicas, 'relaunch');
  const { group, failed, plan, daemon } = await groupRerun(ctx, target);
  if (!plan) {
    if (out.json) out.printJson([]);
    else out.print(`${JOB_TEXT.noFailed(group.base, groupTally(group))}\n`);
    return 0;
  }
  const numbers = failed.map((m) => m.replica).sort((a, b) => a - b);
  if (!flagOption(args, 'print')) out.note(JOB_TEXT.rerunning(group.base, numbers, group.total));
  return run(ctx, plan, `rerunning ${numbers.length} failed replicas of ${group.base}`, `group ${group.base}`, daemon);
};
