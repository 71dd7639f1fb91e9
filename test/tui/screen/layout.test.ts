import { describe, expect, it } from 'vitest';
import { FakeConnection } from '../helpers/fake-connection.js';
import { useHeadlessDashboard } from '../helpers/headless-harness.js';
import { demoSessions, stateWith } from '../helpers/states.js';
import { makeSession, minutesFromT0, T0 } from '../../helpers/builders.js';

const start = useHeadlessDashboard();

describe('dashboard layout (headless blessed screen)', () => {
  it('draws the header, the sessions table, the resources charts, details, the log pane and the footer', async () => {
    const { h } = await start();
    const text = h.text();
    const lines = h.lines();
    expect(lines[0]).toMatch(/^skaha-tui {2}server https:\/\/ws-uv\.canfar\.net\/skaha {2}user alice/);
    expect(lines[1]).toMatch(/daemon ● connected\s+platform ● ok\s+load as of \d\d:\d\d\s+interactive 3\/5\s+credentials expire in 3d 1h/);
    expect(text).toMatch(/┌─+ Sessions ─+┐/);
    expect(text).toMatch(/│\s+ID\s+NAME\s+KIND\s+STATUS\s+AGE ↑\s+EXPIRES\s+CPU\s+RAM GiB\s+IMAGE/);
    expect(text).toMatch(/nb000001 nb-main\s+notebook\s+Running\s+1h\s+3d 23h\s+0\.25\/2\s+1\.1\/8 skaha\/astroml:latest/);
    expect(text).toMatch(/▸ 3x\s+fit\s+headless\s+\[━━━───────\] 1\/3 done/);
    expect(text).toMatch(/┌─+ Resources ─+┐/);
    expect(text).toMatch(/Platform CPU {2}80% 800\/1000 cores +│ desk CPU - cores/);
    expect(text).toMatch(/RAM {2}33% 2421\/7451 GiB +│ \d⡇[\u2800-\u28ff ]+│/);
    expect(text).toMatch(/100⡇/);
    expect(text).toMatch(/┌─+ Details ─+┐/);
    expect(text).toContain("Press l to follow the selected session's logs.");
    expect(lines.at(-1)).toMatch(/^Enter details\s+l logs\s+e events\s+n launch/);
  });

  it('selects the first row and shows its details; the selection moves with j/k', async () => {
    const { h } = await start();
    expect(h.text()).toContain('desk (dt000002) desktop Pending');
    await h.keys('j');
    expect(h.text()).toContain('carta-soon (cr000006) carta Running');
    expect(h.text()).toMatch(/carta-soon CPU {2}13% 0\.25\/2 cores/);
    await h.keys('k');
    expect(h.text()).toContain('desk (dt000002) desktop Pending');
  });

  it('shows the help overlay on ? and closes it with Esc', async () => {
    const { h } = await start();
    await h.keys('?');
    expect(h.text()).toMatch(/┌─+ Keys ─+┐/);
    expect(h.text()).toMatch(/d\/Ctrl-D\s+delete \(asks first, listing what will go\)/);
    await h.keys('escape');
    expect(h.text()).not.toContain('─ Keys ─');
  });

  it('shows the launch form with the equivalent command', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    connection.on('images', () => [{ id: 'images.canfar.net/skaha/astroml:latest', types: ['notebook'], digest: null }]);
    const { h } = await start(connection);
    await h.keys('n');
    const text = h.text();
    expect(text).toMatch(/┌─+ Launch a session ─+┐/);
    expect(text).toMatch(/Kind\s+< notebook >/);
    expect(text).toMatch(/Name\s+notebook1/);
    expect(text).toMatch(/Resources\s+flexible \(default\)/);
    expect(text).toContain('skaha-tui launch notebook IMAGE --name notebook1');
    expect(connection.methods()).toContain('images');
  });

  it('shows the delete confirmation listing what will go', async () => {
    const { h } = await start();
    await h.keys('j', 'd');
    const text = h.text();
    expect(text).toContain('Delete 1 session? This cannot be undone.');
    expect(text).toMatch(/cr000006\s+carta-soon\s+carta\s+Running/);
    expect(text).toContain('skaha-tui delete cr000006');
  });

  it('read-only: shows the badge and the disabled keys, and refuses to delete', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    const { h } = await start(connection, { readonly: true });
    expect(h.lines()[0]).toMatch(/ READ-ONLY$/);
    expect(h.lines().at(-1)).toContain('d delete(ro)');
    await h.keys('d');
    expect(h.text()).not.toContain('This cannot be undone');
    expect(h.lines().at(-1)).toContain('read-only: delete is disabled');
    await h.keys('n');
    expect(h.text()).not.toContain('Launch a session');
    expect(connection.methods()).not.toContain('delete');
  });

  it('daemon gone: banner, last data stays; back: banner gone, data resynced', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    const { h } = await start(connection);
    connection.pushStatus({ state: 'disconnected', attempt: 2, nextRetryAt: T0 + 2000, lastError: { code: 'DAEMON_UNAVAILABLE', message: 'socket closed' } });
    await h.settle();
    expect(h.lines()[0]).toMatch(/^ daemon unreachable — retrying \(attempt 2, next in 2s\)/);
    expect(h.text()).toContain('nb000001 nb-main');
    expect(h.lines()[2]).toContain('daemon ● unreachable');
    connection.pushStatus({ state: 'connected', attempt: 0, nextRetryAt: null, lastError: null });
    connection.pushState(stateWith([...demoSessions(), makeSession({ id: 'new00001', name: 'fresh' })]), 'snapshot');
    await h.settle();
    expect(h.lines()[0]).not.toContain('daemon unreachable');
    expect(h.text()).toContain('new00001 fresh');
    expect(h.lines().at(-1)).toContain('daemon back — data resynchronised');
  });

  it('shows "connecting" and synchronising before the first state', async () => {
    const { h } = await start(new FakeConnection(null));
    expect(h.lines()[0]).toContain('connecting to the daemon…');
    expect(h.text()).toContain('Synchronising with the daemon…');
  });

  it('shows the stale badge from the daemon health', async () => {
    const state = stateWith(demoSessions(), {
      health: {
        state: 'down',
        since: T0,
        failingSince: T0 - 120_000,
        stale: true,
        lastError: { code: 'SKAHA_UNAVAILABLE', message: 'GET https://x/session: 503' },
        lastSuccessAt: T0 - 130_000,
        statsFailing: false,
      },
    });
    const { h } = await start(new FakeConnection(state), { env: { TZ: 'UTC' } });
    expect(h.text()).toMatch(/stale since \d\d:\d\d:\d\d — SKAHA_UNAVAILABLE: GET https:\/\/x\/session: 503/);
    expect(h.text()).toContain('platform ● down');
  });

  it('shows a flash and clears it after its time', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    const { h } = await start(connection);
    await h.keys('R');
    expect(h.lines().at(-1)).toBe('refreshed');
    h.clock.advance(4000);
    await h.settle();
    expect(h.lines().at(-1)).toMatch(/^Enter details/);
  });

  it('NO_COLOR: no colour attributes on screen, and the focused pane is marked in its title', async () => {
    const { h } = await start(undefined, { env: { NO_COLOR: '1' } });
    const cells = (h.widgets.screen as unknown as { lines: [number, string][][] }).lines.flat();
    // attr bits 0-8 background, 9-17 foreground: both must stay "default" (0x1ff).
    const coloured = cells.filter(([attr]) => (attr & 0x1ff) !== 0x1ff || ((attr >> 9) & 0x1ff) !== 0x1ff);
    expect(coloured).toHaveLength(0);
    expect(h.text()).toMatch(/┌─+ ▸ Sessions ─/);
  });

  it('ASCII fallbacks when the locale is not UTF-8', async () => {
    const { h } = await start(undefined, { env: { LANG: 'C' } });
    expect(h.text()).toMatch(/Platform CPU\s+\[#+\.+\]\s+80%/);
    expect(h.text()).toMatch(/> 3x\s+fit/);
    expect(h.text().replace(/[┌┐└┘│─]/g, '')).toMatch(/^[\x00-\x7e\n]*$/);
    await h.keys('?');
    expect(h.text().replace(/[┌┐└┘│─]/g, '')).toMatch(/^[\x00-\x7e\n]*$/);
  });

  it('re-lays out on resize', async () => {
    const { h } = await start();
    h.terminal.output.columns = 90;
    h.terminal.output.rows = 30;
    // What blessed does when the terminal reports a new size (it debounces the stream event).
    Object.assign(h.widgets.program, { cols: 90, rows: 30 });
    h.widgets.program.emit('resize');
    await h.settle();
    const lines = h.lines();
    expect(lines).toHaveLength(30);
    expect(lines.every((l) => [...l].length <= 90)).toBe(true);
    expect(h.text()).toMatch(/nb000001 nb-main/);
  });

  it('highlights a row that changed status for a moment', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    const { h } = await start(connection);
    const next = stateWith(demoSessions().map((s) => (s.id === 'dt000002' ? { ...s, status: 'Running', startedAt: minutesFromT0(0) } : s)));
    connection.pushState(next);
    await h.settle();
    expect(h.text()).toMatch(/ ~ dt000002 desk\s+desktop\s+Running/);
    h.clock.advance(3000);
    await h.settle();
    expect(h.text()).toMatch(/ {3}dt000002 desk/);
  });

  it('handles 1,000 sessions: G jumps to the last row and shows it, g back to the first', async () => {
    const sessions = Array.from({ length: 1000 }, (_, i) =>
      makeSession({ id: `s${String(i).padStart(7, '0')}`, name: `job${i}`, startedAt: minutesFromT0(-i - 1) }),
    );
    const { h } = await start(new FakeConnection(stateWith(sessions)));
    expect(h.text()).toMatch(/1000 sessions/);
    await h.keys('G');
    expect(h.dashboard.model().view.selected).toBe('s0000999');
    expect(h.text()).toMatch(/s0000999 job999/);
    await h.keys('pageup', 'g');
    expect(h.text()).toMatch(/s0000000 job0\s/);
  });

  it('sizes the table to its rows (one spare) and gives the rest to the charts, details and logs', async () => {
    const { h } = await start(new FakeConnection(stateWith([makeSession({ id: 'nb000001' }), makeSession({ id: 'nb000002', name: 'second' })])));
    const g = h.dashboard.frame()!.geometry;
    // Borders, the column header, two rows and one spare row.
    expect(g.table.height).toBe(2 + 1 + 2 + 1);
    const sessionsPane = h.lines().slice(g.table.top + 1, g.table.top + g.table.height - 1);
    expect(sessionsPane.filter((l) => /^│ +│$/.test(l))).toHaveLength(1);
    // 160×48 with a 3-line header: what the table does not need goes below it.
    expect(g.resources.height).toBeGreaterThan(10);
    expect(g.logs.height).toBeGreaterThan(14);
    expect(g.footer.top).toBe(47);
    expect(g.logs.top + g.logs.height).toBe(47);
  });

  it('keeps the layout still while a few rows come and go, and grows the table up to its share for many', async () => {
    const five = Array.from({ length: 5 }, (_, i) => makeSession({ id: `s000000${i}`, name: `nb${i}`, startedAt: minutesFromT0(-i - 1) }));
    const connection = new FakeConnection(stateWith(five));
    const { h } = await start(connection);
    const table = () => h.dashboard.frame()!.geometry.table;
    const first = table();
    // A launch fills the spare row; two sessions leave (greyed for a moment, then gone): nothing moves.
    connection.pushState(stateWith([...five, makeSession({ id: 's0000009', name: 'new' })]));
    await h.settle();
    expect(table()).toEqual(first);
    connection.pushState(stateWith(five.slice(0, 3)));
    await h.settle();
    expect(table()).toEqual(first);
    h.clock.advance(5000);
    await h.settle();
    expect(table()).toEqual(first);
    // Many rows: the table takes its whole share (as it always did), the logs keep theirs.
    const many = Array.from({ length: 60 }, (_, i) => makeSession({ id: `m${String(i).padStart(7, '0')}`, name: `job${i}` }));
    connection.pushState(stateWith(many));
    await h.settle();
    expect(table().height).toBe(48 - 3 - 1 - 10 - Math.floor((48 - 3 - 1 - 10) * 0.4));
  });

  it('still draws on a tiny terminal (the table alone), without overflowing', async () => {
    const { h } = await start(undefined, { cols: 60, rows: 12 });
    const lines = h.lines();
    expect(lines).toHaveLength(12);
    expect(lines.every((l) => [...l].length <= 60)).toBe(true);
    expect(h.text()).toContain('nb000001');
    await h.keys('?');
    expect(h.text()).toContain('─ Keys ─');
  });
});
