// From form to request: the LaunchRequest, per-field errors and warnings, and the equivalent command line.

import { isAppError } from '../../src/domain/errors.js';
import type { LaunchRequest } from '../../src/domain/launch.js';
import { isActive, isInteractiveKind } from '../../src/domain/session.js';
import { validateLaunch } from '../../src/domain/validate-launch.js';
import { normaliseImage } from '../../src/domain/normalise-image.js';
import { isSecretEnvName, REDACTED } from '../../src/state/launches.js';
import { catalogueProblem } from '../../src/domain/image-catalogue.js';
import { storedName } from '../../src/domain/launch.js';
import { FORM } from '../text.js';
import type { FormEnv, FormField, LaunchForm } from './launch-form-types.js';

/** Field → what is wrong with it. */
export type FormErrors = Partial<Record<FormField, string>>;

const FIELD_OF: Record<string, FormField> = {
  kind: 'kind',
  image: 'image',
  name: 'name',
  cores: 'cores',
  ram: 'ram',
  gpus: 'gpus',
  cmd: 'cmd',
  args: 'args',
  env: 'env',
  replicas: 'replicas',
  'registryAuth.username': 'registryUser',
  'registryAuth.secret': 'registrySecret',
};

/** The launch request the form describes (not yet validated). */
export function formRequest(form: LaunchForm): LaunchRequest {
  const request: LaunchRequest = { kind: form.kind, image: form.image.trim(), name: form.name.trim() };
  try {
    request.image = normaliseImage(form.image);
  } catch {
    // formErrors reports it; the raw text is kept so the command line shows what was typed.
  }
  if (form.fixed && form.cores !== null) request.cores = form.cores;
  if (form.fixed && form.ram !== null) request.ram = form.ram;
  if (form.gpus > 0) request.gpus = form.gpus;
  if (form.kind === 'headless') {
    if (form.cmd.trim()) request.cmd = form.cmd.trim();
    if (form.args.trim()) request.args = form.args.trim();
    const env = form.env.split(/\s+/).filter(Boolean);
    if (env.length > 0) request.env = env;
    const replicas = Number(form.replicas.trim() || '1');
    if (replicas !== 1) request.replicas = replicas;
  }
  if (form.registryUser || form.registrySecret) request.registryAuth = { username: form.registryUser, secret: form.registrySecret };
  return request;
}

function fieldError(check: () => unknown): string | null {
  try {
    check();
    return null;
  } catch (error) {
    return isAppError(error) ? error.message.replace(/^[\w.]+: /, '') : String(error);
  }
}

/** Every problem the form has, by field; empty when the request may be sent. */
export function formErrors(form: LaunchForm, env: FormEnv): FormErrors {
  const errors: FormErrors = {};
  const image = fieldError(() => normaliseImage(form.image));
  if (image) errors.image = image;
  // The same check the daemon makes before it sends, shown while the form is filled.
  const registry = env.registry === true || form.registryUser !== '';
  const unlisted = image ? null : catalogueProblem(normaliseImage(form.image), form.kind, env.images, registry);
  if (unlisted) errors.image = unlisted.message.replace(/^[\w.]+: /, '');
  if (form.kind === 'headless' && !/^\d+$/.test(form.replicas.trim() || '1')) errors.replicas = 'must be a whole number from 1 to 512';
  if (form.env.includes(REDACTED)) errors.env = `re-enter the values shown as ${REDACTED}`;
  if (form.fixed && form.cores === null) errors.cores = 'pick a number of cores';
  if (form.fixed && form.ram === null) errors.ram = 'pick an amount of RAM';
  if (form.registryUser && !form.registrySecret) errors.registrySecret = 'enter the secret (it is never stored)';
  try {
    validateLaunch({ ...formRequest(form), image: image ? 'skaha/placeholder:latest' : formRequest(form).image }, env.context);
  } catch (error) {
    if (isAppError(error)) {
      const field = FIELD_OF[error.field ?? ''] ?? 'name';
      errors[field] ??= error.message.replace(/^[\w.]+: /, '');
    }
  }
  return errors;
}

/** Things worth knowing that do not block a launch (a name Skaha lowercases, a taken name, the interactive cap). */
export function formWarnings(form: LaunchForm, env: FormEnv): string[] {
  const warnings: string[] = [];
  const active = env.sessions.filter(isActive);
  const name = form.name.trim();
  if (storedName(name) !== name) warnings.push(FORM.storedAs(storedName(name)));
  if (active.some((s) => s.name === storedName(name))) warnings.push(FORM.nameTaken(storedName(name)));
  const max = env.context?.maxInteractiveSessions ?? null;
  const interactive = active.filter((s) => isInteractiveKind(s.kind)).length;
  if (max !== null && isInteractiveKind(form.kind) && interactive >= max) warnings.push(FORM.atCap(interactive, max));
  // Skaha runs the command as one program name (its entrypoint): arguments typed with it would be part of the name.
  if (form.kind === 'headless' && /\s/.test(form.cmd.trim())) warnings.push(FORM.commandOneWord);
  return warnings;
}

/** A word quoted for a POSIX shell when it needs it. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The `skaha-tui launch …` command that does the same launch, as shell words (quoted where needed); secret-looking env values are redacted. */
export function launchCommandWords(request: LaunchRequest): string[] {
  const words = ['skaha-tui', 'launch', request.kind, request.image || 'IMAGE', '--name', request.name || 'NAME'];
  if (request.cores !== undefined) words.push('--cores', String(request.cores));
  if (request.ram !== undefined) words.push('--ram', String(request.ram));
  if (request.gpus !== undefined) words.push('--gpus', String(request.gpus));
  for (const entry of request.env ?? []) {
    const eq = entry.indexOf('=');
    words.push('--env', eq > 0 && isSecretEnvName(entry.slice(0, eq)) ? `${entry.slice(0, eq)}=${REDACTED}` : entry);
  }
  if (request.replicas !== undefined && request.replicas !== 1) words.push('--replicas', String(request.replicas));
  const tail = request.cmd ? ['--', request.cmd, ...(request.args ? request.args.split(/\s+/) : [])] : [];
  return [...words, ...tail].map((w) => (w === '--' ? w : shellQuote(w)));
}

/** The `skaha-tui launch …` command line that does the same launch. */
export function launchCommandLine(request: LaunchRequest): string {
  return launchCommandWords(request).join(' ');
}
