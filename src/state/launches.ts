import type { LaunchRequest } from '../domain/launch.js';

/** A launch request as stored and broadcast: no registry secret, secret-looking env values redacted. */
export interface StoredLaunchRequest extends Omit<LaunchRequest, 'registryAuth'> {
  /** True when the launch used private-registry credentials (only the username is kept). */
  registryAuthUsed: boolean;
  registryUsername?: string;
  /** True when some env values were replaced by `<redacted>` because their name looks secret. */
  envRedacted?: boolean;
  /** True when cmd, args and env were too long to keep (over MAX_KEPT_PARAMS_CHARS together) and were left out. */
  paramsTooLarge?: boolean;
}

/** The most characters of cmd, args and env one kept launch holds (so MAX_LAUNCHES records stay a few MB at most). */
export const MAX_KEPT_PARAMS_CHARS = 16_384;

function paramsLength(request: Pick<LaunchRequest, 'cmd' | 'args' | 'env'>): number {
  return (request.cmd?.length ?? 0) + (request.args?.length ?? 0) + (request.env ?? []).reduce((n, e) => n + e.length + 1, 0);
}

/** The placeholder for a redacted env value. */
export const REDACTED = '<redacted>';

// Anywhere in the name, any case: DB_PASS, MyApiKey, X_AUTH_HEADER. A harmless name that matches loses only its stored value.
const SECRET_NAME = /pass|pwd|secret|token|key|credential|auth/i;

/** Whether an env variable name looks like it holds a secret (its value is then not stored). */
export function isSecretEnvName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** Pure: `KEY=VALUE` entries with the values of secret-looking names replaced by `<redacted>`, and the names whose values were replaced. */
export function redactEnv(entries: readonly string[]): { env: string[]; redacted: string[] } {
  const redacted: string[] = [];
  const env = entries.map((entry) => {
    const eq = entry.indexOf('=');
    if (eq < 0 || !isSecretEnvName(entry.slice(0, eq)) || entry.slice(eq + 1) === REDACTED) return entry;
    redacted.push(entry.slice(0, eq));
    return `${entry.slice(0, eq + 1)}${REDACTED}`;
  });
  return { env, redacted };
}

/** The names of `KEY=VALUE` entries whose value is `<redacted>` (not kept: to be given again). */
export function redactedNames(entries: readonly string[]): string[] {
  return entries.filter((e) => e.endsWith(`=${REDACTED}`) && e.indexOf('=') === e.length - REDACTED.length - 1).map((e) => e.slice(0, e.indexOf('=')));
}

/** Pure: strips the registry secret (keeping a flag and the username), redacts secret-looking env values, and leaves out a command and env too long to keep. */
export function sanitiseLaunchRequest(request: LaunchRequest | StoredLaunchRequest): StoredLaunchRequest {
  const { registryAuth, ...rest } = request as LaunchRequest & Partial<StoredLaunchRequest>;
  const out: StoredLaunchRequest = { ...rest, registryAuthUsed: Boolean(registryAuth) || Boolean(rest.registryAuthUsed) };
  const username = registryAuth?.username ?? rest.registryUsername;
  if (username !== undefined) out.registryUsername = username;
  else delete out.registryUsername;
  if (rest.env) {
    const { env, redacted } = redactEnv(rest.env);
    out.env = env;
    if (redacted.length > 0 || rest.envRedacted) out.envRedacted = true;
  }
  if (paramsLength(out) > MAX_KEPT_PARAMS_CHARS) {
    delete out.cmd;
    delete out.args;
    delete out.env;
    delete out.envRedacted;
    out.paramsTooLarge = true;
  }
  return out;
}
