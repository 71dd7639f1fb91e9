import { LAUNCHABLE_KINDS } from '../domain/session.js';

/** How an option takes its value. */
export type OptionType = 'boolean' | 'string' | 'number' | 'list';

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

/** Options valid on every command, before or after it. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { name: 'url', type: 'string', value: 'URL' },
  { name: 'token', type: 'string', value: 'TOKEN' },
  { name: 'cert', type: 'string', value: 'PATH' },
];

const json: OptionSpec = { name: 'json', type: 'boolean' };

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
      json,
    ],
  },
  { name: 'info', aliases: [], positionals: ['ID...'], options: [json] },
  {
    name: 'launch',
    aliases: ['create', 'run'],
    positionals: ['KIND', 'IMAGE'],
    rest: true,
    options: [
      { name: 'name', short: 'n', type: 'string', value: 'NAME' },
      { name: 'cores', short: 'c', type: 'number', value: 'C', aliases: ['cpu'] },
      { name: 'ram', short: 'm', type: 'number', value: 'GB', aliases: ['memory'] },
      { name: 'gpus', short: 'g', type: 'number', value: 'G', aliases: ['gpu'] },
      { name: 'env', short: 'e', type: 'list', value: 'KEY=VALUE' },
      { name: 'replicas', short: 'r', type: 'number', value: 'R' },
      json,
    ],
  },
  {
    name: 'delete',
    aliases: ['del', 'rm'],
    positionals: ['ID...'],
    options: [{ name: 'force', short: 'f', type: 'boolean' }],
  },
  { name: 'renew', aliases: [], positionals: ['ID...'], options: [] },
  { name: 'logs', aliases: [], positionals: ['ID'], options: [] },
  { name: 'events', aliases: [], positionals: ['ID'], options: [json] },
  { name: 'stats', aliases: [], positionals: [], options: [json] },
  {
    name: 'images',
    aliases: ['image'],
    positionals: [],
    options: [{ name: 'kind', short: 'k', type: 'string', value: 'KIND', choices: LIST_KINDS }, json],
  },
  { name: 'context', aliases: [], positionals: [], options: [json] },
  { name: 'help', aliases: [], positionals: ['[COMMAND]'], options: [] },
  { name: 'version', aliases: [], positionals: [], options: [] },
];

/** Commands the binary routes elsewhere (listed in help, parsed by their own code). */
export const ROUTED_COMMANDS = ['sim', 'demo', 'daemon'] as const;

/** The spec for a command name or alias, if any. */
export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name || c.aliases.includes(name));
}
