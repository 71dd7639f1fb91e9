// What a frame costs: the screen is rendered once per frame (not again per resized pane), a chart's
// braille is turned into text only when its data changed, and what the daemon sends in one burst
// makes one frame.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeConnection } from '../helpers/fake-connection.js';
import { startHeadless, type Headless } from '../helpers/headless.js';
import { demoSessions, stateWith } from '../helpers/states.js';
import { makeSession } from '../../helpers/builders.js';

let h: Headless | null = null;
afterEach(async () => {
  await h?.destroy();
  h = null;
});

/** Counts the screen's renders from now on. */
function countRenders(hh: Headless): () => number {
  let renders = 0;
  hh.widgets.screen.on('render', () => renders++);
  return () => renders;
}

describe('work per frame', () => {
  it('renders the screen twice on a terminal resize (blessed itself, then the new frame), not again for each labelled pane', async () => {
    h = await startHeadless(new FakeConnection(stateWith(demoSessions())), { cols: 160, rows: 48 });
    const renders = countRenders(h);
    const before = h.dashboard.frame()!.geometry;
    // A wider terminal: every pane under the header changes size, and Details moves.
    Object.assign(h.terminal.output, { columns: 200 });
    Object.assign(h.widgets.program, { cols: 200 });
    h.widgets.program.emit('resize');
    await h.settle();
    await h.settle();
    const after = h.dashboard.frame()!.geometry;
    for (const pane of ['table', 'resources', 'details', 'logs'] as const) expect(after[pane]).not.toEqual(before[pane]);
    expect(renders()).toBe(2);
    expect(h.widgets.screen.width).toBe(200);
    expect(h.lines().find((l) => l.includes('─ Sessions ─'))).toHaveLength(200);
    expect(h.text()).toMatch(/┌─+ Details ─+┐/);
  });

  it("makes a chart's text again only when its data changed, not on every render", async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    h = await startHeadless(connection);
    const canvas = (h.widgets.charts!.platform as unknown as { ctx: { _canvas: { frame(): string } } }).ctx._canvas;
    const frame = vi.spyOn(canvas, 'frame');
    const renders = countRenders(h);
    // Other panes change (the selection moves; a flash); the platform's chart does not.
    await h.keys('j', 'k');
    connection.pushEvent('warning', { code: 'CONFIG_ERROR', message: 'something to say' });
    await h.settle();
    expect(renders()).toBeGreaterThanOrEqual(3);
    expect(frame).not.toHaveBeenCalled();
    expect(h.text()).toMatch(/100⡇/);
  });

  it('draws one frame for a patch and the event that follows it a few ms later', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    h = await startHeadless(connection);
    h.clock.advance(1000);
    const renders = countRenders(h);
    connection.pushState(stateWith([...demoSessions(), makeSession({ id: 'new00001', name: 'fresh-one' })]));
    h.clock.advance(10);
    connection.pushEvent('warning', { code: 'CONFIG_ERROR', message: 'the platform is slow' });
    h.clock.advance(50);
    expect(renders()).toBe(1);
    expect(h.text()).toContain('fresh-one');
    expect(h.text()).toContain('the platform is slow');
  });

  it('still draws a key at once, with no gathering pause', async () => {
    h = await startHeadless(new FakeConnection(stateWith(demoSessions())));
    // Mid-second: the countdowns' tick was drawn a while ago.
    h.clock.advance(1300);
    const renders = countRenders(h);
    h.dashboard.handleKey('?');
    h.clock.advance(0);
    expect(renders()).toBe(1);
    expect(h.text()).toMatch(/┌─+ Keys ─+┐/);
  });

  it('draws again only the panes whose text changed, to the same cells a whole render gives', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    h = await startHeadless(connection);
    h.clock.advance(1300);
    await h.settle();
    const spies = (['header', 'table', 'resources', 'details', 'logs', 'footer'] as const).map((name) => [name, vi.spyOn(h!.widgets[name], 'render')] as const);
    const renders = countRenders(h);
    // A warning: only the footer's text changes.
    connection.pushEvent('warning', { code: 'CONFIG_ERROR', message: 'only the footer changes' });
    await h.settle();
    expect(renders()).toBe(1);
    expect(spies.filter(([, spy]) => spy.mock.calls.length > 0).map(([name]) => name)).toEqual(['footer']);
    const partial = h.lines();
    expect(partial.at(-1)).toContain('only the footer changes');
    h.widgets.screen.render();
    expect(h.lines()).toEqual(partial);
  });
});
