import type { CommandHandler } from '../command-context.js';
import { stringOption, UsageError } from '../parse-args.js';
import { parseSince } from '../usage-since.js';
import { USAGE_TEXT } from '../usage-text.js';
import { usageColumns, usageJson, usageRecords, usageView, type UsageBy } from '../views/usage-views.js';

/**
 * `usage [--since 7d|DATE] [--by kind|day|session] [--json|--yaml|--csv]`: core-hours and GiB-hours requested
 * and used, and GPU-hours, from the daemon's 30 days of accounting (the daemon is started if needed).
 */
export const usageCommand: CommandHandler = async (ctx) => {
  const { args, out, io } = ctx;
  if (args.global['no-daemon']) throw new UsageError(USAGE_TEXT.needsDaemon, 'usage');
  const now = io.now();
  const since = parseSince(stringOption(args, 'since') ?? '7d', now);
  const by = (stringOption(args, 'by') ?? 'kind') as UsageBy;
  const conn = await ctx.startDaemon();
  const report = await conn.request('usage', { since, until: now });
  // CSV holds the rows (a column sums cleanly); JSON and YAML the whole report with its window and total.
  if (out.format === 'csv') out.printData(usageRecords(report, by), usageColumns(by));
  else if (out.format) out.printData(usageJson(report, by), []);
  else out.printStyled(usageView(report, by, out.style));
  return 0;
};
