import { arrayAt, booleanAt, FieldErrors, isValidRegex, numberAt, objectAt, stringAt } from './validate-fields.js';
import {
  CONNECTION_KEYS,
  DAEMON_KEYS,
  DEFAULT_DAEMON_CONFIG as D,
  isLogLevel,
  type AutoRenewRule,
  type DaemonConfig,
  type ListenConfig,
  type NotificationConfig,
  type PollingConfig,
} from './daemon-config.js';
import type { HookConfig } from '../notify/hook-runner.js';
import { emptyDict } from '../../src/domain/dict.js';
import { idleConfig, storageConfig } from './validate-watch-config.js';
import { isTerminalNotifySetting, TERMINAL_NOTIFY_SETTINGS, type TerminalNotifySetting } from '../../src/domain/terminal-notify.js';

const SECOND = 1_000;
const DAY = 86_400_000;

/** The outcome of validating a config file: the config to use and every problem found. */
export interface ConfigValidation {
  config: DaemonConfig;
  problems: string[];
}

/** Validates the raw JSON of the config file; problems name the field and the rule. */
export function validateDaemonConfig(raw: unknown): ConfigValidation {
  const errors = new FieldErrors();
  const root = objectAt(raw, 'config', errors);
  const known = new Set<string>([...CONNECTION_KEYS, ...DAEMON_KEYS, '$schema']);
  for (const key of Object.keys(root)) if (!known.has(key)) errors.add(key, `unknown setting (known: ${[...CONNECTION_KEYS, ...DAEMON_KEYS].join(', ')})`);
  const logLevel =
    root.logLevel === undefined
      ? D.logLevel
      : isLogLevel(root.logLevel)
        ? root.logLevel
        : (errors.add('logLevel', 'must be one of debug, info, warn, error'), D.logLevel);
  const config: DaemonConfig = {
    polling: polling(root.polling, errors),
    notifications: notifications(root.notifications, errors),
    hooks: arrayAt(root.hooks, 'hooks', errors, (value, path) => hook(value, path, errors)),
    hookQueue: hookQueue(root.hookQueue, errors),
    autoRenew: arrayAt(root.autoRenew, 'autoRenew', errors, (value, path) => autoRenewRule(value, path, errors)),
    idle: idleConfig(root.idle, errors),
    storage: storageConfig(root.storage, errors),
    listen: listen(root.listen, errors),
    logs: logs(root.logs, errors),
    frameLimitBytes: numberAt(root.frameLimitBytes, 'frameLimitBytes', D.frameLimitBytes, 4096, 64 * 1024 * 1024, errors),
    logLevel,
    commands: commands(root.commands, errors),
  };
  return { config, problems: errors.problems };
}

function polling(raw: unknown, errors: FieldErrors): PollingConfig {
  const o = objectAt(raw, 'polling', errors);
  const p = D.polling;
  const ms = (key: keyof PollingConfig, min: number, max: number) => numberAt(o[key], `polling.${key}`, p[key], min, max, errors);
  return {
    fastMs: ms('fastMs', 500, 10 * 60 * SECOND),
    normalMs: ms('normalMs', SECOND, 60 * 60 * SECOND),
    slowMs: ms('slowMs', SECOND, DAY),
    fastAfterActionMs: ms('fastAfterActionMs', 0, 60 * 60 * SECOND),
    fastWhilePendingMs: ms('fastWhilePendingMs', 0, DAY),
    backoffCapMs: ms('backoffCapMs', SECOND, DAY),
    statsMs: ms('statsMs', SECOND, DAY),
    catalogueMs: ms('catalogueMs', 10 * SECOND, 7 * DAY),
  };
}

function notifications(raw: unknown, errors: FieldErrors): NotificationConfig {
  const o = objectAt(raw, 'notifications', errors);
  const kindsRaw = objectAt(o.kinds, 'notifications.kinds', errors);
  const kinds: Record<string, boolean> = {};
  for (const [kind, value] of Object.entries(kindsRaw)) kinds[kind] = booleanAt(value, `notifications.kinds.${kind}`, true, errors);
  const positive = (path: string) => (value: unknown, at: string) => {
    if (typeof value === 'number' && value > 0 && Number.isFinite(value)) return value;
    errors.add(at, `must be a positive number in ${path}`);
    return undefined;
  };
  return {
    quiet: booleanAt(o.quiet, 'notifications.quiet', D.notifications.quiet, errors),
    desktop: booleanAt(o.desktop, 'notifications.desktop', D.notifications.desktop, errors),
    kinds,
    expiringMinutes:
      o.expiringMinutes === undefined
        ? D.notifications.expiringMinutes
        : arrayAt(o.expiringMinutes, 'notifications.expiringMinutes', errors, positive('minutes')),
    credentialHours:
      o.credentialHours === undefined
        ? D.notifications.credentialHours
        : arrayAt(o.credentialHours, 'notifications.credentialHours', errors, positive('hours')),
    terminal: terminalSetting(o.terminal, errors),
  };
}

function terminalSetting(raw: unknown, errors: FieldErrors): TerminalNotifySetting {
  if (raw === undefined) return D.notifications.terminal;
  if (isTerminalNotifySetting(raw)) return raw;
  errors.add('notifications.terminal', `must be one of ${TERMINAL_NOTIFY_SETTINGS.join(', ')} (got ${JSON.stringify(raw)})`);
  return D.notifications.terminal;
}

function hook(raw: unknown, path: string, errors: FieldErrors): HookConfig | undefined {
  const o = objectAt(raw, path, errors);
  const command = stringAt(o.command, `${path}.command`, '', errors);
  if (!command.trim()) return void errors.add(`${path}.command`, 'is required: the shell command to run');
  const events = arrayAt(o.events ?? ['*'], `${path}.events`, errors, (v, at) =>
    typeof v === 'string' ? v : void errors.add(at, 'must be an event kind string'),
  );
  return { command, events, timeoutMs: numberAt(o.timeoutMs, `${path}.timeoutMs`, 10_000, 100, 10 * 60 * SECOND, errors) };
}

/** `hookQueue`: `concurrency` hooks at once (1–64, default 4); at most `limit` runs waiting (1–100,000, default 1,000; more are dropped and logged). */
function hookQueue(raw: unknown, errors: FieldErrors): DaemonConfig['hookQueue'] {
  const o = objectAt(raw, 'hookQueue', errors);
  const whole = (key: 'concurrency' | 'limit', max: number) => Math.floor(numberAt(o[key], `hookQueue.${key}`, D.hookQueue[key], 1, max, errors));
  return { concurrency: whole('concurrency', 64), limit: whole('limit', 100_000) };
}

function autoRenewRule(raw: unknown, path: string, errors: FieldErrors): AutoRenewRule | undefined {
  const o = objectAt(raw, path, errors);
  const match = stringAt(o.match, `${path}.match`, '', errors);
  if (!match) return void errors.add(`${path}.match`, 'is required: a session name prefix or regex');
  if (!isValidRegex(match)) return void errors.add(`${path}.match`, `is not a valid regular expression: ${match}`);
  return { match, thresholdMinutes: numberAt(o.thresholdMinutes, `${path}.thresholdMinutes`, 60, 1, 3 * 24 * 60, errors) };
}

function listen(raw: unknown, errors: FieldErrors): ListenConfig {
  const o = objectAt(raw, 'listen', errors);
  const origins = arrayAt(o.allowedOrigins, 'listen.allowedOrigins', errors, (v, at) =>
    typeof v === 'string' ? v : void errors.add(at, 'must be an origin string such as http://localhost:3000'),
  );
  if (o.tcp === undefined || o.tcp === null) return { tcp: null, allowedOrigins: origins };
  const tcp = parseListenAddress(o.tcp);
  if (typeof tcp === 'string') {
    errors.add('listen.tcp', tcp);
    return { tcp: null, allowedOrigins: origins };
  }
  return { tcp, allowedOrigins: origins };
}

/** Parses `127.0.0.1:PORT` (loopback only); returns the problem as a string when it is not acceptable. */
export function parseListenAddress(raw: unknown): { host: string; port: number } | string {
  if (typeof raw !== 'string') return 'must be a string such as "127.0.0.1:8765"';
  const match = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\]):(\d{1,5})$/.exec(raw.trim());
  if (!match) return `must be a loopback address with a port, such as 127.0.0.1:8765 (got "${raw}"); the daemon never listens beyond this machine`;
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return `port must be from 1 to 65535 (got ${port})`;
  return { host: match[1] === '[::1]' ? '::1' : match[1], port };
}

function logs(raw: unknown, errors: FieldErrors): DaemonConfig['logs'] {
  const o = objectAt(raw, 'logs', errors);
  return {
    refreshMs: numberAt(o.refreshMs, 'logs.refreshMs', D.logs.refreshMs, 250, 10 * 60 * SECOND, errors),
    bufferLines: numberAt(o.bufferLines, 'logs.bufferLines', D.logs.bufferLines, 100, 1_000_000, errors),
    keepHours: numberAt(o.keepHours, 'logs.keepHours', D.logs.keepHours, 0, 24 * 30, errors),
  };
}

/** The most aliases, and the longest alias line, the config may hold. */
export const ALIAS_LIMITS = { count: 100, line: 500 } as const;

/** `commands.aliases`: words (letters, digits, `-`, `_`; up to 32) → a non-empty command line. */
function commands(raw: unknown, errors: FieldErrors): DaemonConfig['commands'] {
  const o = objectAt(raw, 'commands', errors);
  for (const key of Object.keys(o)) if (key !== 'aliases') errors.add(`commands.${key}`, 'unknown setting (known: aliases)');
  const aliases = emptyDict<string>();
  const entries = Object.entries(objectAt(o.aliases, 'commands.aliases', errors));
  if (entries.length > ALIAS_LIMITS.count) errors.add('commands.aliases', `holds ${entries.length} aliases; at most ${ALIAS_LIMITS.count} are allowed`);
  for (const [name, line] of entries.slice(0, ALIAS_LIMITS.count)) {
    const at = `commands.aliases.${name}`;
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,31}$/.test(name)) errors.add(at, 'an alias name is a word: a letter, then up to 31 letters, digits, - or _');
    else if (typeof line !== 'string' || line.trim() === '' || line.length > ALIAS_LIMITS.line)
      errors.add(at, `must be the command line it stands for, 1 to ${ALIAS_LIMITS.line} characters, such as "launch notebook --cores 2"`);
    else aliases[name] = line;
  }
  return { aliases };
}
