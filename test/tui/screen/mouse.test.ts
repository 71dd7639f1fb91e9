import { afterEach, describe, expect, it } from 'vitest';
import { FakeConnection } from '../helpers/fake-connection.js';
import { startHeadless, type Headless } from '../helpers/headless.js';
import { demoSessions, stateWith } from '../helpers/states.js';

let h: Headless | null = null;
afterEach(async () => {
  await h?.destroy();
  h = null;
});

// SGR mouse reports, 1-based columns and rows: press (M) and release (m); 64/65 are wheel up/down.
const press = (x: number, y: number) => `\u001b[<0;${x + 1};${y + 1}M`;
const release = (x: number, y: number) => `\u001b[<0;${x + 1};${y + 1}m`;
const wheel = (down: boolean, x: number, y: number) => `\u001b[<${down ? 65 : 64};${x + 1};${y + 1}M`;

// blessed parses one mouse report per chunk, as a terminal sends them.
async function send(...reports: string[]): Promise<void> {
  for (const report of reports) {
    h!.terminal.input.write(report);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await h!.settle();
}

const click = (x: number, y: number) => send(press(x, y), release(x, y));

describe('mouse', () => {
  it('a click selects the row under it; the wheel moves the selection', async () => {
    h = await startHeadless(new FakeConnection(stateWith(demoSessions())), { mouse: true });
    const row = h.lines().findIndex((l) => l.includes('nb000001'));
    await click(20, row);
    expect(h.dashboard.model().view.selected).toBe('nb000001');
    await send(wheel(false, 20, row));
    expect(h.dashboard.model().view.selected).toBe('dt000002');
  });

  it('a click on the details pane focuses it; the mouse is off with --no-mouse', async () => {
    h = await startHeadless(new FakeConnection(stateWith(demoSessions())), { mouse: true });
    const row = h.lines().findIndex((l) => l.includes('─ Details ─'));
    await click(120, row + 2);
    expect(h.dashboard.model().view.focus).toBe('details');
    await h.destroy();
    h = await startHeadless(new FakeConnection(stateWith(demoSessions())), { mouse: false });
    await click(120, row + 2);
    expect(h.dashboard.model().view.focus).toBe('table');
  });

  it('scrolling the log back to the bottom with the wheel resumes follow', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    h = await startHeadless(connection, { mouse: true });
    await h.keys('j', 'l');
    connection.pushEvent('logs:reset', { sessionId: 'cr000006', lines: Array.from({ length: 100 }, (_, i) => `line ${i}`) });
    await h.settle();
    const inLogs = h.lines().findIndex((l) => l.includes('line 99')) - 1;
    await send(wheel(false, 20, inLogs));
    expect(h.text()).toContain('— paused —');
    connection.pushEvent('logs:append', { sessionId: 'cr000006', lines: ['fresh while paused'] });
    await h.settle();
    expect(h.text()).not.toContain('fresh while paused');
    await send(wheel(true, 20, inLogs));
    expect(h.text(), 'one line arrived meanwhile: not yet at the bottom').toContain('— paused —');
    await send(wheel(true, 20, inLogs));
    expect(h.text()).toContain('— follow —');
    connection.pushEvent('logs:append', { sessionId: 'cr000006', lines: ['fresh while following'] });
    await h.settle();
    expect(h.text()).toContain('fresh while following');
  });

  it('the help screen says what the mouse does, on its first page, and that the rest scrolls', async () => {
    h = await startHeadless(new FakeConnection(stateWith(demoSessions())), { mouse: true, cols: 120, rows: 40 });
    await h.keys('?');
    const text = h.text();
    expect(text).toMatch(/Mouse: click a row to select it or a pane to focus it; the wheel moves through the/);
    expect(text).toMatch(/↓ \d+ more lines: j\/k or PgDn\/PgUp scroll/);
    await h.destroy();
    h = await startHeadless(new FakeConnection(stateWith(demoSessions())), { mouse: false, cols: 120, rows: 40 });
    await h.keys('?');
    expect(h.text()).toContain('Mouse: off (started with --no-mouse)');
  });
});
