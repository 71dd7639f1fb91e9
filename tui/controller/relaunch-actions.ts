// `c`: launch the selected session again, or rerun the failed replicas of the selected group, after a dialog.

import { FLASH } from '../text.js';
import { RELAUNCH } from '../relaunch-text.js';
import { editable, relaunchModalFor, type RelaunchModal } from '../relaunch-dialog.js';
import { selectedRow, formEnv } from '../render/frame.js';
import { newLaunchForm } from '../form/launch-form.js';
import { fillFromRecord } from '../form/recent-launches.js';
import type { Controller } from './controller.js';
import { showLaunched } from './launch-actions.js';
import { listFormProfiles } from './profile-actions.js';

/** `c`: opens the relaunch dialog for the selected row, or says why there is nothing to launch again. */
export function openRelaunch(ctl: Controller): void {
  const row = selectedRow(ctl.model());
  const state = ctl.model().state;
  if (!row || !state) return ctl.flash('warn', FLASH.noSelection);
  const modal = relaunchModalFor(row, state);
  if ('problem' in modal) return ctl.flash('warn', modal.problem);
  ctl.dispatch({ type: 'open-modal', modal });
}

/** `e` in the dialog: the launch form, filled with the plan, to give what was not kept (secrets, registry credentials). */
function editInForm(ctl: Controller, modal: RelaunchModal): void {
  if (!editable(modal)) return ctl.flash('warn', RELAUNCH.notEditable);
  const env = formEnv(ctl.model());
  const stored = { ...modal.plan.request, registryAuthUsed: modal.plan.registry };
  ctl.dispatch({
    type: 'open-modal',
    modal: { type: 'launch', form: fillFromRecord(newLaunchForm(env), { id: 'relaunch', at: 0, results: null, error: null, request: stored }) },
  });
  void listFormProfiles(ctl);
}

/** `y`/Enter in the dialog: sends the launch through the daemon, unless something must be given first. */
async function confirmRelaunch(ctl: Controller, modal: RelaunchModal): Promise<void> {
  const { plan } = modal;
  if (plan.redacted.length > 0)
    return ctl.flash('warn', editable(modal) ? RELAUNCH.needsValues(plan.redacted) : RELAUNCH.needsValuesShell(plan.redacted, modal.command));
  if (plan.registry && ctl.model().state?.credentials?.registry !== true) return ctl.flash('warn', RELAUNCH.needsRegistry);
  ctl.dispatch({ type: 'close-modal' });
  const result = await ctl.call('launch', plan.request, 'relaunch');
  if (result) showLaunched(ctl, plan.request, result.results).report();
}

/** The relaunch dialog's keys: y or Enter launch, e edits in the launch form, n, Esc or q close; others are swallowed. */
export function relaunchKey(ctl: Controller, modal: RelaunchModal, name: string): void {
  if (name === 'y' || name === 'Y' || name === 'enter') void confirmRelaunch(ctl, modal);
  else if (name === 'e') editInForm(ctl, modal);
  else if (name === 'n' || name === 'N' || name === 'escape' || name === 'q') ctl.dispatch({ type: 'close-modal' });
}
