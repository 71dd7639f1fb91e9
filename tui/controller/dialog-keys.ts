// Keys while a dialog or a prompt has the keyboard: the : prompt, help, confirmation, launch form, export, filter, log search.

import { TEXT_FIELDS, type FormAction } from '../form/launch-form.js';
import { oneLine, type EditAction } from '../form/text-edit.js';
import { formEnv } from '../render/frame.js';
import type { Controller } from './controller.js';
import { copyText, runBulk } from './session-actions.js';
import { submitLaunch } from './launch-actions.js';
import { restartDaemon } from './daemon-identity.js';
import { pickerKey } from './app-actions.js';
import { exportKey } from './export-table.js';
import { promptKey, promptPaste } from './command-prompt.js';
import { typedText } from './typed-text.js';
import { relaunchKey } from './relaunch-actions.js';
import { loadFormProfile, saveFormProfile } from './profile-actions.js';
import { usageKey } from './usage-actions.js';

/** Keys that edit the focused text field of the launch form, readline-style. */
const EDIT_KEYS: Readonly<Record<string, EditAction>> = {
  home: { type: 'home' },
  'C-a': { type: 'home' },
  end: { type: 'end' },
  'C-e': { type: 'end' },
  'C-u': { type: 'kill-start' },
  'C-k': { type: 'kill-end' },
  'C-w': { type: 'kill-word' },
  delete: { type: 'delete' },
};

function formKey(ctl: Controller, name: string): void {
  const modal = ctl.model().view.modal;
  if (modal?.type !== 'launch') return;
  const env = formEnv(ctl.model());
  const form = (action: FormAction) => ctl.dispatch({ type: 'form', action, env });
  const text = typedText(name);
  switch (name) {
    case 'escape':
      return ctl.dispatch({ type: 'close-modal' });
    case 'tab':
      return form({ type: 'next-field' });
    case 'S-tab':
      return form({ type: 'prev-field' });
    case 'up':
      return form({ type: 'up' });
    case 'down':
      return form({ type: 'down' });
    case 'left':
      return form({ type: 'left' });
    case 'right':
      return form({ type: 'right' });
    case 'backspace':
      return form({ type: 'backspace' });
    case 'C-r':
      return form({ type: 'recent', index: 0 });
    case 'C-s':
      return void saveFormProfile(ctl);
    case 'enter':
      if (modal.form.focus === 'profile') return void loadFormProfile(ctl);
      if (modal.form.focus === 'image' && modal.form.imagePick >= 0) return form({ type: 'accept-pick' });
      void submitLaunch(ctl);
      return;
  }
  const edit = EDIT_KEYS[name];
  if (edit && TEXT_FIELDS.has(modal.form.focus)) return form({ type: 'edit', edit });
  if (text === null) return;
  if (!TEXT_FIELDS.has(modal.form.focus) && /^[1-9]$/.test(text)) return form({ type: 'recent', index: Number(text) - 1 });
  form({ type: 'input', text });
}

/** Whether a prompt that takes text has the keyboard: the : prompt, a text field of the launch form, the filter, or the log search. */
export function textInputFocused(ctl: Controller): boolean {
  const view = ctl.model().view;
  if (view.prompt) return true;
  if (view.modal?.type === 'launch') return TEXT_FIELDS.has(view.modal.form.focus);
  return view.modal === null && (view.filterEditing || view.logs.searchEditing);
}

/** Pasted (or non-ASCII) text for the prompt that has the keyboard, inserted whole as one line. */
export function handlePaste(ctl: Controller, text: string): void {
  const view = ctl.model().view;
  const line = oneLine(text);
  if (view.prompt) promptPaste(ctl, view.prompt, line);
  else if (view.modal?.type === 'launch') ctl.dispatch({ type: 'form', action: { type: 'input', text: line }, env: formEnv(ctl.model()) });
  else if (view.filterEditing) ctl.dispatch({ type: 'filter-input', text: line });
  else if (view.logs.searchEditing) ctl.dispatch({ type: 'log', action: { type: 'search-input', text: line } });
}

// A yes/no dialog's keys: y or Enter runs `yes`, n, Esc or q closes it; every other key is swallowed.
function yesOrNo(ctl: Controller, name: string, yes: () => void): true {
  if (name === 'y' || name === 'Y' || name === 'enter') yes();
  else if (name === 'n' || name === 'N' || name === 'escape' || name === 'q') ctl.dispatch({ type: 'close-modal' });
  return true;
}

/** Handles a key when a dialog or prompt is open; returns false when none is (the key is the panes'). */
export function handleDialogKey(ctl: Controller, name: string): boolean {
  const view = ctl.model().view;
  if (view.prompt) {
    promptKey(ctl, view.prompt, name);
    return true;
  }
  const modal = view.modal;
  if (modal?.type === 'help') {
    if (name === 'escape' || name === '?' || name === 'q' || name === 'enter') ctl.dispatch({ type: 'close-modal' });
    else if (name === 'down' || name === 'j') ctl.dispatch({ type: 'modal-scroll', delta: 1 });
    else if (name === 'up' || name === 'k') ctl.dispatch({ type: 'modal-scroll', delta: -1 });
    else if (name === 'pagedown' || name === 'space') ctl.dispatch({ type: 'modal-scroll', delta: 10 });
    else if (name === 'pageup') ctl.dispatch({ type: 'modal-scroll', delta: -10 });
    return true;
  }
  if (modal?.type === 'confirm') return yesOrNo(ctl, name, () => void runBulk(ctl, modal.action, modal.ids));
  if (modal?.type === 'restart-daemon') return yesOrNo(ctl, name, () => void restartDaemon(ctl));
  if (modal?.type === 'url') {
    if (name === 'escape' || name === 'enter' || name === 'q' || name === 'o') ctl.dispatch({ type: 'close-modal' });
    else if (name === 'y') copyText(ctl, modal.name, modal.url);
    return true;
  }
  if (modal?.type === 'launch') {
    formKey(ctl, name);
    return true;
  }
  if (modal?.type === 'usage') {
    usageKey(ctl, modal, name);
    return true;
  }
  if (modal?.type === 'apps') {
    pickerKey(ctl, modal, name);
    return true;
  }
  if (modal?.type === 'export') {
    exportKey(ctl, modal.index, name);
    return true;
  }
  if (modal?.type === 'relaunch') {
    relaunchKey(ctl, modal, name);
    return true;
  }
  if (view.filterEditing) {
    const text = typedText(name);
    if (name === 'enter') ctl.dispatch({ type: 'filter-commit' });
    else if (name === 'escape') ctl.dispatch({ type: 'filter-cancel' });
    else if (name === 'backspace') ctl.dispatch({ type: 'filter-backspace' });
    else if (text !== null) ctl.dispatch({ type: 'filter-input', text });
    return true;
  }
  if (view.logs.searchEditing) {
    const text = typedText(name);
    if (name === 'enter') ctl.dispatch({ type: 'log', action: { type: 'search-commit', height: ctl.logHeight() } });
    else if (name === 'escape') ctl.dispatch({ type: 'log', action: { type: 'search-cancel' } });
    else if (name === 'backspace') ctl.dispatch({ type: 'log', action: { type: 'search-backspace' } });
    else if (text !== null) ctl.dispatch({ type: 'log', action: { type: 'search-input', text } });
    return true;
  }
  return false;
}
