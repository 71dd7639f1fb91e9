// The daemon's connection against the dashboard's own: show a mismatch in the header and offer a restart.

import { describeDifference, describeIdentity, sameIdentity } from '../../src/domain/connection-identity.js';
import { FLASH } from '../text.js';
import type { Controller } from './controller.js';

/** Compares the daemon's identity (from its welcome) with this dashboard's own; the header shows any difference. */
export async function checkIdentity(ctl: Controller): Promise<void> {
  const own = ctl.deps.ownIdentity;
  if (!own) return;
  // Called without a wait (on attach and reconnect), so a failure here proves nothing rather than rejecting unseen.
  const mine = await own().catch(() => null);
  const theirs = ctl.deps.connection.identity;
  // An own connection that does not resolve proves nothing either way; the credentials line shows the daemon's problems.
  if (mine === null || sameIdentity(theirs, mine)) {
    if (ctl.model().otherConnection) ctl.update({ otherConnection: null });
    return;
  }
  const [daemon, dashboard] = describeDifference(theirs, mine);
  ctl.update({ otherConnection: { daemon: describeIdentity(theirs), mine: describeIdentity(mine), difference: { daemon, mine: dashboard } } });
}

/** `D`: asks before restarting the daemon with this dashboard's connection (only when they differ). */
export function offerRestart(ctl: Controller): void {
  if (!ctl.model().otherConnection || !ctl.deps.restartDaemon) return ctl.flash('info', FLASH.sameConnection);
  ctl.dispatch({ type: 'open-modal', modal: { type: 'restart-daemon' } });
}

/** The confirmed restart: the daemon stops and starts again with this dashboard's environment; the link reconnects on its own. */
export async function restartDaemon(ctl: Controller): Promise<void> {
  ctl.dispatch({ type: 'close-modal' });
  const restart = ctl.deps.restartDaemon;
  if (!restart) return;
  ctl.flash('info', FLASH.restarting);
  try {
    await restart();
    ctl.flash('info', FLASH.restarted);
  } catch (error) {
    ctl.flash('error', FLASH.restartFailed(error instanceof Error ? error.message : String(error)));
  }
}
