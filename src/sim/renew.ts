import { textResponse } from './auth.js';
import { jobName } from './k8s-names.js';
import { LIFETIMES, scaledDeadline } from './lifecycle.js';
import type { SimResponse, SimUser } from './types.js';
import type { SimWorld } from './world.js';

/**
 * `POST /v1/session/{id}?action=renew` once the action is known: 400 without an active Job; then as the
 * renew fault (or the session's seeded outcome) says: renewed (200), 500 `unexpected exception` (skaha 1.4
 * when patching the Job fails), or 200 with nothing changed (servers before 1.4 swallowed the failure).
 * A renew that succeeds still changes nothing for a headless job or a session with more time left than the lifetime.
 */
export function renewSession(world: SimWorld, user: SimUser, id: string): SimResponse {
  const { store, config } = world;
  const target = store.find(user.name, id);
  if (!target || (target.status !== 'Pending' && target.status !== 'Running')) {
    return textResponse(400, `No active job for user ${user.name} with session ${id}`);
  }
  const outcome = world.faults.renew ?? target.session.renew;
  if (outcome === 'error') {
    const job = jobName(target.session);
    return textResponse(500, `unexpected exception: java.lang.IllegalStateException: unable to patch activeDeadlineSeconds of job ${job}`);
  }
  if (outcome === 'ok') store.renew(user.name, id, scaledDeadline(LIFETIMES.interactiveDeadline, config.speed));
  return { status: 200, contentType: 'text/plain', body: '' };
}
