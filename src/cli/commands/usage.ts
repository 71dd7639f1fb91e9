import type { CommandHandler } from '../command-context.js';
import { flagOption, stringOption, UsageError } from '../parse-args.js';
import { parseSince } from '../usage-since.js';
import { USAGE_TEXT } from '../usage-text.js';
import { usageCsv, usageJson, usageView, type UsageBy } from '../views/usage-views.js';

/**
 * `usage [--since 7d|DATE] [--by kind|day|session] [--json|--csv]`: core-hours and GiB-hours requested
 * and used, and GPU-hours, from the daemon's 30 days of accounting (the daemon is started if needed).
 */
export const usageCommand: CommandHandler = async (ctx) => {
  const { args, out, io } = ctx;
  if (args.global['no-daemon']) throw new UsageError(USAGE_TEXT.needsDaemon, 'usage');
  const csv = flagOption(args, 'csv');
  if (csv && out.json) throw new UsageError(USAGE_TEXT.jsonAndCsv, 'usage');
  const now = io.now();
  const since = parseSince(stringOption(args, 'since') ?? '7d', now);
  const by = (stringOption(args, 'by') ?? 'kind') as UsageBy;
  const conn = await ctx.startDaemon();
  const report = await conn.request('usage', { since, until: now });
  if (out.json) out.printJson(usageJson(report, by));
  else if (csv) out.print(usageCsv(report, by));
  else out.printStyled(usageView(report, by, out.style));
  return 0;
};
