import { LAUNCHABLE_KINDS } from '../domain/session.js';

/** How an option takes its value ('count' adds one per use, and `-vv` counts twice). */
export type OptionType = 'boolean' | 'string' | 'number' | 'list' | 'count';

/** One command-line option. */
export interface OptionSpec {
  name: string;
  short?: string;
  type: OptionType;
  /** Placeholder for the value in help, e.g. KIND. */
  value?: string;
  /** Other long names accepted for this option (e.g. canfar's --cpu for --cores). */
  aliases?: readonly string[];
  /** Allowed values, compared case-insensitively and normalised to this spelling. */
  choices?: readonly string[];
}

/** One subcommand of the direct CLI. */
export interface CommandSpec {
  name: string;
  aliases: readonly string[];
  options: readonly OptionSpec[];
  /** Positional argument names for messages (a trailing "..." means one or more). */
  positionals: readonly string[];
  /** Whether `-- CMD ARGS...` is allowed. */
  rest?: boolean;
}

/** Kinds `ps --kind` accepts: everything the server reports. */
export const LIST_KINDS = [...LAUNCHABLE_KINDS, 'desktop-app'] as const;

/** Statuses `ps --status` accepts (canfar's list). */
export const STATUSES = ['Pending', 'Running', 'Terminating', 'Succeeded', 'Completed', 'Error', 'Failed'] as const;

/** Kinds `prune --kind` accepts (canfar's Pruneable: every launchable kind). */
export const PRUNE_KINDS = LAUNCHABLE_KINDS;

/** Diagnostic levels of `--log-level`, quietest first. */
export const CLI_LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;

/** Options valid on every command, before or after it. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { name: 'url', type: 'string', value: 'URL' },
  { name: 'token', type: 'string', value: 'TOKEN' },
  { name: 'cert', type: 'string', value: 'PATH' },
  { name: 'log-level', type: 'string', value: 'LEVEL', choices: CLI_LOG_LEVELS },
  { name: 'verbose', short: 'v', type: 'count' },
  { name: 'no-daemon', type: 'boolean' },
];

const json: OptionSpec = { name: 'json', type: 'boolean' };
const wait: OptionSpec = { name: 'wait', short: 'w', type: 'boolean' };
const env: OptionSpec = { name: 'env', short: 'e', type: 'list', value: 'KEY=VALUE' };
const print: OptionSpec = { name: 'print', type: 'boolean' };
const dryRun: OptionSpec = { name: 'dry-run', type: 'boolean' };

/** The output formats of list commands (docs/output.md); at most one may be given. */
export const DATA_FORMAT_OPTIONS: readonly OptionSpec[] = [json, { name: 'yaml', type: 'boolean' }, { name: 'csv', type: 'boolean' }];
const data = DATA_FORMAT_OPTIONS;

/** Every subcommand handled by src/cli, in help order. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'ps',
    aliases: ['ls'],
    positionals: [],
    options: [
      { name: 'all', short: 'a', type: 'boolean' },
      { name: 'kind', short: 'k', type: 'string', value: 'KIND', choices: LIST_KINDS },
      { name: 'status', short: 's', type: 'string', value: 'STATUS', choices: STATUSES },
      { name: 'quiet', short: 'q', type: 'boolean' },
      { name: 'all-users', type: 'boolean' },
      ...data,
    ],
  },
  { name: 'info', aliases: [], positionals: ['ID...'], options: data },
  {
    name: 'launch',
    aliases: ['create', 'run'],
    positionals: ['[KIND]', '[IMAGE]'],
    rest: true,
    options: [
      { name: 'file', short: 'f', type: 'string', value: 'FILE' },
      { name: 'profile', short: 'p', type: 'string', value: 'NAME' },
      { name: 'name', short: 'n', type: 'string', value: 'NAME' },
      { name: 'cores', short: 'c', type: 'number', value: 'C', aliases: ['cpu'] },
      { name: 'ram', short: 'm', type: 'number', value: 'GiB', aliases: ['memory'] },
      { name: 'gpus', short: 'g', type: 'number', value: 'G', aliases: ['gpu'] },
      env,
      { name: 'replicas', short: 'r', type: 'number', value: 'R' },
      wait,
      json,
      print,
      dryRun,
      { name: 'save-profile', type: 'string', value: 'NAME' },
    ],
  },
  {
    name: 'relaunch',
    aliases: ['rerun'],
    positionals: ['ID|GROUP'],
    rest: true,
    options: [
      { name: 'failed', type: 'boolean' },
      { name: 'name', short: 'n', type: 'string', value: 'NAME' },
      { name: 'replicas', short: 'r', type: 'number', value: 'R' },
      env,
      wait,
      json,
      print,
      dryRun,
    ],
  },
  { name: 'profiles', aliases: ['profile'], positionals: [], options: data },
  {
    name: 'delete',
    aliases: ['del', 'rm'],
    positionals: ['ID...'],
    options: [{ name: 'force', short: 'f', type: 'boolean' }, dryRun],
  },
  {
    name: 'prune',
    aliases: [],
    positionals: ['PATTERN'],
    options: [
      { name: 'kind', short: 'k', type: 'string', value: 'KIND', choices: PRUNE_KINDS },
      { name: 'status', short: 's', type: 'string', value: 'STATUS', choices: STATUSES },
      { name: 'force', short: 'f', type: 'boolean' },
      json,
      dryRun,
    ],
  },
  { name: 'renew', aliases: [], positionals: ['ID...'], options: [dryRun] },
  { name: 'open', aliases: [], positionals: ['ID'], options: [{ name: 'wait', short: 'w', type: 'boolean' }] },
  { name: 'logs', aliases: [], positionals: ['ID'], options: [{ name: 'follow', short: 'f', type: 'boolean' }] },
  { name: 'watch', aliases: [], positionals: [], options: [json] },
  { name: 'events', aliases: [], positionals: ['ID'], options: data },
  { name: 'apps', aliases: [], positionals: ['ID'], options: data },
  {
    name: 'app',
    aliases: [],
    positionals: ['ACTION', 'ID', 'IMAGE|APPID'],
    options: [{ name: 'cores', short: 'c', type: 'number', value: 'C' }, { name: 'ram', short: 'm', type: 'number', value: 'GiB' }, json],
  },
  { name: 'stats', aliases: [], positionals: [], options: data },
  {
    name: 'images',
    aliases: ['image'],
    positionals: [],
    options: [{ name: 'kind', short: 'k', type: 'string', value: 'KIND', choices: LIST_KINDS }, ...data],
  },
  { name: 'context', aliases: [], positionals: [], options: data },
  {
    name: 'usage',
    aliases: [],
    positionals: [],
    options: [
      { name: 'since', type: 'string', value: '7d|DATE' },
      { name: 'by', type: 'string', value: 'GROUP', choices: ['kind', 'day', 'session'] },
      ...data,
    ],
  },
  { name: 'storage', aliases: [], positionals: [], options: data },
  { name: 'help', aliases: [], positionals: ['[COMMAND]'], options: [] },
  { name: 'version', aliases: [], positionals: [], options: [json] },
];

/** Commands the binary routes elsewhere (listed in help, parsed by their own code). */
export const ROUTED_COMMANDS = ['sim', 'demo', 'daemon', 'doctor', 'completion'] as const;

/** The spec for a command name or alias, if any. */
export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name || c.aliases.includes(name));
}
