// --print and --save-profile: a job written out (to stdout, or as a profile), never with a secret in it.

import { validateLaunch } from '../client/validate-launch.js';
import { resolvePaths } from '../config/paths.js';
import type { JobSpec } from '../domain/job-spec.js';
import { redactEnv, redactedNames } from '../state/launches.js';
import type { CommandContext } from './command-context.js';
import { JOB_TEXT } from './job-text.js';

/** The job with secret-looking env values redacted, after saying on stderr which ones. */
function withoutSecrets(ctx: CommandContext, job: JobSpec): JobSpec {
  if (!job.env) return job;
  const { env } = redactEnv(job.env);
  const names = redactedNames(env);
  if (names.length > 0) ctx.out.note(JOB_TEXT.redactedInFile(names));
  return { ...job, env };
}

/** Checks the rules a job's own values must follow (a partial job, such as resources only, is fine). */
function checkJob(job: JobSpec): void {
  if (job.kind === undefined || job.image === undefined) return;
  const { kind, image, name, cores, ram, gpus, replicas, cmd, args } = job;
  // Only the file's own values are checked: a secret placeholder or a missing name is for launch time.
  validateLaunch({ kind, image, name: name ?? 'name', cores, ram, gpus, replicas, cmd, args });
}

/** `--print`: the job file (JSON with --json) on stdout; exit 0. */
export async function printJob(ctx: CommandContext, job: JobSpec): Promise<number> {
  checkJob(job);
  const safe = withoutSecrets(ctx, job);
  if (ctx.out.json) {
    const { jobToObject } = await import('../domain/job-spec.js');
    ctx.out.printJson(jobToObject(safe));
  } else {
    const { jobFileText } = await import('../config/job-file.js');
    ctx.out.print(jobFileText(safe));
  }
  return 0;
}

/** `--save-profile NAME`: the job saved as a profile in the config folder; exit 0. */
export async function saveJobProfile(ctx: CommandContext, job: JobSpec, name: string): Promise<number> {
  const { checkProfileName, profilesDir, saveProfile } = await import('../config/profiles.js');
  checkProfileName(name);
  checkJob(job);
  const file = await saveProfile(profilesDir(resolvePaths(ctx.io.env as NodeJS.ProcessEnv).configDir), name, withoutSecrets(ctx, job));
  if (ctx.out.json) ctx.out.printJson({ profile: name, file });
  else ctx.out.print(`${JOB_TEXT.profileSaved(name, file)}\n`);
  return 0;
}
