import type { LaunchRequest } from '../../domain/launch.js';
import type { CommandHandler } from '../command-context.js';
import { jobFromArgs, launchJob, requestFromJob } from '../job-args.js';
import { printJob, saveJobProfile } from '../job-output.js';
import { JOB_TEXT } from '../job-text.js';
import { dryRunLaunch, fillRedacted, launchAndReport, requireRegistry } from '../launch-run.js';
import { flagOption, stringOption, UsageError, type ParsedArgs } from '../parse-args.js';
import { randomScientist } from '../scientist-names.js';

/** Builds the launch request from `launch KIND IMAGE [options] [-- CMD ARGS...]` alone; throws UsageError for an unknown kind. */
export function launchRequestFromArgs(args: ParsedArgs, pickName: () => string = randomScientist): LaunchRequest {
  const [kind, image] = args.positionals;
  return requestFromJob(jobFromArgs(args, {}, { kind, image }), 'launch', pickName);
}

/**
 * `launch`: the job of the command line (KIND IMAGE and flags, over a job file or a profile), then one of:
 * --print (its job file), --save-profile (kept as a profile), --dry-run (checked, requests shown), or the
 * launch itself (through the daemon when it runs), reporting each replica; exit 1 if any replica failed.
 */
export const launchCommand: CommandHandler = async (ctx) => {
  const { args, io } = ctx;
  const saveAs = stringOption(args, 'save-profile');
  const dryRun = flagOption(args, 'dry-run');
  if ([flagOption(args, 'print'), dryRun, saveAs !== undefined].filter(Boolean).length > 1) throw new UsageError(JOB_TEXT.oneOutput, 'launch');
  const { job, source } = await launchJob(args, io.env);
  if (flagOption(args, 'print')) return printJob(ctx, job);
  if (saveAs !== undefined) return saveJobProfile(ctx, job, saveAs);
  const request = await fillRedacted(ctx, requestFromJob(job, 'launch'), source ?? 'the command line', 'launch');
  if (job.registry) await requireRegistry(ctx, source ?? 'this launch');
  if (dryRun) return dryRunLaunch(ctx, request, `launching ${request.name}`);
  return launchAndReport(ctx, request);
};
