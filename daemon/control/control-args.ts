import { UsageError } from '../../src/cli/parse-args.js';
import { CONTROL_TEXT } from './control-text.js';

/** Parsed options of a management command: booleans as true, strings as their value; plus whether help was asked. */
export interface ControlArgs {
  flags: Record<string, string | true>;
  positionals: string[];
  help: boolean;
}

/** Parses `--flag`, `--name VALUE` and `--name=VALUE` against the allowed names; UsageError (exit 2) on anything else. */
export function parseControlArgs(argv: readonly string[], command: string, booleans: readonly string[], strings: readonly string[] = []): ControlArgs {
  const parsed: ControlArgs = { flags: {}, positionals: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--help' || token === '-h') {
      parsed.help = true;
      continue;
    }
    if (!token.startsWith('-') || token === '-') {
      parsed.positionals.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const name = token.slice(2, eq < 0 ? undefined : eq);
    if (token.startsWith('--') && booleans.includes(name) && eq < 0) {
      parsed.flags[name] = true;
    } else if (token.startsWith('--') && strings.includes(name)) {
      const value = eq >= 0 ? token.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(CONTROL_TEXT.missingValue(`--${name}`), command);
      parsed.flags[name] = value;
    } else {
      throw new UsageError(CONTROL_TEXT.unknownOption(eq < 0 ? token : token.slice(0, eq), command), command);
    }
  }
  return parsed;
}
