/** The variables that carry skaha-tui's credentials: only the daemon, which connects with them, may inherit them. */
export const CREDENTIAL_ENV_NAMES: readonly string[] = ['SKAHA_TOKEN', 'CANFAR_TOKEN', 'SKAHA_REGISTRY_SECRET', 'CANFAR_REGISTRY__SECRET'];

/** The environment of a child process (browser, notifier, hook): `base` without the credential variables, plus `extra`. */
export function childEnv(base: Readonly<Record<string, string | undefined>> = process.env, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const name of CREDENTIAL_ENV_NAMES) delete env[name];
  return { ...env, ...extra };
}
