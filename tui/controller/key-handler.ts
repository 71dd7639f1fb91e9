// Keys → commands → view actions and effects, per the keymap (dialogs and prompts first).

import { commandFor } from '../keys.js';
import type { Controller } from './controller.js';
import { handleDialogKey } from './dialog-keys.js';
import { runCommand } from './run-command.js';

/** Handles one key by its dashboard name (see keyName); Ctrl-C always quits. */
export function handleKey(ctl: Controller, name: string): void {
  if (name === 'C-c') return ctl.quit();
  if (handleDialogKey(ctl, name)) return;
  const command = commandFor(ctl.model().view.focus, name);
  if (command) runCommand(ctl, command);
}
