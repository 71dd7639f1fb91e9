import { CONNECTION_KEYS, type DaemonConfig } from '../config/daemon-config.js';

/**
 * Pure: the effective config in the config file's shape, for `config.get`: the connection keys as
 * written (never `token`; `registry` reduced to its username) plus the daemon's validated settings.
 */
export function effectiveConfig(config: DaemonConfig, raw: Record<string, unknown> | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of CONNECTION_KEYS) {
    const value = raw?.[key];
    if (value === undefined || key === 'token') continue;
    if (key === 'registry') {
      const username = typeof value === 'object' && value !== null && 'username' in value ? value.username : undefined;
      if (typeof username === 'string') out.registry = { username };
      continue;
    }
    out[key] = structuredClone(value);
  }
  return { ...out, ...structuredClone(config) };
}

/** Pure: the settings that changed between two configs but only take effect after a restart. */
export function restartOnlyChanges(prev: DaemonConfig, next: DaemonConfig): string[] {
  const changed = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  const out: string[] = [];
  if (changed(prev.listen.tcp, next.listen.tcp)) out.push('listen.tcp');
  if (prev.frameLimitBytes !== next.frameLimitBytes) out.push('frameLimitBytes');
  if (changed(prev.logs, next.logs)) out.push('logs');
  return out;
}
