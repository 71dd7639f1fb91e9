// Pure: the usage dialog: totals, then a bar per kind and per day (core-hours requested, the used part
// brighter), with GiB-hours and GPU-hours beside each, and how it was counted.

import type { Amounts } from '../../src/state/account-hours.js';
import { usageByDay, usageByKind, type UsageRow } from '../../src/state/usage-groups.js';
import type { UsageReport } from '../../src/state/usage-report.js';
import { terminalLine } from '../../src/domain/terminal-text.js';
import { cpuShare, formatHours } from '../../src/cli/views/usage-views.js';
import { USAGE_VIEW } from '../text.js';
import type { UsagePanel } from '../usage-panel.js';
import { fit } from './cells.js';
import { escapeTags } from './paint.js';
import { wrapWords } from './wrap-words.js';
import type { RenderContext } from './context.js';

const hours = formatHours;

/** Pure: a bar of `width` cells for `asked` of `max`, the `used` part first and brighter. */
function bar(used: number, asked: number, max: number, width: number, ctx: RenderContext): string {
  const { glyphs, paint } = ctx;
  const total = max > 0 ? Math.round((asked / max) * width) : 0;
  const usedCells = Math.min(total, max > 0 ? Math.round((used / max) * width) : 0);
  const shown = asked > 0 ? Math.max(1, total) : 0;
  return (
    paint.fg('green', glyphs.barFull.repeat(usedCells)) +
    paint.fg('cyan', glyphs.barFull.repeat(Math.max(0, shown - usedCells))) +
    paint.fg('gray', glyphs.barEmpty.repeat(width - Math.max(shown, usedCells)))
  );
}

function figures(a: Amounts): string {
  const used = cpuShare(a);
  const share = used === null ? '' : ` (${used})`;
  return USAGE_VIEW.figures(hours(a.coreHoursRequested), hours(a.coreHoursUsed), share, hours(a.gibHoursRequested), hours(a.gpuHours));
}

function section(title: string, rows: UsageRow[], width: number, ctx: RenderContext): string[] {
  const labelWidth = Math.min(12, Math.max(5, ...rows.map((r) => r.key.length)));
  const barWidth = Math.max(8, Math.min(30, width - labelWidth - 44));
  const max = Math.max(0, ...rows.map((r) => r.amounts.coreHoursRequested));
  const lines = ['', ctx.paint.underline(escapeTags(title))];
  for (const row of rows) {
    const label = escapeTags(fit(terminalLine(row.key), labelWidth, 'left', ctx.glyphs.ellipsis));
    const text = escapeTags(fit(figures(row.amounts), Math.max(0, width - labelWidth - barWidth - 2), 'left', ctx.glyphs.ellipsis));
    lines.push(`${label} ${bar(row.amounts.coreHoursUsed, row.amounts.coreHoursRequested, max, barWidth, ctx)} ${text}`);
  }
  return lines;
}

/** Pure: the dialog's lines for `width` columns. */
export function usageLines(panel: UsagePanel, width: number, ctx: RenderContext): string[] {
  const { paint } = ctx;
  const keys = paint.fg('gray', escapeTags(USAGE_VIEW.keys(panel.days)));
  if (panel.error !== null) return [paint.fg('red', escapeTags(USAGE_VIEW.failed(terminalLine(panel.error)))), '', keys];
  const report: UsageReport | null = panel.report;
  if (!report) return [escapeTags(USAGE_VIEW.loading), '', keys];
  const lines = [paint.bold(escapeTags(USAGE_VIEW.total(report.sessions.length, figures(report.total))))];
  lines.push(escapeTags(USAGE_VIEW.legend));
  if (report.sessions.length === 0) lines.push('', escapeTags(USAGE_VIEW.nothing));
  else {
    lines.push(...section(USAGE_VIEW.byKind, usageByKind(report), width, ctx));
    lines.push(...section(USAGE_VIEW.byDay, usageByDay(report), width, ctx));
  }
  lines.push('', ...wrapWords(USAGE_VIEW.method, width).map((l) => paint.fg('gray', escapeTags(l))), '', keys);
  return lines;
}
