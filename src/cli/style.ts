// ANSI colour for terminals, and the rule for when it is allowed.

import { terminalText } from '../domain/terminal-text.js';

/** A stream's terminal flag, as Node's process streams expose it. */
export interface TtyFlag {
  isTTY?: boolean;
}

/** Text decorators; each shows controls in its input as visible escapes, and adds colour only when colour is on. */
export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  magenta(text: string): string;
  /** Colours a session status by meaning (Running green, Pending yellow, Failed red, …). */
  status(status: string): string;
}

/** Whether colour may be written to `stream`: only on a TTY, never when NO_COLOR is non-empty or TERM is dumb. */
export function colorEnabled(stream: TtyFlag, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

// The SGR codes decorators write; OWN_SGR matches exactly these (and nothing a server could add on top).
const CODES = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39], magenta: [35, 39] } as const;

/** The colour sequences a Style writes, and only those (what an output may keep when it shows every other control). */
export const OWN_SGR = /\u001b\[(?:1|2|22|31|32|33|35|36|39)m/;

// The input is sanitised first, so a decorated server value never carries its own escape sequences.
const wrap =
  (on: boolean, [open, close]: readonly [number, number]) =>
  (raw: string) => {
    const text = terminalText(raw);
    return on && text !== '' ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  };

/** A Style that colours when `enabled` is true and is the identity otherwise. */
export function createStyle(enabled: boolean): Style {
  const style = {
    enabled,
    bold: wrap(enabled, CODES.bold),
    dim: wrap(enabled, CODES.dim),
    red: wrap(enabled, CODES.red),
    green: wrap(enabled, CODES.green),
    yellow: wrap(enabled, CODES.yellow),
    cyan: wrap(enabled, CODES.cyan),
    magenta: wrap(enabled, CODES.magenta),
    status(status: string): string {
      switch (status) {
        case 'Running':
          return style.green(status);
        case 'Pending':
          return style.yellow(status);
        case 'Failed':
        case 'Error':
          return style.red(status);
        case 'Terminating':
          return style.magenta(status);
        case 'Completed':
        case 'Succeeded':
          return style.dim(status);
        default:
          return terminalText(status);
      }
    },
  };
  return style;
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** The text without ANSI colour sequences. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** The number of terminal columns `text` takes (colour sequences count as 0). */
export function visibleWidth(text: string): number {
  return [...stripAnsi(text)].length;
}
