// Named launch profiles: job files kept as `<config folder>/profiles/NAME.yaml`.

import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../domain/errors.js';
import type { JobSpec } from '../domain/job-spec.js';
import { writePrivateFile } from './write-private-file.js';

/** The profile name rule in words, for messages. */
export const PROFILE_NAME_RULE = '1 to 64 characters of A-Z, a-z, 0-9, "_" and "-"';

const PROFILE_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** The most profiles listed (a folder of thousands is not a set of profiles). */
export const MAX_PROFILES = 500;

/** One saved profile: its name and job, or why its file could not be read. */
export type ProfileEntry = { name: string; file: string; job: JobSpec } | { name: string; file: string; error: AppError };

// The job-file module (and the YAML library under it) loads only when a profile is read or written:
// listing names is what the dashboard does at start, and it needs neither.
const jobFile = () => import('./job-file.js');

/** The folder profiles are kept in. */
export function profilesDir(configDir: string): string {
  return path.join(configDir, 'profiles');
}

/** The name itself when it follows the profile rule (it becomes a file name); USAGE_ERROR otherwise. */
export function checkProfileName(name: string): string {
  if (!PROFILE_NAME.test(name))
    throw new AppError('USAGE_ERROR', `profile name ${JSON.stringify(name.slice(0, 80))} is not allowed: a profile name is ${PROFILE_NAME_RULE}`);
  return name;
}

/** The file of profile `name`. */
export function profileFile(dir: string, name: string): string {
  return path.join(dir, `${checkProfileName(name)}.yaml`);
}

/** The names of the saved profiles, sorted (none when the folder does not exist). */
export async function profileNames(dir: string): Promise<string[]> {
  let files: string[];
  try {
    files = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new AppError('CONFIG_ERROR', `cannot read the profiles folder ${dir}: ${String((error as NodeJS.ErrnoException).code ?? error)}`, { cause: error });
  }
  const names = files
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .filter((n) => PROFILE_NAME.test(n));
  return names.sort().slice(0, MAX_PROFILES);
}

/** Every saved profile with its job (a file that fails its checks is listed with the error). */
export async function listProfiles(dir: string): Promise<ProfileEntry[]> {
  const out: ProfileEntry[] = [];
  const names = await profileNames(dir);
  const { readJobFile } = await jobFile();
  for (const name of names) {
    const file = profileFile(dir, name);
    try {
      out.push({ name, file, job: await readJobFile(file) });
    } catch (error) {
      out.push({ name, file, error: error instanceof AppError ? error : new AppError('CONFIG_ERROR', String(error)) });
    }
  }
  return out;
}

/** The job of profile `name`; USAGE_ERROR naming the saved ones when there is none. */
export async function loadProfile(dir: string, name: string): Promise<JobSpec> {
  const names = await profileNames(dir);
  if (!names.includes(checkProfileName(name))) {
    const saved = names.length > 0 ? `the saved ones are ${names.join(', ')}` : 'none is saved yet';
    throw new AppError('USAGE_ERROR', `no profile ${name} (${saved}) — save one with \`skaha-tui launch … --save-profile ${name}\``);
  }
  return (await jobFile()).readJobFile(profileFile(dir, name));
}

/** Saves `job` as profile `name` (replacing one of that name), readable by its owner only; returns the file. */
export async function saveProfile(dir: string, name: string, job: JobSpec): Promise<string> {
  const file = profileFile(dir, name);
  const { jobFileText } = await jobFile();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  try {
    await writePrivateFile(file, jobFileText(job));
  } catch (error) {
    throw new AppError('CONFIG_ERROR', `cannot save the profile ${name} in ${dir}: ${String((error as NodeJS.ErrnoException).code ?? error)}`, {
      cause: error,
    });
  }
  return file;
}
