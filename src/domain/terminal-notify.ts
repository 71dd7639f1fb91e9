// The terminal-notification setting, shared by the config file (the daemon checks it) and the dashboard (which uses it).

/** How the dashboard raises a notification in the terminal itself (works over SSH). */
export const TERMINAL_NOTIFY_METHODS = ['osc777', 'osc9', 'osc99', 'bel', 'off'] as const;

/** One way to raise a terminal notification ('off' raises none). */
export type TerminalNotifyMethod = (typeof TERMINAL_NOTIFY_METHODS)[number];

/** Every value the setting takes: a method, or 'auto' to pick one from the terminal. */
export const TERMINAL_NOTIFY_SETTINGS = ['auto', ...TERMINAL_NOTIFY_METHODS] as const;

/** The setting: a method, or 'auto'. */
export type TerminalNotifySetting = (typeof TERMINAL_NOTIFY_SETTINGS)[number];

/** Whether a value is a valid setting. */
export function isTerminalNotifySetting(value: unknown): value is TerminalNotifySetting {
  return (TERMINAL_NOTIFY_SETTINGS as readonly unknown[]).includes(value);
}
