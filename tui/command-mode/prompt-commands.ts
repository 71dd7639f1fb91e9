// The `:` prompt's commands, one entry each: name and aliases, flags (the CLI's own specs where the CLI
// has the command, so a flag means the same in both), what Tab completes, the key or CLI command that
// does the same (the actions are in tui/controller/prompt-runners.ts, so help and Tab can read this table).

import { COMMANDS, type CommandSpec, type OptionSpec } from '../../src/cli/command-specs.js';
import { USAGE_WINDOWS } from '../usage-panel.js';

/** Where Tab finds the words for a positional argument. */
export type CompletionSource = 'session' | 'kind' | 'image' | 'profile' | 'sort-column' | 'export-format' | 'command' | null;

/** One command of the prompt. */
export interface PromptCommand {
  /** Name, aliases, flags and positionals, parsed by the CLI's parser. */
  spec: CommandSpec;
  /** One line for the help screen. */
  help: string;
  /** The key, or the CLI command, that does the same (help lists it). */
  same: string;
  /** What Tab completes for the positional at `index` (0-based). */
  complete(index: number): CompletionSource;
  /** Changes sessions (refused in --readonly, like its key). */
  mutating?: boolean;
}

/** The CLI's options of a command, minus those that mean nothing on the prompt. */
function cliOptions(name: string, drop: readonly string[] = ['json', 'yaml', 'csv']): OptionSpec[] {
  return COMMANDS.find((c) => c.name === name)!.options.filter((o) => !drop.includes(o.name));
}

/** Launch flags that mean nothing on the prompt: it opens the form, which shows the command line, launches and saves profiles itself. */
const LAUNCH_ONLY = ['json', 'yaml', 'csv', 'wait', 'print', 'dry-run', 'save-profile'];

const spec = (name: string, aliases: string[], positionals: string[], options: OptionSpec[] = [], rest = false): CommandSpec => ({
  name,
  aliases,
  positionals,
  options,
  rest,
});
const sessions = (): CompletionSource => 'session';

/** Every prompt command, in help order. */
export const PROMPT_COMMANDS: readonly PromptCommand[] = [
  {
    spec: spec('launch', ['create', 'run'], ['[KIND]', '[IMAGE]'], cliOptions('launch', LAUNCH_ONLY), true),
    help: 'the launch form, filled as the CLI would launch (KIND IMAGE, -f FILE, --profile NAME, flags)',
    same: 'n · skaha-tui launch',
    mutating: true,
    complete: (i) => (i === 0 ? 'kind' : i === 1 ? 'image' : null),
  },
  {
    spec: spec('relaunch', ['rerun'], ['[SESSION|GROUP]'], [{ name: 'failed', type: 'boolean' }]),
    help: 'launch a session again as it was launched; a replica group (or --failed): rerun its failed replicas; asks first',
    same: 'c · skaha-tui relaunch',
    mutating: true,
    complete: sessions,
  },
  {
    spec: spec('profile', [], ['NAME'], cliOptions('launch', [...LAUNCH_ONLY, 'file', 'profile']), true),
    help: 'the launch form filled from a saved profile, flags on top',
    same: 'n, Profile field · skaha-tui launch --profile NAME',
    mutating: true,
    complete: (i) => (i === 0 ? 'profile' : null),
  },
  {
    spec: spec('delete', ['del', 'rm'], ['[SESSION]...']),
    help: 'delete sessions by id or name (none: the selected or marked), asking first',
    same: 'd · skaha-tui delete',
    mutating: true,
    complete: sessions,
  },
  {
    spec: spec('renew', [], ['[SESSION]...']),
    help: 'renew sessions by id or name (none: the selected or marked), asking first',
    same: 'r · skaha-tui renew',
    mutating: true,
    complete: sessions,
  },
  {
    spec: spec('logs', [], ['[SESSION]']),
    help: "follow a session's logs",
    same: 'l · skaha-tui logs --follow',
    complete: sessions,
  },
  {
    spec: spec('events', [], ['[SESSION]']),
    help: "a session's Kubernetes events",
    same: 'e · skaha-tui events',
    complete: sessions,
  },
  {
    spec: spec('open', [], ['[SESSION]']),
    help: 'open a session in the browser',
    same: 'o · skaha-tui open',
    complete: sessions,
  },
  {
    spec: spec('filter', ['f'], ['[REGEX]']),
    help: 'filter the table (regex; ! inverts; none clears)',
    same: '/',
    complete: () => null,
  },
  {
    spec: spec('sort', [], ['COLUMN'], [{ name: 'reverse', short: 'r', type: 'boolean' }]),
    help: 'sort the table by a column (--reverse for the other way)',
    same: 's, < > · S',
    complete: (i) => (i === 0 ? 'sort-column' : null),
  },
  {
    spec: spec('export', [], ['[FORMAT]']),
    help: 'export the table to a file: csv, json or md (none: choose)',
    same: 'x · skaha-tui ps --csv/--json/--yaml',
    complete: (i) => (i === 0 ? 'export-format' : null),
  },
  {
    spec: spec('usage', [], [], [{ name: 'since', type: 'string', value: '7d|30d', choices: USAGE_WINDOWS.map((d) => `${d}d`) }]),
    help: 'core- and GiB-hours asked and used, by kind and by day (the last 7 or 30 days)',
    same: 'U · skaha-tui usage',
    complete: () => null,
  },
  {
    spec: spec('storage', [], []),
    help: 'home storage use and quota, as the daemon last read it (also in the header)',
    same: 'skaha-tui storage',
    complete: () => null,
  },
  {
    spec: spec('refresh', [], []),
    help: 'ask the daemon to poll now',
    same: 'R',
    complete: () => null,
  },
  {
    spec: spec('help', [], ['[COMMAND]']),
    help: 'the keys and the prompt commands',
    same: '?',
    complete: (i) => (i === 0 ? 'command' : null),
  },
  {
    spec: spec('quit', ['q', 'exit'], []),
    help: 'quit (the daemon keeps running)',
    same: 'q',
    complete: () => null,
  },
];

/** The prompt command a name or alias stands for. */
export function findPromptCommand(name: string): PromptCommand | undefined {
  return PROMPT_COMMANDS.find((c) => c.spec.name === name || c.spec.aliases.includes(name));
}

/** A prompt command's usage line: name, positionals, then each flag (with its value placeholder). */
export function promptUsage(spec: CommandSpec): string {
  const flags = spec.options.map((o) => `[--${o.name}${o.type === 'boolean' || o.type === 'count' ? '' : ` ${o.value ?? 'VALUE'}`}]`);
  return [spec.name, ...spec.positionals, ...flags, ...(spec.rest ? ['[-- CMD [ARGS]...]'] : [])].join(' ');
}
