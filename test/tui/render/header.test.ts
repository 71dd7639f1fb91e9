import { describe, expect, it } from 'vitest';
import { bannerLine, headerLines, staleBadge, type HeaderInput } from '../../../tui/render/header.js';
import { renderContext } from '../../../tui/render/context.js';
import { createPaint, stripTags } from '../../../tui/render/paint.js';
import { utcClock } from '../../../tui/render/cells.js';
import { buildTable } from '../../../tui/render/table-rows.js';
import { initialView } from '../../../tui/view-state.js';
import type { ConnectionStatus } from '../../../src/daemon-client/daemon-connection.js';
import type { DaemonState } from '../../../src/state/state.js';
import { makeSession, minutesFromT0, T0 } from '../../helpers/builders.js';
import { demoSessions, stateWith } from '../helpers/states.js';

const ctx = renderContext({ now: T0, clock: utcClock });
const connected: ConnectionStatus = { state: 'connected', since: T0, attempt: 0, lastError: null, nextRetryAt: null };

function header(state: DaemonState | null, over: Partial<HeaderInput> = {}, width = 160) {
  const view = over.view ?? initialView();
  const input: HeaderInput = {
    state,
    connection: connected,
    view,
    table: buildTable(state, view),
    serverUrl: 'https://ws-uv.canfar.net/skaha',
    user: 'alice',
    readonly: false,
    demo: false,
    ...over,
  };
  return headerLines(input, width, ctx);
}

describe('header', () => {
  it('names server and user, daemon and platform health, interactive n/max, credential expiry, filter and sort', () => {
    const lines = header(stateWith(demoSessions()), { view: { ...initialView(), filter: 'nb' } }).map(stripTags);
    expect(lines[0]).toContain('server https://ws-uv.canfar.net/skaha  user alice');
    expect(lines[1]).toMatch(/daemon ● connected\s+platform ● ok\s+load as of \d\d:\d\d\s+interactive 3\/5\s+credentials expire in 3d 1h/);
    expect(lines[2]).toMatch(/filter \/nb\/\s+sort AGE ↑\s+active only \(a: all\)\s+1 of 6 sessions/);
  });

  it('counts one session as "1 session"', () => {
    expect(stripTags(header(stateWith([demoSessions()[0]]))[2])).toMatch(/active only \(a: all\)\s+1 session$/);
  });

  it('says when the filter is not a valid regex (it is then matched as text)', () => {
    const line = stripTags(header(stateWith(demoSessions()), { view: { ...initialView(), filter: 'nb(' } })[2]);
    expect(line).toContain('filter /nb(/ (not a regex: matched as text)');
  });

  it('shows the DEMO and READ-ONLY badges', () => {
    const line = stripTags(header(stateWith([]), { demo: true, readonly: true })[0]);
    expect(line).toContain(' DEMO ');
    expect(line).toContain(' READ-ONLY ');
  });

  it('flags the interactive cap in red when reached', () => {
    const full = Array.from({ length: 5 }, (_, i) => makeSession({ id: `s${i}` }));
    expect(header(stateWith(full))[1]).toContain('interactive {red-fg}5/5{/red-fg}');
  });

  it('colours the credential expiry as it nears and says when it has expired', () => {
    const at = (minutes: number) => header(stateWith([], { credentials: { kind: 'token', source: 'env', expiresAt: minutesFromT0(minutes) } }))[1];
    expect(at(5 * 24 * 60)).not.toMatch(/\{(red|yellow|cyan)-fg\}expire/);
    expect(at(2 * 24 * 60)).toContain('{cyan-fg}expire in 2d{/cyan-fg}');
    expect(at(20 * 60)).toContain('{yellow-fg}expire in 20h{/yellow-fg}');
    expect(at(30)).toContain('{red-fg}expire in 30m{/red-fg}');
    expect(stripTags(at(-1))).toContain('credentials EXPIRED');
    expect(stripTags(header(stateWith([], { credentials: { kind: 'none', source: 'default', expiresAt: null } }))[1])).toContain('credentials none configured');
  });

  it('says how to renew an expired certificate, and shows a self-refreshing login by its state, not its short-lived token', () => {
    const cert = stateWith([], { credentials: { kind: 'certificate', source: 'default', expiresAt: minutesFromT0(-1), path: '/h/.ssl/cadcproxy.pem' } });
    expect(stripTags(header(cert)[1])).toContain('credentials EXPIRED — run cadc-get-cert -u <user> or canfar login');
    const login = (state: 'active' | 'login-expired', loginExpiresAt: string | null) =>
      header(stateWith([], { credentials: { kind: 'token', source: 'canfar-config', expiresAt: minutesFromT0(2), refresh: { state, loginExpiresAt } } }))[1];
    expect(stripTags(login('active', null))).toContain('credentials refreshed automatically');
    expect(login('active', null)).not.toContain('red-fg');
    expect(stripTags(login('active', minutesFromT0(3 * 24 * 60)))).toContain('credentials refreshed automatically, login ends in 3d');
    expect(login('login-expired', null)).toContain('{red-fg}login EXPIRED — run canfar login{/red-fg}');
  });

  it('shows the stale badge with the time, the error code and message', () => {
    const stale = stateWith(demoSessions(), {
      health: {
        state: 'degraded',
        since: Date.parse('2026-11-22T14:02:11Z'),
        failingSince: Date.parse('2026-11-22T14:02:11Z'),
        stale: true,
        lastError: { code: 'SKAHA_UNAVAILABLE', message: 'GET https://ws-uv.canfar.net/skaha/v1/session: 503 Service Unavailable' },
        lastSuccessAt: T0,
        statsFailing: false,
      },
    });
    const lines = header(stale).map(stripTags);
    expect(lines[2]).toBe('stale since 14:02:11 — SKAHA_UNAVAILABLE: GET https://ws-uv.canfar.net/skaha/v1/session: 503 Service Unavailable');
    expect(lines[1]).toContain('platform ● degraded');
    expect(lines[3]).toContain('sort AGE');
  });

  it('tells the user to renew credentials when the platform refused them', () => {
    const base = stateWith([]);
    const refused = {
      ...base,
      health: {
        ...base.health,
        stale: true,
        since: T0,
        failingSince: T0,
        lastError: { code: 'SKAHA_UNAUTHORIZED' as const, message: 'GET https://x/session: 401' },
      },
    };
    expect(staleBadge(refused, ctx)).toBe(
      'stale since 12:00:00 — SKAHA_UNAUTHORIZED: Skaha refuses your credentials (CANFAR itself answers): run canfar login or cadc-get-cert, then press R — GET https://x/session: 401',
    );
  });

  it('says stale before the first poll, and nothing when fresh', () => {
    const fresh = stateWith([]);
    expect(staleBadge(fresh, ctx)).toBeNull();
    expect(staleBadge({ ...fresh, health: { ...fresh.health, stale: true, since: null, failingSince: null } }, ctx)).toBe('stale — waiting for the first poll');
  });

  it('fits the width, dropping the least useful parts first', () => {
    for (const line of header(stateWith(demoSessions()), {}, 50).map(stripTags)) expect([...line].length).toBeLessThanOrEqual(50);
  });

  it('renders with no state at all (daemon not reached yet)', () => {
    const lines = header(null, { connection: { ...connected, state: 'connecting' }, serverUrl: null, user: null }).map(stripTags);
    expect(lines[0]).toContain('(server unknown)');
    expect(lines[1]).toContain('daemon ● connecting…');
    expect(lines[1]).toContain('interactive 0/?');
  });
});

describe('banner', () => {
  it('is absent while connected', () => {
    expect(bannerLine(connected, 100, ctx)).toBeNull();
  });

  it('says the daemon is unreachable, the attempt and the next retry, and that the data is the last seen', () => {
    const line = bannerLine(
      { state: 'disconnected', since: T0, attempt: 3, lastError: { code: 'DAEMON_UNAVAILABLE', message: 'x' }, nextRetryAt: T0 + 4000 },
      140,
      ctx,
    )!;
    expect(stripTags(line)).toMatch(/^ daemon unreachable — retrying \(attempt 3, next in 4s\) — the data below is the last the daemon sent/);
    expect(line).toContain('{red-fg}');
  });

  it('adds the last connection error (e.g. why the daemon did not start)', () => {
    const line = bannerLine(
      {
        state: 'disconnected',
        since: T0,
        attempt: 1,
        lastError: { code: 'DAEMON_UNAVAILABLE', message: 'the daemon exited at once: see ~/.local/state/skaha-tui/daemon.log' },
        nextRetryAt: null,
      },
      300,
      ctx,
    )!;
    expect(stripTags(line).trimEnd()).toMatch(
      /last the daemon sent — DAEMON_UNAVAILABLE: the daemon exited at once: see ~\/\.local\/state\/skaha-tui\/daemon\.log$/,
    );
  });

  it('says connecting on the first attempt', () => {
    expect(stripTags(bannerLine({ state: 'connecting', since: T0, attempt: 0, lastError: null, nextRetryAt: null }, 60, ctx)!)).toContain(
      'connecting to the daemon',
    );
  });

  it('keeps the text without colour', () => {
    const line = bannerLine(
      { state: 'disconnected', since: T0, attempt: 1, lastError: null, nextRetryAt: null },
      80,
      renderContext({ now: T0, paint: createPaint(false) }),
    )!;
    expect(line).not.toContain('-fg}');
    expect(stripTags(line)).toContain('daemon unreachable — retrying');
  });
});
