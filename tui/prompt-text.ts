// The words of the `:` command prompt and of the export (x): help, messages, the dialog.

/** The `:` command prompt: its help section and its messages. */
export const PROMPT_TEXT = {
  helpTitle: 'Command prompt (:)',
  helpIntro:
    'Type a command and press Enter (Esc cancels). Tab completes commands, flags, session ids and names, kinds, images and columns; ↑/↓ recall earlier commands (kept across runs). Aliases: "commands": {"aliases": {"nb": "launch notebook"}} in the config file.',
  unknown: (word: string, closest: string | null) =>
    `unknown command '${word}'${closest ? `: did you mean ${closest}?` : ''} (Tab completes, :help lists the commands)`,
  noSession: (word: string) => `no session has the id or name '${word}' (Tab completes them)`,
  ambiguous: (word: string, ids: readonly string[]) => `'${word}' names ${ids.length} sessions (${ids.join(', ')}): give one id`,
  notInTable: (word: string) => `${word} is not in the table (clear the filter with Esc, or press a for all sessions)`,
  notAGroup: (word: string) => `${word} is not a replica group: --failed reruns the failed replicas of a group (give its name or one of its ids)`,
  noProfiles: 'this dashboard was started without a profiles folder',
  storageNotRead: 'home storage has not been read yet (the daemon reads it at most every 5 minutes)',
  storageUnknown: (why: string) => `home storage unknown: ${why}`,
  storage: (used: number, quota: number | null, percent: number | null, readAt: string) =>
    `home storage ${used} GiB${quota === null ? ' (no quota)' : ` of ${quota} GiB (${percent}%)`}, read ${readAt}`,
  nothingActive: 'none of these sessions is active: only Pending and Running sessions can be renewed',
  badChoice: (what: string, value: string, choices: readonly string[]) => `unknown ${what} '${value}' (choose from ${choices.join(', ')})`,
  globalFlag: (flag: string) => `${flag} is an option of the skaha-tui command line, not of the prompt`,
  usage: (usage: string, same: string) => `${usage}   (same as ${same})`,
  aliasHelp: (target: string) => `alias (config file) for: ${target}`,
  historyFailed: (message: string) => `the command ran, but the prompt history could not be saved: ${message}`,
} as const;

/** The export dialog (x) and its outcome. */
export const EXPORT = {
  intro: (rows: number) => `Write the ${rows === 1 ? 'session' : `${rows} sessions`} the table shows (after filter and sort) to a file:`,
  formats: { csv: 'CSV (RFC 4180, for spreadsheets)', json: 'JSON (as ps --json prints it)', md: 'Markdown table' },
  folder: (dir: string) => `in ${dir}`,
  keys: '[↑/↓] choose   [Enter] write   [c/j/m] CSV/JSON/Markdown   [Esc] cancel',
  keysAscii: '[Up/Down] choose   [Enter] write   [c/j/m] CSV/JSON/Markdown   [Esc] cancel',
  written: (rows: number, path: string, format: string) => `exported ${rows === 1 ? '1 session' : `${rows} sessions`} as ${format} to ${path}`,
  failed: (message: string) => `could not export: ${message}`,
  nothing: 'nothing to export: the table is empty',
} as const;
