import type { ParsedArgs } from '../../src/cli/parse-args.js';
import type { Controller } from './controller.js';
import {
  exportCommand,
  filterCommand,
  helpCommand,
  launchCommand,
  profileCommand,
  quitCommand,
  refreshCommand,
  relaunchCommand,
  sessionCommand,
  sessionsCommand,
  sortCommand,
  storageCommand,
  usageCommand,
} from './prompt-actions.js';

/** Runs a parsed prompt command line; may throw a UsageError, which the footer shows. */
export type PromptRunner = (ctl: Controller, args: ParsedArgs) => unknown;

/** What each prompt command (tui/command-mode/prompt-commands.ts) does, by its name. */
export const PROMPT_RUNNERS: ReadonlyMap<string, PromptRunner> = new Map<string, PromptRunner>([
  ['launch', launchCommand],
  ['relaunch', relaunchCommand],
  ['profile', profileCommand],
  ['delete', (ctl, args) => sessionsCommand(ctl, 'delete', args)],
  ['renew', (ctl, args) => sessionsCommand(ctl, 'renew', args)],
  ['logs', (ctl, args) => sessionCommand(ctl, 'logs', args)],
  ['events', (ctl, args) => sessionCommand(ctl, 'events', args)],
  ['open', (ctl, args) => sessionCommand(ctl, 'open', args)],
  ['filter', filterCommand],
  ['sort', sortCommand],
  ['export', exportCommand],
  ['usage', usageCommand],
  ['storage', storageCommand],
  ['refresh', refreshCommand],
  ['help', helpCommand],
  ['quit', quitCommand],
]);
