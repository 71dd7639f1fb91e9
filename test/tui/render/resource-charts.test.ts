import { describe, expect, it } from 'vitest';
import { MIN_CHARTS_SIZE, resourcesChartsPane, resourcesPane, type ChartSpec } from '../../../tui/render/resource-charts.js';
import { renderContext } from '../../../tui/render/context.js';
import { stripTags } from '../../../tui/render/paint.js';
import { initialState } from '../../../src/state/state.js';
import { makeSession, T0 } from '../../helpers/builders.js';
import { stateWith } from '../helpers/states.js';

const ctx = renderContext({ now: T0, charts: true });
const session = makeSession({ id: 'nb1', name: 'nb-main' });
const state = stateWith([session]);
const lines = (content: string) => content.split('\n').map(stripTags);
const inside = (c: ChartSpec, width: number, height: number) =>
  c.rect.left >= 0 && c.rect.top >= 0 && c.rect.left + c.rect.width <= width && c.rect.top + c.rect.height <= height;

describe('resources pane as charts', () => {
  it('at 160×48 (77×8 inside): platform legend and chart on the left, the session CPU and RAM charts stacked on the right', () => {
    const pane = resourcesChartsPane(state, session, 77, 8, ctx)!;
    const text = lines(pane.content);
    // How far back each chart goes, since its time labels do not fit under it.
    expect(text[0]).toMatch(/^Platform CPU {2}80% 800\/1000 cores {6}│ nb-main CPU {2}13% 0\.25\/2 cores$/);
    // How far back each chart goes (its time labels do not fit under it), right-aligned in its half.
    expect(text[1]).toMatch(/^ {9}RAM {2}33% 2421\/7451 GiB +│$/);
    expect(text[4]).toMatch(/^ {37} │ nb-main RAM {2}14% 1\.1\/8 GiB +last 9m$/);
    expect(text.every((l) => [...l].length <= 77)).toBe(true);
    expect(pane.charts.map((c) => [c.id, c.rect])).toEqual([
      ['platform', { top: 2, left: 0, width: 37, height: 6 }],
      ['sessionCpu', { top: 1, left: 40, width: 37, height: 3 }],
      ['sessionRam', { top: 5, left: 40, width: 37, height: 3 }],
    ]);
    const [platform, cpu, ram] = pane.charts;
    expect(platform.series.map((s) => s.title)).toEqual(['CPU', 'RAM']);
    expect(platform.series[0].y).toHaveLength(30);
    expect(platform.series[0].y.at(-1)).toBeCloseTo(79, 5);
    expect(platform.axis.step).toBe(25);
    expect(cpu.series.map((s) => s.title)).toEqual(['requested', 'CPU']);
    expect(cpu.series[1].y).toHaveLength(20);
    expect(ram.series[0].y[0]).toBe(8.59);
    // Stacked charts share the y label column, so their axes line up.
    expect(cpu.axis.labelWidth).toBe(ram.axis.labelWidth);
  });

  it('colours the series names like their lines, the share by load, and the request grey', () => {
    const pane = resourcesChartsPane(state, session, 77, 8, ctx)!;
    const first = pane.content.split('\n')[0];
    expect(first).toContain('{cyan-fg}CPU{/cyan-fg}');
    expect(first).toContain('{green-fg} 13%{/green-fg}');
    expect(first).toContain('{yellow-fg} 80%{/yellow-fg}');
    expect(first).toContain('{grey-fg}/2{/grey-fg}');
    expect(pane.content).toContain('{magenta-fg}RAM{/magenta-fg}');
  });

  it('at 100×30 (47×6 inside): shorter legends that keep "Platform", two-row session charts', () => {
    const pane = resourcesChartsPane(state, session, 47, 6, ctx)!;
    const text = lines(pane.content);
    expect(text[0]).toMatch(/^Platform CPU {2}80% +│ nb-main CPU {2}13%$/);
    expect(pane.charts.map((c) => c.rect.height)).toEqual([4, 2, 2]);
    expect(pane.charts.every((c) => inside(c, 47, 6))).toBe(true);
    expect(text.every((l) => [...l].length <= 47)).toBe(true);
  });

  it('a flexible session shows its use without a share or a request line', () => {
    const flexible = makeSession({ id: 'nb1', name: 'desk', cpu: { requested: null, used: 0.01 }, ramGB: { requested: null, used: 1.3 }, fixed: false });
    const pane = resourcesChartsPane(stateWith([flexible]), flexible, 77, 8, ctx)!;
    expect(lines(pane.content)[0]).toMatch(/│ desk CPU 0\.01 cores$/);
    expect(pane.charts.find((c) => c.id === 'sessionCpu')!.series.map((s) => s.title)).toEqual(['CPU']);
  });

  it('says what is missing instead of drawing empty charts', () => {
    const pending = makeSession({ id: 'p1', name: 'desk', status: 'Pending', cpu: { requested: 2, used: null }, ramGB: { requested: 8, used: null } });
    const pane = resourcesChartsPane(initialState(), pending, 77, 8, ctx)!;
    const text = lines(pane.content);
    expect(text[0]).toMatch(/^Platform stats not read yet\. +│ desk CPU {3}- {2}-\/2 cores$/);
    expect(text[1]).toMatch(/No usage reported yet\.$/);
    expect(pane.charts).toEqual([]);
    const none = resourcesChartsPane(state, null, 77, 8, ctx)!;
    expect(lines(none.content)[0]).toMatch(/Select a session to see its use\.$/);
    expect(none.charts.map((c) => c.id)).toEqual(['platform']);
  });

  it('falls back to the text gauges when the screen has no charts or the pane is too small', () => {
    expect(resourcesChartsPane(state, session, MIN_CHARTS_SIZE.width - 1, 8, ctx)).toBeNull();
    expect(resourcesChartsPane(state, session, 77, MIN_CHARTS_SIZE.height - 1, ctx)).toBeNull();
    const small = resourcesPane(state, session, 42, 4, ctx);
    expect(small.charts).toEqual([]);
    expect(stripTags(small.content)).toMatch(/^Platform CPU\s+\[█+░*\]\s+80%/);
    const text = resourcesPane(state, session, 77, 8, renderContext({ now: T0 }));
    expect(text.charts).toEqual([]);
    expect(stripTags(text.content)).toMatch(/^Platform CPU\s+\[█+░*\]\s+80% 800\/1000 cores/);
  });

  it('escapes a session name that looks like a tag', () => {
    const odd = makeSession({ id: 'nb1', name: '{red-fg}x' });
    const pane = resourcesChartsPane(stateWith([odd]), odd, 77, 8, ctx)!;
    expect(pane.content).toContain('{open}red-fg{close}x');
  });
});
