// Pure: the details pane for the selected row (a session, or a replica group), and the events list.

import { isActive, type Session } from '../../src/domain/session.js';
import type { SessionEvent } from '../../src/domain/platform.js';
import { formatAge, formatCores, formatGiB, formatTimeLeft, formatTimestamp } from '../../src/cli/format.js';
import type { SessionInsight, WaitRecord } from '../../src/state/insight.js';
import { answerLines } from './answer-lines.js';
import { appsLines, type AppsView } from './apps-lines.js';
import { ANSWERS, DETAILS, EMPTY } from '../text.js';
import { terminalLine } from '../../src/domain/terminal-text.js';
import { truncate } from './cells.js';
import { escapeTags, tagSafe } from './paint.js';
import { statusColour, type RenderContext } from './context.js';
import type { TableRow } from './table-rows.js';

/** Events fetched for one session (null list while loading). */
export interface EventsView {
  sessionId: string;
  events: readonly SessionEvent[] | null;
  error: string | null;
  /** True when the events view answered 404 for a listed session: it has no pod (queued, or the pod is gone). */
  noPod?: boolean;
}

const label = (text: string) => `${text.padEnd(9)} `;

function eventLine(e: SessionEvent): string {
  const when = e.lastTime ?? e.firstTime;
  return terminalLine(`${when ? when.slice(11, 19) : '--:--:--'} ${e.type} ${e.reason}: ${e.message}`);
}

/** Pure: the events as plain lines, newest last, or a loading/none/error line. */
export function eventLines(events: EventsView | null, ctx: RenderContext): string[] {
  if (!events || events.events === null) return [ctx.paint.fg('gray', EMPTY.eventsLoading)];
  if (events.noPod) return [ctx.paint.fg('gray', EMPTY.eventsNoPod)];
  if (events.error) return [ctx.paint.fg('red', tagSafe(events.error))];
  if (events.events.length === 0) return [ctx.paint.fg('gray', EMPTY.eventsNone)];
  return events.events.map((e) => {
    const line = escapeTags(eventLine(e));
    return e.type === 'Warning' ? ctx.paint.fg('yellow', line) : line;
  });
}

/** What the details pane shows besides the row: events, answers, apps. */
export interface DetailsOptions {
  mode: 'details' | 'events';
  events: EventsView | null;
  armed: boolean;
  top: number;
  width: number;
  height: number;
  insights?: Readonly<Record<string, SessionInsight>>;
  waits?: readonly WaitRecord[];
  apps?: AppsView | null;
  readonly?: boolean;
}

function sessionLines(s: Session, o: DetailsOptions, ghost: boolean, ctx: RenderContext): string[] {
  const { paint } = ctx;
  const { events, armed } = o;
  const insight = o.insights && Object.hasOwn(o.insights, s.id) ? o.insights[s.id] : undefined;
  const colour = statusColour(s.status);
  const status = colour ? paint.fg(colour, tagSafe(s.status)) : tagSafe(s.status);
  const lines = [`${paint.bold(tagSafe(s.name))} (${tagSafe(s.id)}) ${tagSafe(s.kind)} ${status}${ghost ? ' ' + DETAILS.removed : ''}`];
  if (armed) lines.push(paint.fg('cyan', DETAILS.openArmed));
  // Why it waits or failed matters most, so it comes first.
  const answers = answerLines(s, insight, o.waits ?? [], o.width, ctx);
  lines.push(...answers);
  // A desktop's apps come early: the pane is short.
  lines.push(...appsLines(s, o.apps ?? null, o.readonly ?? false, ctx));
  if (s.status === 'Pending') {
    lines.push(answers.length > 0 ? paint.fg('gray', ANSWERS.latestEvents) : paint.fg('yellow', DETAILS.pendingWhy));
    lines.push(...eventLines(events && events.sessionId === s.id ? events : null, ctx).slice(-3));
  }
  lines.push(label(DETAILS.url) + tagSafe(s.url ?? DETAILS.noUrl));
  lines.push(label(DETAILS.image) + tagSafe(s.image));
  const age = formatAge(s.startedAt, ctx.now);
  lines.push(label(DETAILS.started) + escapeTags(s.startedAt ? `${formatTimestamp(s.startedAt)} (${DETAILS.ago(age)})` : '-'));
  const left = formatTimeLeft(s.expiresAt, ctx.now);
  lines.push(label(DETAILS.expires) + escapeTags(s.expiresAt ? `${formatTimestamp(s.expiresAt)} (${left === 'expired' ? left : DETAILS.inTime(left)})` : '-'));
  const mode = s.fixed === null ? '' : ` (${s.fixed ? DETAILS.fixed : DETAILS.flexible})`;
  lines.push(label(DETAILS.cpu) + `${formatCores(s.cpu.used)} ${DETAILS.used} / ${formatCores(s.cpu.requested)} ${DETAILS.requested}${mode}`);
  lines.push(label(DETAILS.ram) + `${formatGiB(s.ramGB.used)} ${DETAILS.used} / ${formatGiB(s.ramGB.requested)} ${DETAILS.requested} GiB`);
  if (s.gpus.requested) lines.push(label(DETAILS.gpus) + String(s.gpus.requested));
  return lines;
}

function groupLines(row: Extract<TableRow, { type: 'group' }>, ctx: RenderContext): string[] {
  const lines = [ctx.paint.bold(escapeTags(DETAILS.group(terminalLine(row.group.base), row.group.total)))];
  const counts = Object.entries(row.group.countsByStatus).map(([status, n]) => `${n} ${status}`);
  lines.push(tagSafe(counts.join(', ')));
  lines.push(DETAILS.members);
  for (const s of row.members) {
    const colour = statusColour(s.status);
    const status = colour ? ctx.paint.fg(colour, tagSafe(s.status)) : tagSafe(s.status);
    lines.push(`  ${tagSafe(s.id)} ${tagSafe(s.name)} ${status} ${isActive(s) ? formatAge(s.startedAt, ctx.now) : ''}`.trimEnd());
  }
  return lines;
}

/** Pure: the details pane lines for a row (or the hint when nothing is selected), scrolled by `top`. */
export function detailsLines(row: TableRow | null, options: DetailsOptions, ctx: RenderContext): string[] {
  let lines: string[];
  if (!row) lines = [ctx.paint.fg('gray', EMPTY.noSelection)];
  else if (options.mode === 'events' && row.type === 'session')
    lines = eventLines(options.events && options.events.sessionId === row.session.id ? options.events : null, ctx);
  else if (row.type === 'group') lines = groupLines(row, ctx);
  else lines = sessionLines(row.session, options, row.ghost, ctx);
  const top = Math.max(0, Math.min(options.top, lines.length - options.height));
  // Lines hold tags, so cutting to width is left to the widget (no wrap); plain pieces were kept short.
  return lines.slice(top, top + options.height).map((l) => (l.includes('{') ? l : truncate(l, options.width, ctx.glyphs.ellipsis)));
}
