import { AppError } from '../domain/errors.js';
import { findCommand, GLOBAL_OPTIONS, type CommandSpec, type OptionSpec } from './command-specs.js';
import { badIdArgument } from './id-arguments.js';
import { USAGE_ERRORS } from './text.js';

/** A usage error (exit 2); `command` names the command whose help to point at. */
export class UsageError extends AppError {
  override readonly name: string = 'UsageError';
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super('USAGE_ERROR', message);
  }
}

/** The global flags: connection settings, diagnostics, and whether to use the daemon. */
export interface GlobalFlags {
  url?: string;
  token?: string;
  cert?: string;
  /** `--log-level error|warn|info|debug`. */
  'log-level'?: string;
  /** How many times -v was given. */
  verbose?: number;
  /** `--no-daemon`: talk to Skaha directly even when a daemon runs. */
  'no-daemon'?: boolean;
}

/** One parsed option value. */
export type OptionValue = boolean | string | number | string[];

/** A parsed command line. `command` is null when none was given (bare `--help`, `--version` or nothing). */
export interface ParsedArgs {
  command: CommandSpec | null;
  options: Readonly<Record<string, OptionValue>>;
  positionals: string[];
  /** Words after `--`, or null when there was no `--`. */
  rest: string[] | null;
  global: GlobalFlags;
  help: boolean;
  version: boolean;
}

const isFlag = (token: string) => token.length > 1 && token.startsWith('-') && !/^-\d/.test(token);

/** `-vv`, `-vvv`: a short count flag repeated in one word. */
const REPEATED_SHORT = /^-([a-zA-Z])\1+$/;

/** Parses argv (without node and script) against the command specs (or those `find` knows, e.g. the dashboard's prompt); throws UsageError on bad input. */
export function parseArgs(argv: readonly string[], find: (name: string) => CommandSpec | undefined = findCommand): ParsedArgs {
  const parsed: ParsedArgs = { command: null, options: {}, positionals: [], rest: null, global: {}, help: false, version: false };
  const options: Record<string, OptionValue> = {};
  let i = 0;
  const take = (spec: OptionSpec, flag: string, inline: string | undefined, where?: string): void => {
    const target = GLOBAL_OPTIONS.includes(spec) ? (parsed.global as Record<string, OptionValue>) : options;
    if (spec.type === 'boolean' || spec.type === 'count') {
      if (inline !== undefined) throw new UsageError(USAGE_ERRORS.noValueAllowed(flag), where);
      target[spec.name] = spec.type === 'count' ? ((target[spec.name] as number | undefined) ?? 0) + 1 : true;
      return;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i];
      if (next === undefined || next === '--' || (isFlag(next) && next.startsWith('--'))) {
        throw new UsageError(USAGE_ERRORS.missingValue(flag), where);
      }
      value = next;
      i++;
    }
    target[spec.name] = convert(spec, flag, value, where, target[spec.name]);
  };

  // `-vv` is `-v` twice; every other flag is taken once.
  const takeRun = (spec: OptionSpec, flag: string, inline: string | undefined, where?: string): void => {
    const times = REPEATED_SHORT.test(flag) ? flag.length - 1 : 1;
    for (let n = 0; n < times; n++) take(spec, flag, inline, where);
  };

  while (i < argv.length && parsed.command === null) {
    const token = argv[i++];
    if (token === '--') throw new UsageError(USAGE_ERRORS.missingCommand);
    if (!isFlag(token)) {
      const spec = find(token);
      if (!spec) throw new UsageError(USAGE_ERRORS.unknownCommand(token));
      parsed.command = spec;
      break;
    }
    const [flag, inline] = splitFlag(token);
    if (flag === '--help' || flag === '-h') parsed.help = true;
    else if (flag === '--version' || flag === '-V') parsed.version = true;
    else {
      const spec = lookupShortRun(GLOBAL_OPTIONS, flag) ?? lookupIn(GLOBAL_OPTIONS, flag);
      if (!spec) throw new UsageError(USAGE_ERRORS.optionBeforeCommand(flag));
      takeRun(spec, flag, inline);
    }
  }
  const command = parsed.command;
  if (command === null) return parsed;

  while (i < argv.length) {
    const token = argv[i++];
    if (token === '--') {
      parsed.rest = argv.slice(i);
      break;
    }
    if (!isFlag(token)) {
      parsed.positionals.push(token);
      continue;
    }
    const [flag, inline] = splitFlag(token);
    if (flag === '--help' || flag === '-h') {
      parsed.help = true;
      continue;
    }
    const all = [...command.options, ...GLOBAL_OPTIONS];
    const spec = lookupShortRun(all, flag) ?? lookupIn(all, flag);
    if (!spec) throw new UsageError(USAGE_ERRORS.unknownOption(flag, command.name), command.name);
    takeRun(spec, flag, inline, command.name);
  }
  parsed.options = options;
  if (!parsed.help) checkArguments(command, parsed);
  return parsed;
}

function splitFlag(token: string): [string, string | undefined] {
  const eq = token.indexOf('=');
  if (!token.startsWith('--') || eq < 0) return [token, undefined];
  return [token.slice(0, eq), token.slice(eq + 1)];
}

/** A count option written as a repeated short flag (`-vv`). */
function lookupShortRun(all: readonly OptionSpec[], flag: string): OptionSpec | undefined {
  const run = REPEATED_SHORT.exec(flag);
  return run ? all.find((o) => o.type === 'count' && o.short === run[1]) : undefined;
}

function lookupIn(all: readonly OptionSpec[], flag: string): OptionSpec | undefined {
  if (flag.startsWith('--')) {
    const name = flag.slice(2);
    return all.find((o) => o.name === name || o.aliases?.includes(name));
  }
  return all.find((o) => o.short !== undefined && `-${o.short}` === flag);
}

function convert(spec: OptionSpec, flag: string, value: string, where: string | undefined, previous: OptionValue | undefined): OptionValue {
  if (spec.type === 'number') {
    const n = value.trim() === '' ? NaN : Number(value);
    if (!Number.isFinite(n)) throw new UsageError(USAGE_ERRORS.notANumber(flag, value), where);
    return n;
  }
  if (spec.type === 'list') return [...((previous as string[] | undefined) ?? []), value];
  if (spec.choices) {
    const match = spec.choices.find((c) => c.toLowerCase() === value.toLowerCase());
    if (!match) throw new UsageError(USAGE_ERRORS.badChoice(flag, value, spec.choices), where);
    return match;
  }
  return value;
}

function checkArguments(command: CommandSpec, parsed: ParsedArgs): void {
  if (parsed.rest !== null && !command.rest) throw new UsageError(USAGE_ERRORS.noDoubleDash(command.name), command.name);
  const names = command.positionals;
  const variadic = names.length > 0 && names[names.length - 1].endsWith('...');
  const required = names.filter((n) => !n.startsWith('['));
  if (parsed.positionals.length < required.length) {
    throw new UsageError(USAGE_ERRORS.missingArgument(required[parsed.positionals.length]), command.name);
  }
  if (!variadic && parsed.positionals.length > names.length) {
    throw new UsageError(USAGE_ERRORS.tooManyArguments(parsed.positionals.slice(names.length)), command.name);
  }
  const badId = badIdArgument(names, parsed.positionals);
  if (badId !== null) throw new UsageError(badId, command.name);
}

/** A string option's value, if given. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  return typeof v === 'string' ? v : undefined;
}

/** A number option's value, if given. */
export function numberOption(args: ParsedArgs, name: string): number | undefined {
  const v = args.options[name];
  return typeof v === 'number' ? v : undefined;
}

/** Whether a boolean option was given. */
export function flagOption(args: ParsedArgs, name: string): boolean {
  return args.options[name] === true;
}

/** A repeatable option's values (empty when not given). */
export function listOption(args: ParsedArgs, name: string): string[] {
  const v = args.options[name];
  return Array.isArray(v) ? v : [];
}
