import { readFile } from 'node:fs/promises';
import { validateDaemonConfig } from './validate-daemon-config.js';
import { DEFAULT_DAEMON_CONFIG, type DaemonConfig } from './daemon-config.js';

/** A config file as read: the parsed JSON (null when absent), the config and what was wrong with it. */
export interface LoadedConfig {
  /** True when there is no file (the defaults apply). */
  missing: boolean;
  raw: Record<string, unknown> | null;
  config: DaemonConfig;
  problems: string[];
}

/** Reads and validates the config file; a missing file gives the defaults, a broken one says why. */
export async function loadDaemonConfig(file: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true, raw: null, config: DEFAULT_DAEMON_CONFIG, problems: [] };
    return { missing: false, raw: null, config: DEFAULT_DAEMON_CONFIG, problems: [`${file}: cannot be read (${(error as Error).message})`] };
  }
  if (!text.trim()) return { missing: false, raw: {}, config: DEFAULT_DAEMON_CONFIG, problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { missing: false, raw: null, config: DEFAULT_DAEMON_CONFIG, problems: [`${file}: is not valid JSON (${(error as Error).message})`] };
  }
  const { config, problems } = validateDaemonConfig(raw);
  const isObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  return { missing: false, raw: isObject ? (raw as Record<string, unknown>) : null, config, problems: problems.map((p) => `${file}: ${p}`) };
}
