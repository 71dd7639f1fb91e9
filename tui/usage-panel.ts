// The usage dialog's state: which window it shows (7 or 30 days) and the daemon's report, once it came.

import type { UsageReport } from '../src/state/usage-report.js';

/** The windows `w` switches between, in days. */
export const USAGE_WINDOWS = [7, 30] as const;

/** The usage dialog: the window, and the report (null while it loads; `error` says why it could not be had). */
export interface UsagePanel {
  type: 'usage';
  days: (typeof USAGE_WINDOWS)[number];
  report: UsageReport | null;
  error: string | null;
}

/** Pure: a usage dialog for `days`, loading. */
export function openUsagePanel(days: UsagePanel['days']): UsagePanel {
  return { type: 'usage', days, report: null, error: null };
}

/** Pure: the other window. */
export function otherWindow(days: UsagePanel['days']): UsagePanel['days'] {
  return days === 7 ? 30 : 7;
}
