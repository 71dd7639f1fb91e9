// Desktop apps from the dashboard: the selected desktop's apps in the details pane, and the picker
// that launches one (a desktop-app image) or deletes one.

import type { Session } from '../../src/domain/session.js';
import { movePicker, openPicker, pickedItem, type AppPicker } from '../app-picker.js';
import { APPS } from '../text.js';
import type { Controller } from './controller.js';
import { selectedSession } from './session-actions.js';

/** Reads a desktop's apps into the model (the details pane lists them). */
export async function fetchApps(ctl: Controller, sessionId: string): Promise<void> {
  const current = ctl.model().apps;
  if (current?.sessionId !== sessionId) ctl.update({ apps: { sessionId, apps: null, error: null } });
  try {
    const apps = await ctl.deps.connection.request('apps', { sessionId });
    if (ctl.model().apps?.sessionId === sessionId) ctl.update({ apps: { sessionId, apps, error: null } });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (ctl.model().apps?.sessionId === sessionId) ctl.update({ apps: { sessionId, apps: [], error: message } });
  }
}

/** The selected desktop, or null after flashing why there is none. */
function selectedDesktop(ctl: Controller): Session | null {
  const session = selectedSession(ctl);
  if (!session) return null;
  if (session.kind !== 'desktop') {
    ctl.flash('warn', APPS.notDesktop);
    return null;
  }
  return session;
}

/** `A` / `X`: opens the picker of desktop-app images (launch) or of the desktop's apps (delete), and fills it. */
export async function openAppPicker(ctl: Controller, mode: AppPicker['mode']): Promise<void> {
  const desk = selectedDesktop(ctl);
  if (!desk) return;
  if (mode === 'launch' && desk.status !== 'Running') return ctl.flash('warn', APPS.notRunning(desk.name));
  ctl.dispatch({ type: 'open-modal', modal: openPicker(mode, desk.id) });
  const items =
    mode === 'launch'
      ? (await ctl.call('images', { kind: 'desktop-app' }, 'images'))?.map((i) => ({ label: i.id, value: i.id }))
      : (await ctl.call('apps', { sessionId: desk.id }, 'apps'))?.map((a) => ({ label: `${a.appId} ${a.name} ${a.status} ${a.image}`, value: a.appId }));
  const modal = ctl.model().view.modal;
  if (modal?.type !== 'apps' || modal.sessionId !== desk.id || modal.mode !== mode) return;
  ctl.dispatch({ type: 'open-modal', modal: { ...modal, items: items ?? [] } });
}

/** Launches the chosen image on the desktop, or deletes the chosen app; then reads the apps again. */
async function runPicked(ctl: Controller, picker: AppPicker): Promise<void> {
  const item = pickedItem(picker);
  if (!item) return;
  ctl.dispatch({ type: 'close-modal' });
  const name = ctl.model().state?.sessions[picker.sessionId]?.name ?? picker.sessionId;
  if (picker.mode === 'launch') {
    if (await ctl.call('apps.launch', { sessionId: picker.sessionId, image: item.value }, 'app launch')) ctl.flash('info', APPS.launched(item.value, name));
  } else if (await ctl.call('apps.delete', { sessionId: picker.sessionId, appId: item.value }, 'app delete')) {
    ctl.flash('info', APPS.deleted(item.value, name));
  }
  await fetchApps(ctl, picker.sessionId);
}

/** A key while the picker is open: ↑↓ choose, Enter acts, Esc (or q) closes; every other key is swallowed. */
export function pickerKey(ctl: Controller, picker: AppPicker, name: string): void {
  if (name === 'escape' || name === 'q') return ctl.dispatch({ type: 'close-modal' });
  if (name === 'up' || name === 'k' || name === 'down' || name === 'j') {
    return ctl.dispatch({ type: 'open-modal', modal: movePicker(picker, name === 'up' || name === 'k' ? -1 : 1) });
  }
  if (name === 'enter') void runPicked(ctl, picker);
}
