// Pure: when the dashboard next needs to redraw on its own. Idle means one wake a minute (ages and
// countdowns); every second only while a countdown is in its last 10 minutes or a retry is counting down.

import { isActive } from '../../src/domain/session.js';
import { parseTime } from '../../src/cli/format.js';
import type { DashboardModel } from '../render/frame.js';

const SECOND = 1000;
const MINUTE = 60_000;
const FINAL_STRETCH = 10 * MINUTE;

/** Whether a countdown on screen is in its last 10 minutes (then it ticks every second). */
export function needsSecondTicks(model: DashboardModel, now: number): boolean {
  if (model.connection.state !== 'connected' && model.connection.nextRetryAt !== null && model.connection.nextRetryAt > now) return true;
  const credentials = parseTime(model.state?.credentials?.expiresAt);
  if (credentials !== null && credentials > now && credentials - now <= FINAL_STRETCH) return true;
  for (const row of model.table.rows) {
    if (row.type !== 'session' || !isActive(row.session)) continue;
    const at = parseTime(row.session.expiresAt);
    if (at !== null && at > now && at - now <= FINAL_STRETCH) return true;
  }
  return false;
}

/** Pure: the next instant the screen changes by itself (flash or highlight expiry, a tick), or null. */
export function nextWake(model: DashboardModel, now: number): number | null {
  const times: number[] = [];
  const { view } = model;
  if (view.flash) times.push(view.flash.until);
  for (const h of Object.values(view.highlights)) times.push(h.until);
  const hasClockText = model.table.rows.length > 0 || model.state?.credentials?.expiresAt;
  if (needsSecondTicks(model, now)) times.push(now - (now % SECOND) + SECOND);
  else if (hasClockText) times.push(now - (now % MINUTE) + MINUTE);
  // Something already due (it fell due while its frame waited to be drawn) wakes at once.
  return times.length > 0 ? Math.max(now + 1, Math.min(...times)) : null;
}
