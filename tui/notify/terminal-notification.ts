import { terminalLine } from '../../src/domain/terminal-text.js';
import type { TerminalNotifyMethod, TerminalNotifySetting } from '../../src/domain/terminal-notify.js';

/** The method and setting types live in src/domain (the config file names them too); re-exported for the dashboard. */
export type { TerminalNotifyMethod, TerminalNotifySetting } from '../../src/domain/terminal-notify.js';

const ESC = '\u001b';
const BEL = '\u0007';
const ST = `${ESC}\\`;

/** Picks the method the terminal understands, from the variables terminals set. */
export function chooseTerminalMethod(env: NodeJS.ProcessEnv, setting: TerminalNotifySetting = 'auto'): TerminalNotifyMethod {
  if (setting !== 'auto') return setting;
  const program = (env.TERM_PROGRAM ?? '').toLowerCase();
  const term = (env.TERM ?? '').toLowerCase();
  // Inside tmux TERM_PROGRAM says "tmux"; the variables a terminal sets for itself still name it.
  if (env.KITTY_WINDOW_ID || term === 'xterm-kitty') return 'osc99';
  if (program === 'iterm.app' || env.LC_TERMINAL === 'iTerm2' || env.ITERM_SESSION_ID) return 'osc9';
  if (program === 'wezterm' || env.WEZTERM_PANE || env.WEZTERM_EXECUTABLE) return 'osc777';
  if (program === 'ghostty' || term === 'xterm-ghostty' || env.GHOSTTY_RESOURCES_DIR) return 'osc777';
  if (term.startsWith('foot') || env.VTE_VERSION) return 'osc777';
  return 'bel';
}

/** Wraps a sequence for tmux passthrough (needs `set -g allow-passthrough on`). */
export function wrapForTmux(sequence: string): string {
  return `${ESC}Ptmux;${sequence.split(ESC).join(ESC + ESC)}${ST}`;
}

/** The bytes that raise a notification with `method`; empty for 'off'. `id` lets kitty replace a notification in place. */
export function terminalNotification(method: TerminalNotifyMethod, title: string, body: string, options: { insideTmux?: boolean; id?: string } = {}): string {
  // Session names come from the server: their controls become visible escapes inside the sequence.
  const t = terminalLine(title).trim();
  const b = terminalLine(body).trim();
  let sequence: string;
  switch (method) {
    case 'off':
      return '';
    case 'bel':
      return BEL;
    case 'osc9':
      sequence = `${ESC}]9;${b ? `${t}: ${b}` : t}${BEL}`;
      break;
    case 'osc777':
      sequence = `${ESC}]777;notify;${t.replace(/;/g, ',')};${b}${BEL}`;
      break;
    case 'osc99': {
      const id = (options.id ?? 'skaha').replace(/[^A-Za-z0-9_+.-]/g, '-');
      sequence = `${ESC}]99;i=${id}:d=0;${t}${ST}${ESC}]99;i=${id}:p=body;${b}${ST}`;
      break;
    }
  }
  return options.insideTmux ? wrapForTmux(sequence) : sequence;
}
