// The launch form's effects: opening it (with the image catalogue), submitting, tracking the new sessions.

import { isLaunchSuccess, storedName, type LaunchRequest, type LaunchResult } from '../../src/domain/launch.js';
import type { Session } from '../../src/domain/session.js';
import { FLASH, FORM } from '../text.js';
import { formEnv } from '../render/frame.js';
import { newLaunchForm, type LaunchForm } from '../form/launch-form.js';
import { fillFromJob } from '../form/form-profile.js';
import type { JobSpec } from '../../src/domain/job-spec.js';
import { formErrors, formRequest } from '../form/form-request.js';
import type { Controller } from './controller.js';
import { listFormProfiles } from './profile-actions.js';

/** `n` (and `:launch`): opens the launch form, filled with `job` when given (`profile` names the profile it came from), and loads the image catalogue once. */
export async function openLaunchForm(ctl: Controller, job?: JobSpec, profile?: string): Promise<void> {
  const env = formEnv(ctl.model());
  const blank = newLaunchForm(env, job?.kind);
  const filled = job && Object.keys(job).length > 0 ? fillFromJob(blank, job, env.sessions) : blank;
  const form: LaunchForm = profile === undefined ? filled : { ...filled, profile };
  ctl.dispatch({ type: 'open-modal', modal: { type: 'launch', form } });
  void listFormProfiles(ctl);
  await loadImages(ctl);
}

/** Reads the image catalogue from the daemon once (for the form's picker and the prompt's completion). */
export async function loadImages(ctl: Controller): Promise<void> {
  if (ctl.model().images !== null) return;
  try {
    const images = await ctl.deps.connection.request('images', {});
    ctl.update({ images });
  } catch {
    // The picker then offers nothing; the image can still be typed in full.
    ctl.update({ images: [] });
  }
}

/** A placeholder row for a just-launched session, shown until the daemon lists it. */
export function pendingSession(id: string, name: string, request: LaunchRequest, now: number): Session {
  return {
    id,
    name,
    kind: request.kind,
    status: 'Pending',
    image: request.image,
    user: null,
    startedAt: new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    expiresAt: null,
    url: null,
    cpu: { requested: request.cores ?? null, used: null },
    ramGB: { requested: request.ram ?? null, used: null },
    gpus: { requested: request.gpus ?? null },
    fixed: request.cores !== undefined,
  };
}

/** Enter in the form: validates, launches through the daemon, closes on success, shows the server's error verbatim. */
export async function submitLaunch(ctl: Controller): Promise<void> {
  const modal = ctl.model().view.modal;
  if (modal?.type !== 'launch' || modal.form.submitting) return;
  const env = formEnv(ctl.model());
  if (Object.keys(formErrors(modal.form, env)).length > 0) {
    ctl.dispatch({ type: 'form', action: { type: 'attempted' }, env });
    ctl.flash('warn', FORM.fixErrors);
    return;
  }
  const form = modal.form;
  ctl.dispatch({ type: 'form', action: { type: 'submitting' }, env });
  try {
    const request = formRequest(form);
    const result = await ctl.deps.connection.request('launch', request, { timeoutMs: 120_000 });
    const outcome = showLaunched(ctl, request, result.results);
    if (outcome.created === 0) {
      ctl.dispatch({ type: 'form', action: { type: 'failed', message: outcome.firstError }, env });
      return;
    }
    ctl.dispatch({ type: 'close-modal' });
    outcome.report();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ctl.dispatch({ type: 'form', action: { type: 'failed', message }, env: formEnv(ctl.model()) });
  }
}

/**
 * After a launch answered: placeholder rows for the new sessions (shown Pending until listed), which are
 * watched until ready; `report` selects the first and flashes what happened (call it once the dialog is closed).
 */
export function showLaunched(
  ctl: Controller,
  request: LaunchRequest,
  results: readonly LaunchResult[],
): { created: number; firstError: string; report(): void } {
  const created = results.filter(isLaunchSuccess);
  const failed = results.filter((r) => !isLaunchSuccess(r));
  const firstError = failed.length > 0 && 'error' in failed[0] ? failed[0].error.message : '';
  const now = ctl.deps.clock.now();
  ctl.dispatch({
    type: 'pending-add',
    sessions: created.filter((r) => !ctl.model().state?.sessions[r.id]).map((r) => pendingSession(r.id, storedName(r.name), request, now)),
  });
  ctl.dispatch({ type: 'watch-ready', ids: created.map((r) => r.id) });
  const report = () => {
    if (created[0]) ctl.dispatch({ type: 'select', key: created[0].id, ...ctl.rows() });
    if (failed.length > 0) return ctl.flash('error', FLASH.partial('launch', failed.length, results.length, firstError));
    const typed = request.name;
    const lowered = storedName(typed) === typed ? null : { as: typed, stored: storedName(typed) };
    ctl.flash(
      'info',
      FLASH.launched(
        created.map((r) => storedName(r.name)),
        lowered,
      ),
    );
  };
  return { created: created.length, firstError, report };
}
