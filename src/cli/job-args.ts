// From a command line (and a job file or profile under it) to the job and the launch request it describes.

import { resolvePaths } from '../config/paths.js';
import { mergeJobs, type JobSpec } from '../domain/job-spec.js';
import type { LaunchRequest } from '../domain/launch.js';
import { LAUNCHABLE_KINDS, type LaunchableKind } from '../domain/session.js';
import { JOB_TEXT } from './job-text.js';
import { listOption, numberOption, stringOption, UsageError, type ParsedArgs } from './parse-args.js';
import { randomScientist } from './scientist-names.js';
import { USAGE_ERRORS } from './text.js';

/** A job and where it came from, for messages ("the job file fit.yaml", "the profile big"). */
export interface SourcedJob {
  job: JobSpec;
  /** Null when the command line alone describes it. */
  source: string | null;
}

/** `--env NAME` (no `=`) takes NAME's value from this environment, as docker does; USAGE_ERROR when it is not set there. */
export function envFromShell(entries: readonly string[], env: Readonly<Record<string, string | undefined>>, command: string): string[] {
  return entries.map((entry) => {
    if (entry.includes('=') || entry === '') return entry;
    const value = env[entry];
    if (value === undefined) throw new UsageError(JOB_TEXT.envFromShellMissing(entry), command);
    return `${entry}=${value}`;
  });
}

/** The job the command line itself gives: KIND and IMAGE (launch), the resource and env flags, and `-- CMD ARGS`. */
export function jobFromArgs(args: ParsedArgs, env: Readonly<Record<string, string | undefined>>, positionals: { kind?: string; image?: string } = {}): JobSpec {
  const command = args.command?.name ?? 'launch';
  const job: JobSpec = {};
  if (positionals.kind !== undefined) {
    const kind = LAUNCHABLE_KINDS.find((k) => k === positionals.kind!.toLowerCase());
    if (!kind) throw new UsageError(USAGE_ERRORS.badChoice('KIND', positionals.kind, LAUNCHABLE_KINDS), command);
    job.kind = kind as LaunchableKind;
  }
  if (positionals.image !== undefined) job.image = positionals.image;
  const name = stringOption(args, 'name');
  if (name !== undefined) job.name = name;
  for (const key of ['cores', 'ram', 'gpus', 'replicas'] as const) {
    const value = numberOption(args, key);
    if (value !== undefined) job[key] = value;
  }
  const entries = listOption(args, 'env');
  if (entries.length > 0) job.env = envFromShell(entries, env, command);
  // As in canfar: the first word after `--` is the command, the rest (space-joined) its arguments.
  const [cmd, ...rest] = args.rest ?? [];
  if (cmd !== undefined) {
    job.cmd = cmd;
    job.args = rest.join(' ');
  }
  return job;
}

/** The job file (-f) or profile (--profile) a launch starts from, if any. */
export async function baseJob(args: ParsedArgs, env: Readonly<Record<string, string | undefined>>): Promise<SourcedJob> {
  const file = stringOption(args, 'file');
  const profile = stringOption(args, 'profile');
  if (file !== undefined && profile !== undefined) throw new UsageError(JOB_TEXT.fileAndProfile, 'launch');
  if (file !== undefined) {
    const { readJobFile } = await import('../config/job-file.js');
    return { job: await readJobFile(file), source: `the job file ${file}` };
  }
  if (profile !== undefined) {
    const { loadProfile, profilesDir } = await import('../config/profiles.js');
    return { job: await loadProfile(profilesDir(resolvePaths(env as NodeJS.ProcessEnv).configDir), profile), source: `the profile ${profile}` };
  }
  return { job: {}, source: null };
}

/** The job of a launch command line: its file or profile, with the flags on top. */
export async function launchJob(args: ParsedArgs, env: Readonly<Record<string, string | undefined>>): Promise<SourcedJob> {
  const base = await baseJob(args, env);
  const [kind, image] = args.positionals;
  return { job: mergeJobs(base.job, jobFromArgs(args, env, { kind, image })), source: base.source };
}

/** The launch request a job describes (a random scientist's name when it has none); USAGE_ERROR without a kind or an image. */
export function requestFromJob(job: JobSpec, command: string, pickName: () => string = randomScientist): LaunchRequest {
  if (job.kind === undefined) throw new UsageError(JOB_TEXT.missingKind, command);
  if (job.image === undefined) throw new UsageError(JOB_TEXT.missingImage, command);
  const request: LaunchRequest = { kind: job.kind, image: job.image, name: job.name ?? pickName() };
  for (const key of ['cores', 'ram', 'gpus', 'replicas', 'cmd', 'env'] as const) {
    if (job[key] !== undefined) (request as unknown as Record<string, unknown>)[key] = job[key];
  }
  if (job.args) request.args = job.args;
  return request;
}
