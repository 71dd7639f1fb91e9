import { AppError } from '../../domain/errors.js';
import { noSessionError } from '../../domain/no-session.js';
import { checkSessionId } from '../../domain/session-id.js';
import type { DesktopApp, Session } from '../../domain/session.js';
import { normaliseImage } from '../../domain/normalise-image.js';
import type { CommandContext, CommandHandler } from '../command-context.js';
import { formatAge, formatCores, formatGiB, formatUsage } from '../format.js';
import { sessionJson } from '../json-output.js';
import { lookUpSessions } from '../known-sessions.js';
import { numberOption, UsageError } from '../parse-args.js';
import { renderTable, styled } from '../table.js';
import { LABELS, MESSAGES } from '../text.js';
import { APP_COLUMNS } from '../../export/record-columns.js';

/** The desktop session `id` of the user, or the reason it is not one ("no session", "not a desktop"). */
async function desktop(ctx: CommandContext, id: string): Promise<Session> {
  const { found } = await lookUpSessions(ctx, [id]);
  const session = found.get(id);
  if (!session) throw noSessionError(id);
  if (session.kind !== 'desktop') throw new AppError('VALIDATION_ERROR', MESSAGES.notDesktop(id, session.kind), { field: 'ID' });
  return session;
}

/** The apps of desktop `id` (Skaha lists the user's apps of every desktop). */
async function appsOf(ctx: CommandContext, id: string): Promise<DesktopApp[]> {
  return (await (await ctx.api()).listDesktopApps(id)).filter((app) => app.id === id);
}

/** The `apps` table: APP ID, NAME, IMAGE, STATUS, AGE, CPU, RAM (GiB). */
export function appsTable(apps: readonly DesktopApp[], now: number, ctx: CommandContext): string {
  const { style } = ctx.out;
  const rows = apps.map((a) => [
    styled(a.appId || '-', style.cyan),
    a.name,
    a.image,
    styled(a.status, style.status),
    formatAge(a.startedAt, now),
    formatUsage(a.cpu.used, a.cpu.requested, formatCores),
    formatUsage(a.ramGB.used, a.ramGB.requested, formatGiB),
  ]);
  return renderTable(LABELS.appColumns, rows, { header: style.bold });
}

/** `apps ID [--json]`: the apps running attached to one of the user's desktop sessions. */
export const appsCommand: CommandHandler = async (ctx) => {
  const id = ctx.args.positionals[0];
  await desktop(ctx, id);
  const apps = await appsOf(ctx, id);
  if (ctx.out.format)
    ctx.out.printData(
      apps.map((a) => ({ appId: a.appId, ...sessionJson(a) })),
      APP_COLUMNS,
    );
  else if (apps.length === 0) ctx.out.print(`${MESSAGES.noApps(id)}\n`);
  else ctx.out.printStyled(appsTable(apps, ctx.io.now(), ctx));
  return 0;
};

/** `app launch ID IMAGE [--cores C] [--ram GiB]` or `app delete ID APPID`: attaches an app to a running desktop, or removes one. */
export const appCommand: CommandHandler = async (ctx) => {
  const [action, id, target] = ctx.args.positionals;
  if (action !== 'launch' && action !== 'delete') throw new UsageError(MESSAGES.appAction(action), 'app');
  await desktop(ctx, id);
  const api = await ctx.api();
  if (action === 'launch') {
    const image = normaliseImage(target);
    const appId = await api.launchDesktopApp(id, { image, cores: numberOption(ctx.args, 'cores'), ram: numberOption(ctx.args, 'ram') });
    if (ctx.out.json) ctx.out.printJson({ sessionId: id, appId, image });
    else ctx.out.print(`${MESSAGES.appLaunched(appId, image, id)}\n`);
    return 0;
  }
  checkSessionId(target, 'APPID');
  if (!(await appsOf(ctx, id)).some((a) => a.appId === target)) throw new AppError('SKAHA_NOT_FOUND', MESSAGES.noApp(target, id));
  await api.deleteDesktopApp(id, target);
  if (ctx.out.json) ctx.out.printJson({ sessionId: id, appId: target });
  else ctx.out.print(`${MESSAGES.appDeleted(target, id)}\n`);
  return 0;
};
