// Pure: the apps of the selected desktop in the details pane (§2.10), with the keys that act on them.

import type { DesktopApp, Session } from '../../src/domain/session.js';
import { formatAge } from '../../src/cli/format.js';
import { APPS, EMPTY } from '../text.js';
import { escapeTags, tagSafe } from './paint.js';
import { statusColour, type RenderContext } from './context.js';

/** The apps read for one desktop (null list while loading). */
export interface AppsView {
  sessionId: string;
  apps: readonly DesktopApp[] | null;
  error: string | null;
}

/** Pure: the apps section for a desktop session (nothing for other kinds). */
export function appsLines(s: Session, view: AppsView | null, readonly: boolean, ctx: RenderContext): string[] {
  if (s.kind !== 'desktop') return [];
  const { paint } = ctx;
  const lines = [paint.bold(escapeTags(readonly ? APPS.titleReadonly : APPS.title))];
  const mine = view && view.sessionId === s.id ? view : null;
  if (!mine || mine.apps === null) return [...lines, paint.fg('gray', EMPTY.appsLoading)];
  if (mine.error) return [...lines, paint.fg('red', tagSafe(mine.error))];
  if (mine.apps.length === 0) return [...lines, paint.fg('gray', s.status === 'Running' && !readonly ? EMPTY.appsNoneLaunch : EMPTY.appsNone)];
  for (const app of mine.apps) {
    const colour = statusColour(app.status);
    const status = colour ? paint.fg(colour, tagSafe(app.status)) : tagSafe(app.status);
    lines.push(
      `  ${paint.fg('cyan', tagSafe(app.appId || '-'))} ${tagSafe(app.name)} ${status} ${escapeTags(formatAge(app.startedAt, ctx.now))} ${paint.fg('gray', tagSafe(app.image))}`,
    );
  }
  return lines;
}
