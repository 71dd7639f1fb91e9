import { afterEach, describe, expect, it, vi } from 'vitest';
import contrib from 'blessed-contrib';
import { FakeConnection } from '../helpers/fake-connection.js';
import { startHeadless, type Headless } from '../helpers/headless.js';
import { demoSessions, stateWith } from '../helpers/states.js';
import { contribCall } from '../../../tui/screen/charts.js';
import { appendStats } from '../../../src/state/usage.js';
import type { DaemonState } from '../../../src/state/state.js';
import { T0 } from '../../helpers/builders.js';

let h: Headless | null = null;
afterEach(async () => {
  await h?.destroy();
  h = null;
});

const BRAILLE = /[\u2800-\u28ff]/;
const CYAN = 6;
const MAGENTA = 5;

type Cell = [number, string];
const cells = (hh: Headless) => (hh.widgets.screen as unknown as { lines: Cell[][] }).lines;

/** The Resources pane's cells (border included), by its geometry in the last frame. */
function resourcesArea(hh: Headless): Cell[][] {
  const r = hh.dashboard.frame()!.geometry.resources;
  return cells(hh)
    .slice(r.top, r.top + r.height)
    .map((row) => row.slice(r.left, r.left + r.width));
}
const areaText = (area: Cell[][]) => area.map((row) => row.map((c) => c[1]).join('')).join('\n');
const fg = (attr: number) => (attr >> 9) & 0x1ff;

async function resize(hh: Headless, cols: number, rows: number): Promise<void> {
  hh.terminal.output.columns = cols;
  hh.terminal.output.rows = rows;
  Object.assign(hh.widgets.program, { cols, rows });
  hh.widgets.program.emit('resize');
  await hh.settle();
}

function withStatsPoint(state: DaemonState, cpuAllocated: number): DaemonState {
  const statsHistory = appendStats(state.statsHistory, { t: T0 + 60_000, cpuAllocated, cpuCapacity: 1000, ramAllocated: 2600, ramCapacity: 8000 });
  return { ...state, statsHistory };
}

describe('Resources pane with blessed-contrib line charts (UTF-8, colour)', () => {
  it('draws braille line charts in the Resources pane: the platform allocation and the selected session CPU and RAM', async () => {
    h = await startHeadless(new FakeConnection(stateWith(demoSessions())));
    await h.keys('j');
    const area = resourcesArea(h);
    const text = areaText(area);
    expect(text).toMatch(/─ Resources ─/);
    expect(text).toMatch(/Platform CPU {2}80% 800\/1000 cores +│ carta-soon CPU {2}13% 0\.25\/2 cores/);
    expect(text).toMatch(/RAM {2}33% 2421\/7451 GiB/);
    expect(text).toMatch(/carta-soon RAM {2}14% 1\.1\/8 GiB/);
    // Each chart row on its own screen row (none wrapped): labels 100 to 0 down the axis, the x axis last.
    const left = area.map((row) =>
      row
        .slice(2, 2 + 37)
        .map((c) => c[1])
        .join(''),
    );
    // However tall the pane is (it grows when the table needs few rows), the axis rows run from 100 to 0, then the x axis.
    const axis = left.findIndex((l) => /^ {3}⠓⠒+$/.test(l));
    const plot = left.slice(3, axis).map((l) => l.slice(0, 4));
    expect(plot.filter((l) => l !== '   ⡇')).toEqual(['100⡇', '75 ⡇', '50 ⡇', '25 ⡇', '0  ⡇']);
    expect(plot.at(-1)).toBe('0  ⡇');
    // Braille in the chart rows of both halves, coloured like the series.
    const rows = area.slice(1, -1);
    // Border and padding, the platform half (37), the rule between the halves.
    const half = 2 + 37 + 3;
    expect(
      rows.some((row) =>
        BRAILLE.test(
          row
            .slice(1, half)
            .map((c) => c[1])
            .join(''),
        ),
      ),
    ).toBe(true);
    expect(
      rows.some((row) =>
        BRAILLE.test(
          row
            .slice(half)
            .map((c) => c[1])
            .join(''),
        ),
      ),
    ).toBe(true);
    const braille = rows.flat().filter(([, ch]) => BRAILLE.test(ch));
    expect(braille.some(([attr]) => fg(attr) === CYAN)).toBe(true);
    expect(braille.some(([attr]) => fg(attr) === MAGENTA)).toBe(true);
    // No braille outside the pane.
    const r = h.dashboard.frame()!.geometry.resources;
    const outside = cells(h).flatMap((row, y) => row.filter((_, x) => y < r.top || y >= r.top + r.height || x < r.left || x >= r.left + r.width));
    expect(outside.some(([, ch]) => BRAILLE.test(ch))).toBe(false);
    const charts = h.widgets.charts!;
    expect([charts.platform.hidden, charts.sessionCpu.hidden, charts.sessionRam.hidden]).toEqual([false, false, false]);
  });

  it('hides the session charts when no single session is selected (a replica group row)', async () => {
    h = await startHeadless(new FakeConnection(stateWith(demoSessions())));
    const rows = h.dashboard.model().table.rows;
    const group = rows.findIndex((row) => row.type !== 'session');
    expect(group).toBeGreaterThan(0);
    await h.keys('g', ...Array.from({ length: group }, () => 'j'));
    expect(h.dashboard.model().view.selected).toBe(rows[group].key);
    expect(areaText(resourcesArea(h))).toContain('Select a session to see its use.');
    expect(h.widgets.charts!.sessionCpu.hidden).toBe(true);
    expect(h.widgets.charts!.platform.hidden).toBe(false);
  });

  it('gives a chart data only when its series changed, and renders nothing for an unchanged state', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    h = await startHeadless(connection);
    const charts = h.widgets.charts!;
    const spies = {
      platform: vi.spyOn(charts.platform, 'setData'),
      sessionCpu: vi.spyOn(charts.sessionCpu, 'setData'),
      sessionRam: vi.spyOn(charts.sessionRam, 'setData'),
    };
    const render = vi.spyOn(h.widgets.screen, 'render');
    connection.pushState(stateWith(demoSessions()));
    await h.settle();
    connection.pushState(stateWith(demoSessions()));
    await h.settle();
    expect(spies.platform).not.toHaveBeenCalled();
    expect(spies.sessionCpu).not.toHaveBeenCalled();
    render.mockClear();
    connection.pushState(stateWith(demoSessions()));
    await h.settle();
    expect(render).not.toHaveBeenCalled();
    // Timers (countdowns) redraw other panes; the charts stay as they are.
    h.clock.advance(60_000);
    await h.settle();
    expect(spies.platform).not.toHaveBeenCalled();
    expect(spies.sessionCpu).not.toHaveBeenCalled();
    render.mockClear();
    connection.pushState(withStatsPoint(stateWith(demoSessions()), 900));
    await h.settle();
    expect(spies.platform).toHaveBeenCalledTimes(1);
    expect(spies.sessionCpu).not.toHaveBeenCalled();
    expect(spies.sessionRam).not.toHaveBeenCalled();
    expect(render).toHaveBeenCalledTimes(1);
    await h.keys('j');
    expect(spies.platform).toHaveBeenCalledTimes(1);
    expect(spies.sessionCpu).toHaveBeenCalledTimes(1);
  });

  it('re-lays out the charts on resize, and falls back to the text gauges when the pane gets too small', async () => {
    h = await startHeadless(new FakeConnection(stateWith(demoSessions())));
    const platform = h.widgets.charts!.platform;
    expect(platform.canvasSize.width).toBe(2 * 37);
    await resize(h, 100, 30);
    expect(h.lines()).toHaveLength(30);
    expect(platform.canvasSize.width).toBe(2 * 22);
    const area = areaText(resourcesArea(h));
    expect(area).toMatch(BRAILLE);
    expect(area).toMatch(/Platform CPU {2}80%/);
    await resize(h, 90, 30);
    expect(platform.hidden).toBe(true);
    expect(areaText(resourcesArea(h))).not.toMatch(BRAILLE);
    expect(areaText(resourcesArea(h))).toMatch(/Platform CPU\s+\[█+░*\]\s+80%/);
    await resize(h, 160, 48);
    expect(platform.hidden).toBe(false);
    expect(platform.canvasSize.width).toBe(2 * 37);
    expect(areaText(resourcesArea(h))).toMatch(BRAILLE);
  });
});

describe('Resources pane without charts', () => {
  it('ASCII locale: no chart widgets, no braille, the text gauges', async () => {
    h = await startHeadless(new FakeConnection(stateWith(demoSessions())), { env: { LANG: 'C' } });
    expect(h.widgets.charts).toBeNull();
    expect(h.text()).not.toMatch(BRAILLE);
    expect(areaText(resourcesArea(h))).toMatch(/Platform CPU\s+\[#+\.+\]\s+80% 800\/1000 cores\s+[_.,\-~=*#]+/);
  });

  it('NO_COLOR: no chart widgets (their lines differ only by colour), the text gauges with block sparklines', async () => {
    h = await startHeadless(new FakeConnection(stateWith(demoSessions())), { env: { NO_COLOR: '1' } });
    expect(h.widgets.charts).toBeNull();
    expect(h.text()).not.toMatch(BRAILLE);
    expect(areaText(resourcesArea(h))).toMatch(/Platform CPU\s+\[█+░+\]\s+80% 800\/1000 cores\s+[▁-█]+/);
  });
});

describe('blessed-contrib quirks', () => {
  it('turns the strings contrib throws into Errors, and passes Errors through', async () => {
    h = await startHeadless(new FakeConnection(stateWith(demoSessions())));
    // A chart never attached has no canvas: contrib throws a string from setData.
    const detached = contrib.line({ screen: h.widgets.screen, showLegend: false });
    expect(() => contribCall('line chart data', () => detached.setData([{ title: 'x', x: ['a', 'b'], y: [1, 2] }]))).toThrow(
      /^blessed-contrib line chart data failed: error: canvas context does not exist/,
    );
    const error = new RangeError('boom');
    expect(() =>
      contribCall('x', () => {
        throw error;
      }),
    ).toThrow(error);
    expect(contribCall('x', () => 42)).toBe(42);
  });
});
