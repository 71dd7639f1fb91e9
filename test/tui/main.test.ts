import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runDashboard, type DashboardIo } from '../../tui/main.js';
import { parseDashboardArgs } from '../../tui/options.js';
import { installTerminalGuard } from '../../tui/terminal-guard.js';
import { FakeConnection } from './helpers/fake-connection.js';
import { fakeTerminal } from './helpers/headless.js';
import { demoSessions, stateWith } from './helpers/states.js';

function io(connection: FakeConnection, over: Partial<DashboardIo> = {}) {
  const terminal = fakeTerminal(120, 40);
  const stderr = new PassThrough();
  let errors = '';
  stderr.on('data', (c: Buffer) => (errors += c.toString()));
  const value: DashboardIo = {
    input: terminal.input,
    output: terminal.output,
    stderr,
    env: { LANG: 'C.UTF-8', TERM: 'xterm-256color', SKAHA_TUI_HOME: '/tmp/skaha-tui-test-home' },
    connect: () => connection,
    processHooks: false,
    ...over,
  };
  return { io: value, terminal, errors: () => errors };
}

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(check()).toBe(true);
};

describe('runDashboard', () => {
  it('opens the dashboard, quits on q with 0, leaves the terminal clean and closes the connection', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    const { io: dashboardIo, terminal } = io(connection);
    const running = runDashboard(['--demo-label'], dashboardIo);
    await waitFor(() => terminal.written().includes('nb-main'));
    expect(terminal.written()).toContain('\u001b[?1049h');
    expect(terminal.written()).toContain(' DEMO ');
    terminal.input.write('q');
    await expect(running).resolves.toBe(0);
    const out = terminal.written();
    expect(out.lastIndexOf('\u001b[?1049l')).toBeGreaterThan(out.lastIndexOf('nb-main'));
    expect(out).toContain('\u001b[?25h');
    // Bracketed paste (pastes are marked, so a pasted line break is text) is on while it runs, off after.
    expect(out.indexOf('\u001b[?2004h')).toBeGreaterThanOrEqual(0);
    expect(out.lastIndexOf('\u001b[?2004l')).toBeGreaterThan(out.lastIndexOf('nb-main'));
    expect(connection.closed).toBe(true);
  });

  it('shuts its daemon down on quit when asked (the demo), and never otherwise', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    connection.on('shutdown', () => ({ stopping: true }));
    const { io: dashboardIo, terminal } = io(connection, { stopDaemonOnExit: true });
    const running = runDashboard([], dashboardIo);
    await waitFor(() => terminal.written().includes('nb-main'));
    terminal.input.write('q');
    await expect(running).resolves.toBe(0);
    expect(connection.methods()).toContain('shutdown');
    const plain = new FakeConnection(stateWith(demoSessions()));
    const second = io(plain);
    const again = runDashboard([], second.io);
    await waitFor(() => second.terminal.written().includes('nb-main'));
    second.terminal.input.write('q');
    await again;
    expect(plain.methods()).not.toContain('shutdown');
  });

  it('quits on Ctrl-C too', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    const { io: dashboardIo, terminal } = io(connection);
    const running = runDashboard([], dashboardIo);
    await waitFor(() => terminal.written().includes('nb-main'));
    terminal.input.write('\u0003');
    await expect(running).resolves.toBe(0);
  });

  it('refuses to run without a terminal', async () => {
    const { io: dashboardIo, errors } = io(new FakeConnection(null));
    (dashboardIo.output as { isTTY?: boolean }).isTTY = false;
    await expect(runDashboard([], dashboardIo)).resolves.toBe(2);
    expect(errors()).toContain('the dashboard needs a terminal');
  });

  it('rejects unknown options with the usage, and prints help', async () => {
    const bad = io(new FakeConnection(null));
    await expect(runDashboard(['--nope'], bad.io)).resolves.toBe(2);
    expect(bad.errors()).toContain('unknown dashboard option --nope');
    expect(bad.errors()).toContain('usage: skaha-tui');
    const help = io(new FakeConnection(null));
    await expect(runDashboard(['--help'], help.io)).resolves.toBe(0);
    expect(help.terminal.written()).toContain('usage: skaha-tui [--readonly]');
  });
});

describe('options', () => {
  it('parses the dashboard flags', () => {
    expect(parseDashboardArgs(['--readonly', '--demo-label', '--no-terminal-notify', '--no-mouse', '--server-url', 'http://127.0.0.1:9/skaha'])).toEqual({
      readonly: true,
      demo: true,
      terminalNotify: 'off',
      mouse: false,
      serverUrl: 'http://127.0.0.1:9/skaha',
      help: false,
    });
    expect(parseDashboardArgs(['--terminal-notify=osc9']).terminalNotify).toBe('osc9');
    expect(parseDashboardArgs([], { SKAHA_TUI_TERMINAL_NOTIFY: 'bel' }).terminalNotify).toBe('bel');
    expect(() => parseDashboardArgs(['--terminal-notify=loud'])).toThrow(/one of auto, osc777/);
  });
});

describe('terminal guard', () => {
  afterEach(() => vi.restoreAllMocks());

  it('restores the terminal, reports and exits 1 on a crash; quits cleanly on SIGTERM', () => {
    const restore = vi.fn<() => void>();
    const quit = vi.fn<() => void>();
    const stderr = new PassThrough();
    let written = '';
    stderr.on('data', (c: Buffer) => (written += c.toString()));
    const before = process.listeners('uncaughtException').length;
    const uninstall = installTerminalGuard({ restore, quit, stderr });
    try {
      const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
      const crash = process.listeners('uncaughtException').at(-1) as (e: Error) => void;
      crash(new Error('boom'));
      expect(restore).toHaveBeenCalledTimes(1);
      expect(exit).toHaveBeenCalledWith(1);
      expect(stderr.read()?.toString() ?? written).toContain('the dashboard crashed: Error: boom');
      const sigterm = process.listeners('SIGTERM').at(-1) as () => void;
      sigterm();
      expect(quit).toHaveBeenCalledTimes(1);
    } finally {
      uninstall();
    }
    expect(process.listeners('uncaughtException')).toHaveLength(before);
  });
});
