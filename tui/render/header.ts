// Pure: the header lines (server, user, daemon and platform health, stale badge, cap, credentials,
// filter and sort) and the banner shown while the daemon is unreachable.

import { isActive, isInteractiveKind } from '../../src/domain/session.js';
import type { CredentialRefresh, DaemonState } from '../../src/state/state.js';
import { storageHeaderPart } from './storage-part.js';
import type { ConnectionStatus } from '../../src/daemon-client/daemon-connection.js';
import { formatDuration, parseTime } from '../../src/cli/format.js';
import { BANNER, COLUMNS, HEADER } from '../text.js';
import { terminalLine } from '../../src/domain/terminal-text.js';
import { fit, textWidth, truncate } from './cells.js';
import { escapeTags, type Colour } from './paint.js';
import type { RenderContext } from './context.js';
import type { TableModel } from './table-rows.js';
import { largestFirst, type ViewState } from '../view-types.js';
import type { OtherConnection } from './other-connection.js';

/** What the header shows. */
export interface HeaderInput {
  state: DaemonState | null;
  connection: ConnectionStatus;
  view: ViewState;
  table: TableModel;
  serverUrl: string | null;
  user: string | null;
  readonly: boolean;
  demo: boolean;
  otherConnection?: OtherConnection | null;
}

const HEALTH_COLOUR: Record<string, Colour> = { ok: 'green', degraded: 'yellow', down: 'red', refused: 'magenta', unknown: 'gray' };

/** Pure: the health words: "credentials refused" (what to do is in the stale line) is not "down". */
function healthWords(state: DaemonState | null): string {
  const health = state?.health;
  if (!health) return 'unknown';
  if (health.state === 'refused') return health.lastError?.code === 'CREDENTIALS_ERROR' ? HEADER.credentialsUnusable : HEADER.credentialsRefused;
  return health.state;
}

/** Pure: the platform load's freshness: "load as of 14:02", or "load unavailable" while the stats fail (Skaha itself answers). */
function loadPart(state: DaemonState | null, ctx: RenderContext): [string, string] {
  const at = state?.lastStatsAt ?? null;
  const when = at === null ? null : ctx.clock(at).slice(0, 5);
  if (state?.health.statsFailing) {
    const text = HEADER.loadUnavailable(when);
    return [ctx.paint.fg('yellow', escapeTags(text)), text];
  }
  const text = when === null ? HEADER.loadNotRead : HEADER.loadAsOf(when);
  return [ctx.paint.fg('gray', escapeTags(text)), text];
}

function joinFit(parts: string[], plainParts: string[], width: number): string {
  // Parts are dropped from the end when the line would be too wide, so the most useful stay.
  let used = 0;
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const w = textWidth(plainParts[i]) + (out.length > 0 ? 2 : 0);
    if (used + w > width) break;
    used += w;
    out.push(parts[i]);
  }
  return out.join('  ');
}

function credentialPart(state: DaemonState | null, ctx: RenderContext): [string, string] {
  const c = state?.credentials;
  const label = `${HEADER.credentials} `;
  if (!c) return [label + '-', label + '-'];
  if (c.kind === 'none') return [label + ctx.paint.fg('red', HEADER.credentialsNone), label + HEADER.credentialsNone];
  if (c.refresh) return loginPart(c.refresh, label, ctx);
  const at = parseTime(c.expiresAt);
  if (at === null) return [label + HEADER.credentialsUnknown, label + HEADER.credentialsUnknown];
  const left = at - ctx.now;
  const expired = c.kind === 'certificate' ? HEADER.certificateExpired : HEADER.credentialsExpired;
  const text = left <= 0 ? expired : HEADER.credentialsExpireIn(formatDuration(left));
  const colour: Colour | null = left <= 3600_000 ? 'red' : left <= 24 * 3600_000 ? 'yellow' : left <= 3 * 24 * 3600_000 ? 'cyan' : null;
  const painted = colour ? ctx.paint.fg(colour, escapeTags(text)) : escapeTags(text);
  return [label + (left <= 0 ? ctx.paint.bold(painted) : painted), label + text];
}

/** A login the daemon refreshes itself: its access token's expiry means nothing to the user, the login's does. */
function loginPart(refresh: CredentialRefresh, label: string, ctx: RenderContext): [string, string] {
  if (refresh.state === 'login-expired') return [label + ctx.paint.bold(ctx.paint.fg('red', HEADER.loginExpired)), label + HEADER.loginExpired];
  const ends = parseTime(refresh.loginExpiresAt);
  const text = ends !== null && ends > ctx.now ? HEADER.loginUntil(formatDuration(ends - ctx.now)) : HEADER.loginRefreshed;
  return [label + escapeTags(text), label + text];
}

/** Pure: the stale badge text, or null when the data is fresh. */
export function staleBadge(state: DaemonState | null, ctx: RenderContext): string | null {
  if (!state || !state.health.stale) return null;
  const h = state.health;
  const since = h.failingSince ?? h.since;
  if (since === null) return HEADER.staleNoPoll;
  if (!h.lastError) return HEADER.staleNoError(ctx.clock(since));
  const auth = ['SKAHA_UNAUTHORIZED', 'SKAHA_FORBIDDEN', 'CREDENTIALS_ERROR'].includes(h.lastError.code);
  // An auth failure needs the user: say what to do before the (long) server message.
  return HEADER.staleSince(
    ctx.clock(since),
    terminalLine(h.lastError.code),
    `${auth ? `${HEADER.authHint} ${ctx.glyphs.dash} ` : ''}${terminalLine(h.lastError.message)}`,
  );
}

function statusLine(input: HeaderInput, width: number, ctx: RenderContext): string {
  const { state, connection } = input;
  const { paint, glyphs } = ctx;
  const daemonText = connection.state === 'connected' ? HEADER.connected : connection.state === 'connecting' ? HEADER.connecting : HEADER.disconnected;
  const daemonColour: Colour = connection.state === 'connected' ? 'green' : connection.state === 'connecting' ? 'yellow' : 'red';
  const health = state?.health.state ?? 'unknown';
  const healthText = healthWords(state);
  const [load, loadPlain] = loadPart(state, ctx);
  const sessions = Object.values(state?.sessions ?? {});
  const interactive = sessions.filter((s) => isActive(s) && isInteractiveKind(s.kind)).length;
  const max = state?.context?.maxInteractiveSessions ?? null;
  const cap = `${interactive}/${max ?? '?'}`;
  const [cred, credPlain] = credentialPart(state, ctx);
  const storage = storageHeaderPart(state?.storage ?? null, ctx);
  const parts = [
    `${HEADER.daemon} ${paint.fg(daemonColour, glyphs.dot)} ${daemonText}`,
    `${HEADER.platform} ${paint.fg(HEALTH_COLOUR[health] ?? 'gray', glyphs.dot)} ${escapeTags(healthText)}`,
    load,
    `${HEADER.interactive} ${max !== null && interactive >= max ? paint.fg('red', cap) : cap}`,
    cred,
    ...(storage ? [storage[0]] : []),
  ];
  const plain = [
    `${HEADER.daemon} * ${daemonText}`,
    `${HEADER.platform} * ${healthText}`,
    loadPlain,
    `${HEADER.interactive} ${cap}`,
    credPlain,
    ...(storage ? [storage[1]] : []),
  ];
  return joinFit(parts, plain, width);
}

function viewLine(input: HeaderInput, width: number, ctx: RenderContext): string {
  const { view, table } = input;
  const arrow = largestFirst(view.sort) ? ctx.glyphs.down : ctx.glyphs.up;
  const plain = [
    `${HEADER.filter} ${view.filter ? `/${terminalLine(view.filter)}/` : '-'}`,
    `${HEADER.sort} ${COLUMNS[view.sort.column]} ${arrow}`,
    view.showAll ? HEADER.showingAll : HEADER.showingActive,
    HEADER.sessionsCount(table.shown, table.total),
    ...(view.marks.length > 0 ? [HEADER.marked(view.marks.length, view.marks.filter((id) => !table.visible.has(id)).length)] : []),
  ];
  if (table.filterError) plain[0] += ` ${HEADER.plainText}`;
  const parts = plain.map((p, i) =>
    i === 0 && view.filter ? ctx.paint.fg(table.filterError ? 'yellow' : 'cyan', escapeTags(p)) : i === 4 ? ctx.paint.fg('cyan', p) : escapeTags(p),
  );
  return joinFit(parts, plain, width);
}

/** Pure: the header's tagged lines for `width` columns. */
export function headerLines(input: HeaderInput, width: number, ctx: RenderContext): string[] {
  const { paint } = ctx;
  const badges = [
    input.demo ? paint.inverse(paint.fg('magenta', HEADER.demo)) : '',
    input.readonly ? paint.inverse(paint.fg('yellow', HEADER.readonly)) : '',
  ].filter(Boolean);
  const badgeWidth = (input.demo ? textWidth(HEADER.demo) + 1 : 0) + (input.readonly ? textWidth(HEADER.readonly) + 1 : 0);
  const server = input.serverUrl ?? HEADER.unknownServer;
  const first = `${HEADER.app}  ${HEADER.server} ${terminalLine(server)}  ${HEADER.user} ${terminalLine(input.user ?? '-')}`;
  const lines = [paint.bold(escapeTags(truncate(first, Math.max(0, width - badgeWidth), ctx.glyphs.ellipsis))) + (badges.length ? ' ' + badges.join(' ') : '')];
  lines.push(statusLine(input, width, ctx));
  const other = input.otherConnection;
  if (other)
    lines.push(
      paint.bold(
        paint.fg('red', escapeTags(truncate(terminalLine(HEADER.otherConnection(other.difference.daemon, other.difference.mine)), width, ctx.glyphs.ellipsis))),
      ),
    );
  const stale = staleBadge(input.state, ctx);
  if (stale) lines.push(paint.fg(input.state?.health.state === 'down' ? 'red' : 'yellow', escapeTags(truncate(stale, width, ctx.glyphs.ellipsis))));
  lines.push(viewLine(input, width, ctx));
  return lines;
}

/** Pure: the one-line banner while the daemon is unreachable (null while connected). */
export function bannerLine(connection: ConnectionStatus, width: number, ctx: RenderContext): string | null {
  if (connection.state === 'connected') return null;
  if (connection.state === 'connecting' && connection.attempt === 0) return ctx.paint.fg('yellow', escapeTags(fit(` ${BANNER.connecting}`, width)));
  const inSeconds = connection.nextRetryAt === null ? null : Math.max(0, Math.ceil((connection.nextRetryAt - ctx.now) / 1000));
  const error = connection.lastError
    ? ` ${ctx.glyphs.dash} ${BANNER.error(terminalLine(connection.lastError.code), terminalLine(connection.lastError.message))}`
    : '';
  const text = ` ${BANNER.unreachable} (${BANNER.attempt(connection.attempt, inSeconds)}) ${ctx.glyphs.dash} ${BANNER.lastData}${error}`;
  return ctx.paint.inverse(ctx.paint.fg('red', escapeTags(fit(text, width, 'left', ctx.glyphs.ellipsis))));
}
