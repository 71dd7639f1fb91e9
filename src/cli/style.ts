// ANSI colour for terminals, and the rule for when it is allowed.

/** A stream's terminal flag, as Node's process streams expose it. */
export interface TtyFlag {
  isTTY?: boolean;
}

/** Text decorators; all return the input unchanged when colour is off. */
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

const wrap = (on: boolean, open: number, close: number) => (text: string) =>
  on && text !== '' ? `\u001b[${open}m${text}\u001b[${close}m` : text;

/** A Style that colours when `enabled` is true and is the identity otherwise. */
export function createStyle(enabled: boolean): Style {
  const style = {
    enabled,
    bold: wrap(enabled, 1, 22),
    dim: wrap(enabled, 2, 22),
    red: wrap(enabled, 31, 39),
    green: wrap(enabled, 32, 39),
    yellow: wrap(enabled, 33, 39),
    cyan: wrap(enabled, 36, 39),
    magenta: wrap(enabled, 35, 39),
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
          return status;
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
