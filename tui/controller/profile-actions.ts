// The launch form's profiles: the saved names listed, one loaded into the form (Enter on Profile), the form saved as one (Ctrl-S).

import { checkProfileName, loadProfile, profileNames, saveProfile } from '../../src/config/profiles.js';
import { toAppError } from '../../src/domain/errors.js';
import { jobFromForm } from '../form/form-profile.js';
import type { LaunchForm } from '../form/launch-form.js';
import { formEnv } from '../render/frame.js';
import { PROFILE } from '../relaunch-text.js';
import type { Controller } from './controller.js';

function openForm(ctl: Controller): LaunchForm | null {
  const modal = ctl.model().view.modal;
  return modal?.type === 'launch' ? modal.form : null;
}

/** Reads the saved profiles' names into the open form (none when the folder cannot be read). */
export async function listFormProfiles(ctl: Controller): Promise<void> {
  const dir = ctl.deps.profilesDir;
  if (dir === undefined) return;
  const names: string[] = await profileNames(dir).catch(() => []);
  if (openForm(ctl)) ctl.dispatch({ type: 'form', action: { type: 'profiles', names }, env: formEnv(ctl.model()) });
}

// The typed profile name, checked; null (after saying why) when there is none or it breaks the rule.
function typedName(ctl: Controller, form: LaunchForm): string | null {
  const name = form.profile.trim();
  if (name === '' || ctl.deps.profilesDir === undefined) {
    ctl.flash('warn', PROFILE.nameFirst);
    return null;
  }
  try {
    return checkProfileName(name);
  } catch (error) {
    ctl.flash('warn', toAppError(error).message);
    return null;
  }
}

/** Enter on the Profile field: fills the form with the profile named there. */
export async function loadFormProfile(ctl: Controller): Promise<void> {
  const form = openForm(ctl);
  const name = form && typedName(ctl, form);
  if (!name) return;
  const dir = ctl.deps.profilesDir!;
  const names: string[] = await profileNames(dir).catch(() => []);
  if (!names.includes(name)) return ctl.flash('warn', PROFILE.unknown(name));
  try {
    const job = await loadProfile(dir, name);
    if (!openForm(ctl)) return;
    ctl.dispatch({ type: 'form', action: { type: 'load-job', job }, env: formEnv(ctl.model()) });
    ctl.flash('info', PROFILE.loaded(name));
  } catch (error) {
    ctl.flash('error', PROFILE.broken(name, toAppError(error).message));
  }
}

/** Ctrl-S in the form: saves what it describes (never a secret) as the profile named in the Profile field. */
export async function saveFormProfile(ctl: Controller): Promise<void> {
  const form = openForm(ctl);
  const name = form && typedName(ctl, form);
  if (!form || !name) return;
  const { job, redacted } = jobFromForm(form);
  try {
    const file = await saveProfile(ctl.deps.profilesDir!, name, job);
    ctl.flash('info', redacted.length > 0 ? PROFILE.savedRedacted(name, redacted) : PROFILE.savedAs(name, file));
  } catch (error) {
    return ctl.flash('error', PROFILE.failed(toAppError(error).message));
  }
  await listFormProfiles(ctl);
}
