import { afterEach, describe, expect, it } from 'vitest';
import { FakeConnection } from '../helpers/fake-connection.js';
import { startHeadless, type Headless } from '../helpers/headless.js';
import { demoSessions, stateWith } from '../helpers/states.js';
import { makeSession, minutesFromT0, T0 } from '../../helpers/builders.js';
import { FakeClock } from '../../helpers/fake-clock.js';

let h: Headless | null = null;
afterEach(async () => {
  await h?.destroy();
  h = null;
});

const notification = { key: 'status:nb1:Running', title: 'nb-main is ready', body: 'https://x/nb', urgency: 'normal' as const, at: T0 };

describe('terminal notifications', () => {
  it('writes the OSC 777 sequence the terminal understands when the daemon sends a notification, and flashes it', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    h = await startHeadless(connection, { env: { TERM_PROGRAM: 'WezTerm' } });
    connection.pushEvent('notification', notification);
    await h.settle();
    expect(h.terminal.written()).toContain('\u001b]777;notify;nb-main is ready;https://x/nb\u0007');
    expect(h.lines().at(-1)).toBe('nb-main is ready: https://x/nb');
  });

  it('wraps it for tmux passthrough inside tmux', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    h = await startHeadless(connection, { env: { TERM_PROGRAM: 'iTerm.app', TMUX: '/tmp/tmux-1/default,1,0' } });
    connection.pushEvent('notification', notification);
    await h.settle();
    expect(h.terminal.written()).toContain('\u001bPtmux;\u001b\u001b]9;nb-main is ready: https://x/nb\u0007\u001b\\');
  });

  it('writes nothing when terminal notifications are off', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    h = await startHeadless(connection, { env: { TERM_PROGRAM: 'WezTerm' }, terminalNotify: 'off' });
    connection.pushEvent('notification', notification);
    await h.settle();
    expect(h.terminal.written()).not.toContain('\u001b]777;');
    expect(h.terminal.written()).not.toContain('\u0007nb-main');
    expect(h.lines().at(-1)).toBe('nb-main is ready: https://x/nb');
  });
});

describe('terminal notifications from the config file', () => {
  const configured = (terminal: string) => ({ url: 'https://ws-uv.canfar.net/skaha', notifications: { quiet: false, terminal } });

  it('follow notifications.terminal of the config file, hot-reloaded when the daemon applies a changed file', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    let terminal = 'off';
    connection.on('config.get', () => configured(terminal));
    h = await startHeadless(connection, { env: { TERM_PROGRAM: 'WezTerm' }, terminalNotify: null });
    connection.pushEvent('notification', notification);
    await h.settle();
    expect(h.terminal.written()).not.toContain('\u001b]777;');
    expect(h.terminal.written()).not.toContain('\u001b]9;');
    terminal = 'osc9';
    connection.pushState({ ...connection.state!, config: { changedAt: T0 + 1_000, warning: null } });
    await h.settle();
    connection.pushEvent('notification', { ...notification, key: 'k2' });
    await h.settle();
    expect(h.terminal.written()).toContain('\u001b]9;nb-main is ready: https://x/nb\u0007');
  });

  it('the flag (or SKAHA_TUI_TERMINAL_NOTIFY) wins over the config file', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    connection.on('config.get', () => configured('off'));
    h = await startHeadless(connection, { env: { TERM_PROGRAM: 'WezTerm' }, terminalNotify: 'osc777' });
    connection.pushEvent('notification', notification);
    await h.settle();
    expect(h.terminal.written()).toContain('\u001b]777;notify;nb-main is ready;https://x/nb\u0007');
  });
});

describe('timers: draw only when needed', () => {
  it('when idle, the only timer wakes at the next minute (for ages and countdowns)', async () => {
    const sessions = [makeSession({ id: 'a1', expiresAt: minutesFromT0(600) })];
    h = await startHeadless(new FakeConnection(stateWith(sessions)));
    expect(h.clock.pending()).toBe(1);
    const renders: number[] = [];
    h.widgets.screen.on('render', () => renders.push(h!.clock.now()));
    h.clock.advance(59_000);
    expect(renders).toEqual([]);
    h.clock.advance(1_000 + 50);
    expect(renders).toHaveLength(1);
    expect(h.clock.pending()).toBe(1);
  });

  it('ticks every second while a countdown is in its last 10 minutes', async () => {
    const sessions = [makeSession({ id: 'a1', name: 'soon', expiresAt: minutesFromT0(2) })];
    h = await startHeadless(new FakeConnection(stateWith(sessions)));
    expect(h.text()).toMatch(/soon\s+notebook\s+Running\s+1h\s+2m/);
    h.clock.advance(1_050);
    await h.settle();
    expect(h.text()).toMatch(/soon\s+notebook\s+Running\s+1h\s+1m/);
  });

  it('does not redraw when a state arrives that changes nothing on screen', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    // Start mid-second so the countdowns on screen do not change during the test itself.
    h = await startHeadless(connection, { clock: new FakeClock(T0 + 100) });
    let renders = 0;
    h.widgets.screen.on('render', () => renders++);
    // A poll that found nothing new: the daemon's patch moves only lastPollAt.
    connection.pushState({ ...connection.state!, lastPollAt: T0 + 10_000 });
    await h.settle();
    expect(renders).toBe(0);
  });

  it('coalesces a burst of updates into one frame', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    h = await startHeadless(connection);
    await h.keys('j', 'l');
    let renders = 0;
    h.widgets.screen.on('render', () => renders++);
    for (let i = 0; i < 100; i++) connection.pushEvent('logs:append', { sessionId: 'cr000006', lines: [`burst ${i}`] });
    h.clock.advance(50);
    expect(renders).toBe(1);
    expect(h.text()).toContain('burst 99');
  });
});
