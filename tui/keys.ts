// The keymap: which key does what in which pane, plus the words for help and the footer.

import type { Pane } from './view-types.js';

/** What a key asks the dashboard to do. */
export type Command =
  | 'up'
  | 'down'
  | 'page-up'
  | 'page-down'
  | 'top'
  | 'bottom'
  | 'focus-next'
  | 'details'
  | 'logs'
  | 'events'
  | 'launch'
  | 'renew'
  | 'delete'
  | 'mark'
  | 'open'
  | 'copy'
  | 'refresh'
  | 'restart-daemon'
  | 'toggle-all'
  | 'filter'
  | 'sort'
  | 'sort-left'
  | 'sort-right'
  | 'sort-reverse'
  | 'help'
  | 'back'
  | 'quit'
  | 'follow'
  | 'wrap'
  | 'search'
  | 'next-match'
  | 'prev-match'
  | 'save'
  | 'full-screen'
  | 'app-launch'
  | 'app-delete'
  | 'relaunch'
  | 'usage'
  | 'export'
  | 'command';

/** Actions that change sessions, disabled by --readonly. */
export const MUTATING: ReadonlySet<Command> = new Set(['launch', 'renew', 'delete', 'app-launch', 'app-delete', 'relaunch']);

/** One binding: keys, the panes it works in, the command, and its help. */
export interface KeyBinding {
  keys: readonly string[];
  panes: readonly Pane[];
  command: Command;
  /** How help and the footer print the keys. */
  label: string;
  help: string;
  /** Shown in the footer of these panes. */
  hint?: readonly Pane[];
  /** Short footer word (defaults to the first word of help). */
  short?: string;
  /** How much the footer hint matters, 0 most: a narrow footer drops the highest ranks first; rank 0 (help, quit) stays. */
  rank?: number;
}

const ALL: readonly Pane[] = ['table', 'details', 'logs'];
const LISTS: readonly Pane[] = ['table', 'details'];

/** Every binding; pane-specific ones come first so they win over the general ones. */
export const KEYMAP: readonly KeyBinding[] = [
  { keys: ['f'], panes: ['logs'], command: 'follow', label: 'f', help: 'follow new lines on/off', hint: ['logs'], short: 'follow', rank: 1 },
  { keys: ['w'], panes: ['logs'], command: 'wrap', label: 'w', help: 'wrap long lines on/off', hint: ['logs'], short: 'wrap', rank: 3 },
  { keys: ['/'], panes: ['logs'], command: 'search', label: '/', help: 'search the log (regex)', hint: ['logs'], short: 'search', rank: 2 },
  { keys: ['n'], panes: ['logs'], command: 'next-match', label: 'n', help: 'next match', hint: ['logs'], short: 'next', rank: 4 },
  { keys: ['N'], panes: ['logs'], command: 'prev-match', label: 'N', help: 'previous match', short: 'prev' },
  { keys: ['C-s'], panes: ['logs'], command: 'save', label: 'Ctrl-S', help: 'save the log to a file', hint: ['logs'], short: 'save', rank: 4 },
  { keys: ['F'], panes: ['logs'], command: 'full-screen', label: 'F', help: 'full screen on/off', hint: ['logs'], short: 'full', rank: 3 },
  { keys: ['up', 'k'], panes: ALL, command: 'up', label: '↑/k', help: 'move up (scroll in details and logs)' },
  { keys: ['down', 'j'], panes: ALL, command: 'down', label: '↓/j', help: 'move down' },
  { keys: ['pageup', 'C-b'], panes: ALL, command: 'page-up', label: 'PgUp', help: 'one page up' },
  { keys: ['pagedown', 'C-f'], panes: ALL, command: 'page-down', label: 'PgDn', help: 'one page down' },
  { keys: ['g', 'home'], panes: ALL, command: 'top', label: 'g', help: 'go to the top' },
  { keys: ['G', 'end'], panes: ALL, command: 'bottom', label: 'G', help: 'go to the bottom (logs: follow again)' },
  {
    keys: ['enter'],
    panes: LISTS,
    command: 'details',
    label: 'Enter',
    help: 'details (on a replica group: expand/collapse)',
    hint: ['table'],
    short: 'details',
    rank: 2,
  },
  { keys: ['l'], panes: ALL, command: 'logs', label: 'l', help: "follow the selected session's logs", hint: ['table', 'details'], short: 'logs', rank: 2 },
  {
    keys: ['e'],
    panes: ALL,
    command: 'events',
    label: 'e',
    help: "the selected session's Kubernetes events",
    hint: ['table', 'details'],
    short: 'events',
    rank: 4,
  },
  { keys: ['n'], panes: LISTS, command: 'launch', label: 'n', help: 'launch a session', hint: ['table'], short: 'launch', rank: 1 },
  {
    keys: ['c'],
    panes: LISTS,
    command: 'relaunch',
    label: 'c',
    help: 'launch the selected session again as it was launched; on a replica group: rerun its failed replicas (asks first)',
    short: 'relaunch',
  },
  { keys: ['r'], panes: ALL, command: 'renew', label: 'r', help: 'renew (asks first)', hint: ['table'], short: 'renew', rank: 3 },
  {
    keys: ['d', 'C-d'],
    panes: ALL,
    command: 'delete',
    label: 'd/Ctrl-D',
    help: 'delete (asks first, listing what will go)',
    hint: ['table'],
    short: 'delete',
    rank: 2,
  },
  { keys: ['A'], panes: LISTS, command: 'app-launch', label: 'A', help: 'launch an app (CASA, TOPCAT, DS9, xterm …) on the selected desktop', short: 'app' },
  { keys: ['X'], panes: LISTS, command: 'app-delete', label: 'X', help: "delete one of the selected desktop's apps", short: 'del-app' },
  { keys: ['space'], panes: LISTS, command: 'mark', label: 'Space', help: 'mark for bulk delete or renew', hint: ['table'], short: 'mark', rank: 3 },
  {
    keys: ['o'],
    panes: ALL,
    command: 'open',
    label: 'o',
    help: 'open in the browser (Pending: when ready; no browser: show and copy the URL)',
    hint: ['table'],
    short: 'open',
    rank: 2,
  },
  { keys: ['y'], panes: ALL, command: 'copy', label: 'y', help: 'copy the URL (OSC 52)', short: 'copy' },
  { keys: ['/'], panes: LISTS, command: 'filter', label: '/', help: 'filter (regex; start with ! to invert)', hint: ['table'], short: 'filter', rank: 3 },
  {
    keys: ['x'],
    panes: LISTS,
    command: 'export',
    label: 'x',
    help: 'export the table (after filter and sort) to a file: CSV, JSON or Markdown',
    hint: ['table'],
    short: 'export',
    rank: 5,
  },
  { keys: ['s'], panes: LISTS, command: 'sort', label: 's', help: 'sort by the next column', hint: ['table'], short: 'sort', rank: 5 },
  { keys: ['<'], panes: LISTS, command: 'sort-left', label: '<', help: 'sort by the column to the left (the header shows which, and ↑/↓ the order)' },
  { keys: ['>'], panes: LISTS, command: 'sort-right', label: '>', help: 'sort by the column to the right' },
  { keys: ['S'], panes: LISTS, command: 'sort-reverse', label: 'S', help: 'reverse the sort order' },
  { keys: ['a'], panes: ALL, command: 'toggle-all', label: 'a', help: 'all sessions / active only', short: 'all' },
  {
    keys: ['U'],
    panes: ALL,
    command: 'usage',
    label: 'U',
    help: 'usage: core- and GiB-hours asked and used, by kind and by day',
    hint: ['table'],
    short: 'usage',
  },
  { keys: ['R'], panes: ALL, command: 'refresh', label: 'R', help: 'refresh now (the daemon polls at once)', short: 'refresh' },
  {
    keys: ['D'],
    panes: ALL,
    command: 'restart-daemon',
    label: 'D',
    help: "restart the daemon with this dashboard's connection (when it uses another)",
    short: 'restart',
  },
  {
    keys: ['escape'],
    panes: ALL,
    command: 'back',
    label: 'Esc',
    help: 'back (close, clear the filter, leave full screen)',
    hint: ['logs', 'details'],
    short: 'back',
    rank: 1,
  },
  { keys: ['tab'], panes: ALL, command: 'focus-next', label: 'Tab', help: 'next pane', hint: ALL, short: 'pane', rank: 1 },
  {
    keys: [':'],
    panes: ALL,
    command: 'command',
    label: ':',
    help: 'command prompt (k9s-style): launch, relaunch, delete, renew, filter, sort, usage, storage, profile, export, help, quit … with Tab completion; ↑ recalls',
    hint: ['table'],
    short: 'cmd',
    rank: 4,
  },
  { keys: ['?'], panes: ALL, command: 'help', label: '?', help: 'this help', hint: ALL, short: 'help', rank: 0 },
  { keys: ['q', 'C-c'], panes: ALL, command: 'quit', label: 'q', help: 'quit (the daemon keeps running)', hint: ALL, short: 'quit', rank: 0 },
];

/** Keys inside the launch form, confirmation and prompts (handled by the dialog, listed in help). */
export const DIALOG_KEYS: readonly { label: string; help: string }[] = [
  {
    label: '↑/↓ Tab',
    help: 'launch form: previous/next field (Shift-Tab back); in the image field ↑/↓ move through the suggestions and Tab completes the highlighted one',
  },
  { label: '←/→', help: 'launch form: change a choice (kind, resources, cores, RAM, GPUs), or move the cursor in a text field' },
  { label: 'Ctrl-A/E/U/W', help: 'launch form text: start/end of line (also Home/End), delete to the start / the word before the cursor; paste works' },
  { label: '1-9 Ctrl-R', help: 'launch form: fill from a recent launch' },
  { label: 'Ctrl-S', help: 'launch form: save the form as the profile named in the Profile field (Enter there loads one)' },
  { label: 'Enter', help: 'launch form: launch; confirmation: yes; filter/search: apply' },
  { label: 'y / n', help: 'confirmation: yes / no' },
  { label: 'Esc', help: 'cancel the dialog or prompt' },
];

/** The dashboard's name for a key from blessed's (ch, key): special keys by name, printable ones as typed. */
export function keyName(ch: string | undefined, key: { full?: string; name?: string; ctrl?: boolean; meta?: boolean } | undefined): string | null {
  const full = key?.full;
  // blessed reports Enter twice ('enter' and 'return'); only one counts.
  if (full === 'return' || full === 'linefeed') return null;
  if (key?.ctrl || key?.meta) return full ?? null;
  if (full && (full.length > 1 || !ch)) {
    if (/^S-[a-z]$/.test(full) && ch) return ch;
    return full;
  }
  return ch ?? full ?? null;
}

/** The command a key runs in a pane, or null. */
export function commandFor(pane: Pane, key: string): Command | null {
  const binding = KEYMAP.find((b) => b.keys.includes(key) && b.panes.includes(pane));
  return binding ? binding.command : null;
}

/** The footer hints of a pane, in keymap order: key label, short word, whether read-only disables it, and its rank. */
export function footerHints(pane: Pane, readonly: boolean): { label: string; short: string; disabled: boolean; rank: number }[] {
  return KEYMAP.filter((b) => b.hint?.includes(pane) && b.panes.includes(pane)).map((b) => ({
    label: b.label.length > 1 && b.label.includes('/') ? b.label.split('/')[0] : b.label,
    short: b.short ?? b.help.split(' ')[0],
    disabled: readonly && MUTATING.has(b.command),
    rank: b.rank ?? 9,
  }));
}
