// The daemon's notices (a state or history file it moved aside): flashed once, then acknowledged so
// that neither this dashboard nor `daemon status` says them again.

import type { DaemonState } from '../../src/state/state.js';
import { FLASH } from '../text.js';
import type { Controller } from './controller.js';

/** Shows each notice of the daemon state once and acknowledges it. */
export class NoticeDesk {
  private readonly shown = new Set<string>();

  constructor(private readonly ctl: Controller) {}

  /** Flashes the notices `state` holds that were not shown yet, and acknowledges them. */
  show(state: DaemonState | null): void {
    const fresh = (state?.notices ?? []).filter((n) => !this.shown.has(n.key));
    if (fresh.length === 0) return;
    for (const notice of fresh) this.shown.add(notice.key);
    this.ctl.flash('warn', FLASH.notice(fresh.map((n) => n.message).join(' · ')));
    void this.ctl.call('notices.ack', { keys: fresh.map((n) => n.key) }, 'acknowledging notices');
  }
}
