import type { DaemonConnection } from '../daemon-client/daemon-connection.js';
import { toAppError } from '../domain/errors.js';
import { terminalText, terminalTextKeeping } from '../domain/terminal-text.js';
import type { Logger } from '../ports/logger.js';
import type { SkahaApi } from '../ports/skaha-api.js';
import type { CliIo } from './io.js';
import { errorJson, jsonLine, jsonText } from './json-output.js';
import { csvText } from '../export/csv-text.js';
import type { ParsedArgs } from './parse-args.js';
import { colorEnabled, createStyle, OWN_SGR, type Style } from './style.js';
import type { CliSystem } from './system.js';
import { MESSAGES } from './text.js';

/**
 * Writing helpers bound to one invocation: data to stdout, diagnostics to stderr, colour only where allowed.
 * Every human-readable write shows control characters as visible escapes (terminal-text.ts), so text from
 * the server never controls the terminal; JSON keeps the exact strings, escaped the JSON way.
 */
export interface Output {
  /** Colours for stdout. */
  readonly style: Style;
  /** Colours for stderr. */
  readonly errStyle: Style;
  /** Whether --json was given (errors are then JSON on stderr too). */
  readonly json: boolean;
  /** The data format asked for (--json, --yaml or --csv), or null for the human view. */
  readonly format: DataFormat | null;
  /** Writes plain text to stdout, every control shown as a visible escape. */
  print(text: string): void;
  /** Writes a view to stdout that keeps the colours `style` added (views build it from sanitised cells); every other control is shown as a visible escape. */
  printStyled(text: string): void;
  /** Writes a value as indented JSON to stdout. */
  printJson(value: unknown): void;
  /** Writes normalised records (an array, or one object) in the chosen data format; `columns` are the CSV columns (docs/output.md). */
  printData(value: unknown, columns: readonly string[]): void;
  /** Writes a plain note to stderr, every control shown as a visible escape. */
  note(text: string): void;
  /** Writes a view to stderr that keeps the colours `errStyle` added; every other control is shown as a visible escape. */
  noteStyled(text: string): void;
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
  /** Whether this command's connection has private-registry credentials (never which). */
  registryConfigured(): Promise<boolean>;
  /** Where this command's direct requests go and how they authenticate (never the secret), for --dry-run. */
  target(): Promise<{ root: string; auth: 'token' | 'certificate' | 'none' }>;
  /** Diagnostics on stderr at the chosen --log-level (secrets scrubbed). */
  log: Logger;
  /** False with --no-daemon, or with --url/--token/--cert (a running daemon has its own connection): go to Skaha directly. */
  useDaemon: boolean;
  /** The running daemon, connected on first call; null when none runs, `useDaemon` is false, or it uses another server or credential than this command. */
  daemon(): Promise<DaemonConnection | null>;
  /** The daemon, started when none runs; rejects with DAEMON_UNAVAILABLE when it cannot be started or reached. */
  startDaemon(): Promise<DaemonConnection>;
  /** Browser, timers and Ctrl-C. */
  system: CliSystem;
}

/** The machine-readable output formats of list commands. */
export type DataFormat = 'json' | 'yaml' | 'csv';

/** A command handler: resolves with the exit code. */
export type CommandHandler = (ctx: CommandContext) => Promise<number>;

const withNewline = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);

/**
 * Builds the Output for an invocation; `warnings: false` (--log-level error) drops "warning: …" lines.
 * `yaml` writes YAML (src/export/yaml-text.ts): passed in, so only a --yaml run loads the YAML package.
 */
export function createOutput(io: CliIo, format: DataFormat | boolean | null, options: { warnings?: boolean; yaml?: (value: unknown) => string } = {}): Output {
  const dataFormat: DataFormat | null = format === true ? 'json' : format === false ? null : format;
  const json = dataFormat === 'json';
  const warnings = options.warnings !== false;
  const style = createStyle(colorEnabled(io.stdout, io.env));
  const errStyle = createStyle(colorEnabled(io.stderr, io.env));
  // Only the exact sequences our own Style writes survive, and only where it writes any.
  const styledText = (s: Style) => (text: string) => (s.enabled ? terminalTextKeeping(text, OWN_SGR) : terminalText(text));
  const styledOut = styledText(style);
  const styledErr = styledText(errStyle);
  return {
    style,
    errStyle,
    json,
    format: dataFormat,
    print: (text) => void io.stdout.write(terminalText(text)),
    printStyled: (text) => void io.stdout.write(styledOut(text)),
    printJson: (value) => void io.stdout.write(jsonText(value)),
    printData(value, columns) {
      if (dataFormat === 'yaml') {
        if (!options.yaml) throw new Error('--yaml output without a YAML writer');
        io.stdout.write(options.yaml(value));
      }
      // CSV has no escapes: on a terminal a cell shows its controls as visible escapes; a file or pipe gets the exact text.
      else if (dataFormat === 'csv') io.stdout.write(csvText(value, columns, io.stdout.isTTY ? terminalText : undefined));
      else io.stdout.write(jsonText(value));
    },
    note: (text) => void io.stderr.write(withNewline(terminalText(text))),
    noteStyled: (text) => void io.stderr.write(styledErr(text)),
    warn: (text) => {
      if (warnings) io.stderr.write(withNewline(errStyle.yellow(MESSAGES.warningPrefix) + terminalText(text)));
    },
    error(error, subject) {
      const e = toAppError(error);
      const message = subject ? MESSAGES.failedFor(subject, e.message) : e.message;
      if (json) io.stderr.write(jsonLine({ error: { ...errorJson(e).error, message } }));
      else io.stderr.write(withNewline(errStyle.red(MESSAGES.errorPrefix) + terminalText(message)));
    },
  };
}
