import { LAUNCHABLE_KINDS } from '../../domain/session.js';
import { COMMANDS, GLOBAL_OPTIONS, findCommand, type OptionSpec } from '../command-specs.js';
import { ROUTED_COMPLETION, type RoutedCompletion } from './routed-commands.js';

/** One completion candidate; the description (a session's name, say) is shown by shells that can. */
export interface Candidate {
  value: string;
  description?: string;
}

/** A session the daemon's cache knows, for completing ids (and names, which complete to their ids). */
export interface SessionHint {
  id: string;
  name: string;
  status: string;
}

/** The completion for the word being typed: candidates, or `files` when the shell should complete a path. */
export interface Completion {
  candidates: Candidate[];
  files: boolean;
  /** The word is a session id: the candidates come from the sessions given (ask the daemon, then complete again). */
  sessions?: boolean;
}

/** The top-level words: every command (not aliases), the routed ones, and `completion`. */
export function commandWords(): string[] {
  return [...COMMANDS.map((c) => c.name), ...Object.keys(ROUTED_COMPLETION)];
}

const none: Completion = { candidates: [], files: false };
const startsWith = (prefix: string) => (c: Candidate) => c.value.startsWith(prefix);
const words = (values: readonly string[], prefix: string): Completion => ({
  candidates: values.map((value) => ({ value })).filter(startsWith(prefix)),
  files: false,
});

/**
 * Completes the last of `args` (the words after `skaha-tui`, the last one being typed, possibly "").
 * Pure: the sessions come from the daemon's cache, or are empty when none runs.
 */
export function completeWords(args: readonly string[], sessions: readonly SessionHint[]): Completion {
  const current = args.at(-1) ?? '';
  const before = args.slice(0, -1);
  if (before.includes('--')) return { candidates: [], files: true };
  const commandIndex = firstPositional(GLOBAL_OPTIONS, before);
  if (commandIndex < 0) {
    const pending = valueOption(GLOBAL_OPTIONS, before.at(-1));
    if (pending) return completeValue(pending, current);
    return current.startsWith('-') ? words(optionWords(GLOBAL_OPTIONS), current) : words(commandWords(), current);
  }
  const name = before[commandIndex];
  const rest = before.slice(commandIndex + 1);
  const routed = ROUTED_COMPLETION[name];
  if (routed) return completeRouted(routed, rest, current);
  const spec = findCommand(name);
  if (!spec) return none;
  const options = [...spec.options, ...GLOBAL_OPTIONS];
  const pending = valueOption(options, rest.at(-1));
  if (pending) return completeValue(pending, current);
  if (current.startsWith('-')) return words(optionWords(options), current);
  const position = positionalsBefore(options, rest);
  const placeholder = (spec.positionals[Math.min(position, spec.positionals.length - 1)] ?? '').replace(/^\[(.*)\]$/, '$1');
  if (name === 'help') return position === 0 ? words(commandWords(), current) : none;
  if (placeholder === 'KIND') return words(LAUNCHABLE_KINDS, current);
  if (placeholder.startsWith('ID')) return sessionIds(sessions, current, rest);
  return none;
}

/** Session ids whose id or name starts with the typed word (a name completes to its id), minus ids already given. */
function sessionIds(sessions: readonly SessionHint[], current: string, given: readonly string[]): Completion {
  const candidates = sessions
    .filter((s) => !given.includes(s.id) && (s.id.startsWith(current) || s.name.startsWith(current)))
    .map((s) => ({ value: s.id, description: `${s.name} (${s.status})` }));
  return { candidates, files: false, sessions: true };
}

function completeRouted(routed: RoutedCompletion, rest: readonly string[], current: string): Completion {
  const pending = rest.at(-1);
  if (pending !== undefined && routed.valueOptions[pending]) return completeChoices(routed.valueOptions[pending], current);
  if (current.startsWith('-')) return words([...routed.flags, ...Object.keys(routed.valueOptions)], current);
  const positionals = rest.filter((w, i) => !w.startsWith('-') && !routed.valueOptions[rest[i - 1] ?? '']);
  return positionals.length === 0 ? words(routed.subcommands, current) : none;
}

function completeChoices(choices: readonly string[] | 'files' | 'any', current: string): Completion {
  if (choices === 'files') return { candidates: [], files: true };
  if (choices === 'any') return none;
  return words(choices, current);
}

function completeValue(option: OptionSpec, current: string): Completion {
  if (option.choices) return words(option.choices, current);
  return { candidates: [], files: option.name === 'cert' };
}

/** The option a word names when that option takes a value (so the next word is its value). */
export function valueOption(options: readonly OptionSpec[], word: string | undefined): OptionSpec | undefined {
  if (word === undefined || !word.startsWith('-') || word.includes('=')) return undefined;
  const option = options.find((o) => `--${o.name}` === word || (o.short !== undefined && `-${o.short}` === word) || o.aliases?.some((a) => `--${a}` === word));
  return option && option.type !== 'boolean' && option.type !== 'count' ? option : undefined;
}

/** The index of the first word that is neither an option nor an option's value; -1 when there is none. */
function firstPositional(options: readonly OptionSpec[], args: readonly string[]): number {
  for (let i = 0; i < args.length; i++) {
    if (!args[i].startsWith('-')) return i;
    if (valueOption(options, args[i])) i++;
  }
  return -1;
}

/** How many positionals come before the word being typed (option values are not positionals). */
export function positionalsBefore(options: readonly OptionSpec[], rest: readonly string[]): number {
  let count = 0;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i].startsWith('-')) {
      if (valueOption(options, rest[i])) i++;
      continue;
    }
    count++;
  }
  return count;
}

/** The flags of `options` as typed (long and short), plus --help (and --version for the global ones). */
export function optionWords(options: readonly OptionSpec[]): string[] {
  return options.flatMap((o) => [`--${o.name}`, ...(o.short ? [`-${o.short}`] : [])]).concat(options === GLOBAL_OPTIONS ? ['--help', '--version'] : ['--help']);
}
