// A job file (YAML or JSON) as data: what it may hold, checked as hostile input (a file from a colleague),
// and the ordered object written back for one. Reading and writing the file itself is src/config/job-file.ts.

import { AppError } from './errors.js';
import type { LaunchRequest } from './launch.js';
import { LAUNCHABLE_KINDS, type LaunchableKind } from './session.js';

/** What a job file describes: a launch without any secret. `registry: configured` asks for the configured registry credentials. */
export interface JobSpec {
  kind?: LaunchableKind;
  image?: string;
  name?: string;
  cores?: number;
  /** GiB, as `--ram`. */
  ram?: number;
  gpus?: number;
  replicas?: number;
  cmd?: string;
  /** Space-separated, as Skaha takes them. */
  args?: string;
  /** `KEY=VALUE` entries, in order. */
  env?: string[];
  registry?: 'configured';
}

/** The keys a job file may have, in the order one is written. */
export const JOB_KEYS = ['kind', 'image', 'name', 'cores', 'ram', 'gpus', 'replicas', 'cmd', 'args', 'env', 'registry'] as const;

/** The value of `registry` that names the configured registry credentials. */
export const CONFIGURED_REGISTRY = 'configured';

/** Bounds on what one job file may hold (the launch rules come later, in validateLaunch). */
export const JOB_LIMITS = { image: 1000, name: 200, cmd: 10_000, args: 100_000, argsItems: 1000, envEntries: 1000, envEntry: 10_000 } as const;

// A key naming a credential: the file must not carry one, whatever it is called.
const SECRET_KEY = /registry|secret|passw|token|auth|credential/i;

/** The message for registry credentials written into a job file. */
export function inlineRegistryMessage(source: string): string {
  return (
    `${source}: registry credentials are never kept in a job file — configure them (SKAHA_REGISTRY_USERNAME and ` +
    `SKAHA_REGISTRY_SECRET, or "registry" in config.json) and write \`registry: ${CONFIGURED_REGISTRY}\` to use them`
  );
}

function problem(source: string, key: string, rule: string): AppError {
  return new AppError('VALIDATION_ERROR', `${source}: ${key} ${rule}`, { field: key });
}

const shownKey = (key: string) => JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);

function text(source: string, key: string, value: unknown, max: number): string {
  if (typeof value !== 'string' && typeof value !== 'number') throw problem(source, key, 'must be text');
  const out = String(value);
  if (out.length > max) throw problem(source, key, `is longer than ${max} characters`);
  return out;
}

function number(source: string, key: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw problem(source, key, 'must be a number');
  return value;
}

function args(source: string, value: unknown): string {
  if (!Array.isArray(value)) return text(source, 'args', value, JOB_LIMITS.args);
  if (value.length > JOB_LIMITS.argsItems) throw problem(source, 'args', `holds more than ${JOB_LIMITS.argsItems} items`);
  return text(source, 'args', value.map((v, i) => text(source, `args[${i}]`, v, JOB_LIMITS.args)).join(' '), JOB_LIMITS.args);
}

function envValue(source: string, name: string, value: unknown): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return String(value);
  return text(source, `env.${name}`, value, JOB_LIMITS.envEntry);
}

function env(source: string, value: unknown): string[] {
  const entries: string[] = [];
  if (Array.isArray(value)) {
    for (const [i, entry] of value.entries()) entries.push(text(source, `env[${i}]`, entry, JOB_LIMITS.envEntry));
  } else if (typeof value === 'object' && value !== null) {
    for (const name of Object.keys(value)) {
      if (name === '' || name.includes('=')) throw problem(source, 'env', `has a variable name ${shownKey(name)}: a name must be non-empty and hold no "="`);
      entries.push(`${name}=${envValue(source, name, (value as Record<string, unknown>)[name])}`);
    }
  } else {
    throw problem(source, 'env', 'must be a mapping (NAME: value) or a list of NAME=value');
  }
  if (entries.length > JOB_LIMITS.envEntries) throw problem(source, 'env', `holds more than ${JOB_LIMITS.envEntries} variables`);
  return entries;
}

/**
 * Pure: the job described by `raw` (a parsed YAML or JSON file named `source` in messages). Unknown keys,
 * wrong types, values over the bounds and any registry credential are refused with VALIDATION_ERROR.
 */
export function jobFromObject(raw: unknown, source: string): JobSpec {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new AppError('VALIDATION_ERROR', `${source}: a job file holds a mapping of ${JOB_KEYS.join(', ')}`);
  }
  const data = raw as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    if ((JOB_KEYS as readonly string[]).includes(key)) continue;
    if (SECRET_KEY.test(key)) throw new AppError('VALIDATION_ERROR', inlineRegistryMessage(source), { field: key });
    throw new AppError('VALIDATION_ERROR', `${source}: unknown key ${shownKey(key)} — a job file holds ${JOB_KEYS.join(', ')}`, { field: key });
  }
  const has = (key: string) => Object.hasOwn(data, key) && data[key] !== null && data[key] !== undefined;
  const job: JobSpec = {};
  if (has('kind')) {
    const kind = text(source, 'kind', data.kind, 40).toLowerCase();
    if (!(LAUNCHABLE_KINDS as readonly string[]).includes(kind)) throw problem(source, 'kind', `must be one of ${LAUNCHABLE_KINDS.join(', ')}`);
    job.kind = kind as LaunchableKind;
  }
  if (has('image')) job.image = text(source, 'image', data.image, JOB_LIMITS.image);
  if (has('name')) job.name = text(source, 'name', data.name, JOB_LIMITS.name);
  for (const key of ['cores', 'ram', 'gpus', 'replicas'] as const) if (has(key)) job[key] = number(source, key, data[key]);
  if (has('cmd')) job.cmd = text(source, 'cmd', data.cmd, JOB_LIMITS.cmd);
  if (has('args')) job.args = args(source, data.args);
  if (has('env')) job.env = env(source, data.env);
  if (has('registry')) {
    if (typeof data.registry === 'object') throw new AppError('VALIDATION_ERROR', inlineRegistryMessage(source), { field: 'registry' });
    if (data.registry !== CONFIGURED_REGISTRY)
      throw problem(source, 'registry', `can only be \`${CONFIGURED_REGISTRY}\` (the registry credentials you configured)`);
    job.registry = CONFIGURED_REGISTRY;
  }
  return job;
}

/** Pure: the job file's content for `job`, keys in JOB_KEYS order and env as a mapping; absent keys are left out. */
export function jobToObject(job: JobSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of JOB_KEYS) {
    const value = job[key];
    if (value === undefined) continue;
    if (key === 'env') {
      const env: Record<string, string> = {};
      for (const entry of job.env ?? []) {
        const eq = entry.indexOf('=');
        env[eq < 0 ? entry : entry.slice(0, eq)] = eq < 0 ? '' : entry.slice(eq + 1);
      }
      out.env = env;
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** Pure: `base` with `over`'s values on top; env entries replace those of the same name and add the others. */
export function mergeJobs(base: JobSpec, over: JobSpec): JobSpec {
  const out: JobSpec = { ...base };
  for (const key of JOB_KEYS) if (key !== 'env' && over[key] !== undefined) (out as Record<string, unknown>)[key] = over[key];
  if (over.env) {
    const nameOf = (entry: string) => (entry.includes('=') ? entry.slice(0, entry.indexOf('=')) : entry);
    const replaced = new Set(over.env.map(nameOf));
    out.env = [...(base.env ?? []).filter((e) => !replaced.has(nameOf(e))), ...over.env];
  }
  return out;
}

/** The job file a launch request describes (never a registry secret: `registry: configured` when it used one). */
export function jobFromRequest(request: LaunchRequest, registry: boolean): JobSpec {
  const job: JobSpec = { kind: request.kind, image: request.image, name: request.name };
  for (const key of ['cores', 'ram', 'gpus', 'cmd', 'args', 'env'] as const) {
    if (request[key] !== undefined) (job as Record<string, unknown>)[key] = request[key];
  }
  if ((request.replicas ?? 1) !== 1) job.replicas = request.replicas;
  if (registry || request.registryAuth) job.registry = CONFIGURED_REGISTRY;
  return job;
}
