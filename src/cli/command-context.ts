import { toAppError } from '../domain/errors.js';
import type { SkahaApi } from '../ports/skaha-api.js';
import type { CliIo } from './io.js';
import { errorJson, jsonLine, jsonText } from './json-output.js';
import type { ParsedArgs } from './parse-args.js';
import { colorEnabled, createStyle, type Style } from './style.js';
import { MESSAGES } from './text.js';

/** Writing helpers bound to one invocation: data to stdout, diagnostics to stderr, colour only where allowed. */
export interface Output {
  /** Colours for stdout. */
  readonly style: Style;
  /** Colours for stderr. */
  readonly errStyle: Style;
  /** Whether --json was given. */
  readonly json: boolean;
  /** Writes text to stdout as is. */
  print(text: string): void;
  /** Writes a value as indented JSON to stdout. */
  printJson(value: unknown): void;
  /** Writes a note to stderr. */
  note(text: string): void;
  /** Writes "warning: …" to stderr. */
  warn(text: string): void;
  /** Reports a failure on stderr: "error: …" as text, or `{"error":{code,message}}` under --json. */
  error(error: unknown, subject?: string): void;
}

/** What a command handler receives. */
export interface CommandContext {
  args: ParsedArgs;
  io: CliIo;
  out: Output;
  /** The Skaha API, opened on first use (credentials are resolved then). */
  api(): Promise<SkahaApi>;
  /** The most requests a bulk operation runs at once. */
  concurrency(): Promise<number>;
}

/** A command handler: resolves with the exit code. */
export type CommandHandler = (ctx: CommandContext) => Promise<number>;

const withNewline = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);

/** Builds the Output for an invocation. */
export function createOutput(io: CliIo, json: boolean): Output {
  const style = createStyle(colorEnabled(io.stdout, io.env));
  const errStyle = createStyle(colorEnabled(io.stderr, io.env));
  return {
    style,
    errStyle,
    json,
    print: (text) => void io.stdout.write(text),
    printJson: (value) => void io.stdout.write(jsonText(value)),
    note: (text) => void io.stderr.write(withNewline(text)),
    warn: (text) => void io.stderr.write(withNewline(errStyle.yellow(MESSAGES.warningPrefix) + text)),
    error(error, subject) {
      const e = toAppError(error);
      const message = subject ? MESSAGES.failedFor(subject, e.message) : e.message;
      if (json) io.stderr.write(jsonLine({ error: { ...errorJson(e).error, message } }));
      else io.stderr.write(withNewline(errStyle.red(MESSAGES.errorPrefix) + message));
    },
  };
}
