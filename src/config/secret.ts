/** Attaches a secret as a non-enumerable getter, so JSON.stringify, spreads and util.inspect never reveal it. */
export function defineSecret<T extends object>(target: T, key: string, value: string): T {
  Object.defineProperty(target, key, { get: () => value, enumerable: false, configurable: false });
  return target;
}

/** Replaces each secret found in `text` with `[redacted]` (a last line of defence for server-echoed text). */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}
