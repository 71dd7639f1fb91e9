import { AppError } from '../../src/domain/errors.js';
import { checkSessionId } from '../../src/domain/session-id.js';
import type { HandlerContext, Handler } from './handler-context.js';
import { requireKnownSession } from './known-session.js';

/** Throws unless `sessionId` is one of the user's desktop sessions (apps attach to desktops only, §2.10). */
async function requireDesktop(ctx: HandlerContext, sessionId: string): Promise<void> {
  await requireKnownSession(ctx, sessionId);
  const session = ctx.state().sessions[sessionId];
  if (session.kind !== 'desktop') {
    throw new AppError('VALIDATION_ERROR', `session ${sessionId} is a ${session.kind} session: apps run attached to a desktop session`, { field: 'sessionId' });
  }
}

/** `apps`: the desktop's apps (Skaha lists the user's apps of every desktop; only this one's are kept). */
export const handleApps: Handler<'apps'> = async (params, ctx) => {
  await requireDesktop(ctx, params.sessionId);
  return (await ctx.api().listDesktopApps(params.sessionId)).filter((app) => app.id === params.sessionId);
};

/** `apps.launch`: attaches an app (a desktop-app image) to a running desktop. */
export const handleAppsLaunch: Handler<'apps.launch'> = async (params, ctx, client) => {
  await requireDesktop(ctx, params.sessionId);
  ctx.logger.info('app launch requested', { session: params.sessionId, image: params.image, client: client.name });
  const appId = await ctx.api().launchDesktopApp(params.sessionId, { image: params.image, cores: params.cores, ram: params.ram });
  return { sessionId: params.sessionId, appId };
};

/** `apps.delete`: removes one of the desktop's apps ("no app" when the desktop has no app of that id). */
export const handleAppsDelete: Handler<'apps.delete'> = async (params, ctx, client) => {
  await requireDesktop(ctx, params.sessionId);
  checkSessionId(params.appId, 'appId');
  const apps = await ctx.api().listDesktopApps(params.sessionId);
  if (!apps.some((app) => app.id === params.sessionId && app.appId === params.appId)) {
    throw new AppError('SKAHA_NOT_FOUND', `no app ${params.appId} on desktop ${params.sessionId}: skaha-tui apps ${params.sessionId} lists them`);
  }
  ctx.logger.info('app delete requested', { session: params.sessionId, appId: params.appId, client: client.name });
  await ctx.api().deleteDesktopApp(params.sessionId, params.appId);
  return { sessionId: params.sessionId, appId: params.appId };
};
