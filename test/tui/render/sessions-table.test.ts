import { describe, expect, it } from 'vitest';
import { buildTable, compileFilter } from '../../../tui/render/table-rows.js';
import { sessionsTableLines, shortImage, tableColumns } from '../../../tui/render/sessions-table.js';
import { renderContext } from '../../../tui/render/context.js';
import { createPaint, stripTags } from '../../../tui/render/paint.js';
import { initialView, type ViewState } from '../../../tui/view-state.js';
import { makeSession, minutesFromT0, T0 } from '../../helpers/builders.js';
import { demoSessions, stateWith } from '../helpers/states.js';
import { COLUMNS } from '../../../tui/text.js';
import { LABELS } from '../../../src/cli/text.js';

const ctx = renderContext({ now: T0 });
const plain = renderContext({ now: T0, paint: createPaint(false) });

function render(view: Partial<ViewState>, sessions = demoSessions(), size = { width: 150, height: 20 }, options = { synced: true }) {
  const v = { ...initialView(), ...view };
  const state = stateWith(sessions);
  const model = buildTable(state, v);
  return { model, lines: sessionsTableLines(model, v, size, ctx, options).map(stripTags) };
}

describe('sessions table: the header row', () => {
  it('shows the sort column and direction: ↑ smallest first, ↓ largest first, in the column it sorts', () => {
    const header = (sort: ViewState['sort']) => render({ sort }).lines[0];
    expect(header({ column: 'age', descending: false })).toMatch(/STATUS\s+AGE ↑\s+EXPIRES\s+CPU\s/);
    expect(header({ column: 'age', descending: true })).toMatch(/\sAGE ↓\s/);
    // CPU and RAM sort the busiest first unless reversed.
    expect(header({ column: 'cpu', descending: false })).toMatch(/EXPIRES\s+CPU ↓\s+RAM GiB\s/);
    expect(header({ column: 'cpu', descending: true })).toMatch(/\sCPU ↑\s/);
    expect(header({ column: 'name', descending: false })).toMatch(/ID\s+NAME ↑\s+KIND\s/);
    for (const column of ['id', 'kind', 'status', 'expires', 'ram', 'image'] as const) {
      const line = header({ column, descending: false });
      expect(line.match(/[↑↓]/g), column).toHaveLength(1);
      expect(line).not.toMatch(/\sAGE [↑↓]/);
    }
  });

  it('names the age and expiry columns as the CLI does', () => {
    expect(LABELS.sessionColumns).toContain(COLUMNS.age);
    expect(LABELS.sessionColumns).toContain(COLUMNS.expires);
  });
});

describe('sessions table: empty states', () => {
  it('says it is synchronising before the first state, not that there are no sessions', () => {
    const v = initialView();
    const lines = sessionsTableLines(buildTable(null, v), v, { width: 120, height: 10 }, ctx, { synced: false }).map(stripTags);
    expect(lines[0]).toMatch(/ID\s+NAME\s+KIND\s+STATUS\s+AGE ↑\s+EXPIRES\s+CPU\s+RAM GiB\s+IMAGE/);
    expect(lines[1]).toContain('Synchronising with the daemon');
  });

  it('invites a launch when there are no sessions, but not in read-only mode', () => {
    expect(render({}, []).lines[1]).toContain('No sessions. Press n to launch one.');
    const v = initialView();
    const lines = sessionsTableLines(buildTable(stateWith([]), v), v, { width: 120, height: 10 }, ctx, { synced: true, readonly: true }).map(stripTags);
    expect(lines[1]).toContain('No sessions.');
    expect(lines[1]).not.toContain('Press n');
  });

  it('says how many finished sessions are hidden', () => {
    const { lines } = render({}, [makeSession({ id: 'a', status: 'Completed' }), makeSession({ id: 'b', status: 'Failed' })]);
    expect(lines[1]).toContain('No active sessions (2 finished hidden');
  });

  it('says the filter matched nothing', () => {
    expect(render({ filter: 'zzz' }).lines[1]).toContain('No session matches the filter zzz');
  });
});

describe('sessions table: rows', () => {
  it('shows every column with status, age, expiry, usage/requested and the shortened image', () => {
    const { lines } = render({}, [makeSession({ id: 'nb000001', name: 'nb-main' })]);
    expect(lines[1]).toMatch(/nb000001 nb-main\s+notebook\s+Running\s+1h\s+3d 23h\s+0\.25\/2\s+1\.1\/8 skaha\/astroml:latest/);
  });

  it('hides finished sessions until show-all, and counts them', () => {
    const { model } = render({});
    expect(model.rows.map((r) => r.key)).not.toContain('hl000004');
    expect(model.hiddenFinished).toBe(1);
    const all = render({ showAll: true, expanded: [] });
    expect(all.model.hiddenFinished).toBe(0);
  });

  it('colours statuses and expiry: amber under 1 h, red under 10 min', () => {
    const v = initialView();
    const sessions = [
      makeSession({ id: 'red00001', name: 'soon', expiresAt: minutesFromT0(9) }),
      makeSession({ id: 'amb00001', name: 'later', expiresAt: minutesFromT0(50) }),
      makeSession({ id: 'pen00001', name: 'wait', status: 'Pending' }),
      makeSession({ id: 'ok000001', name: 'fine', expiresAt: minutesFromT0(120) }),
    ];
    const model = buildTable(stateWith(sessions), v);
    const raw = sessionsTableLines(model, v, { width: 150, height: 10 }, ctx, { synced: true });
    const line = (name: string) => raw.find((l) => stripTags(l).includes(` ${name} `))!;
    expect(line('soon')).toMatch(/\{red-fg\}\s+9m\{\/red-fg\}/);
    expect(line('later')).toMatch(/\{yellow-fg\}\s+50m\{\/yellow-fg\}/);
    expect(line('fine')).not.toMatch(/\{(red|yellow)-fg\}\s+2h/);
    expect(line('wait')).toContain('{yellow-fg}Pending');
    expect(line('fine')).toContain('{green-fg}Running');
  });

  it('has no colour tags without colour (NO_COLOR), but keeps the text', () => {
    const v = initialView();
    const model = buildTable(stateWith(demoSessions()), v);
    const raw = sessionsTableLines(model, v, { width: 150, height: 10 }, plain, { synced: true });
    expect(raw.join('\n')).not.toMatch(/-fg\}/);
    expect(raw.join('\n')).toContain('Running');
  });

  it('escapes braces in names so a name cannot inject blessed tags', () => {
    const v = initialView();
    const model = buildTable(stateWith([makeSession({ id: 'x1', name: '{red-fg}evil' })]), v);
    const raw = sessionsTableLines(model, v, { width: 150, height: 10 }, ctx, { synced: true });
    expect(raw[1]).toContain('{open}red-fg{close}evil');
  });

  it('groups replicas into one expandable row with a progress bar and counts per status, including finished ones', () => {
    const { model, lines } = render({});
    const group = model.rows.find((r) => r.type === 'group')!;
    expect(group.type === 'group' && group.group.total).toBe(3);
    const line = lines.find((l) => l.includes(' fit '))!;
    expect(line).toMatch(/▸ 3x\s+fit\s+headless\s+\[━━━───────\] 1\/3 done  1 Completed 1 Pending 1 Running/);
    const expanded = render({ expanded: [group.key] });
    expect(expanded.lines.filter((l) => /fit-\d/.test(l))).toHaveLength(2);
    expect(expanded.lines.find((l) => l.includes('fit-1'))).toMatch(/hl000003\s+ {2}fit-1/);
  });

  it('marks highlighted and marked rows with a glyph as well as colour', () => {
    const { lines } = render({ highlights: { nb000001: { kind: 'new', until: T0 + 1000 } }, marks: ['cr000006'] });
    expect(lines.find((l) => l.includes('nb000001'))).toMatch(/^ \+ nb000001/);
    expect(lines.find((l) => l.includes('cr000006'))).toMatch(/^✓  cr000006/);
  });

  it('drops low-priority columns on narrow terminals', () => {
    expect(tableColumns(78).map((c) => c.key)).toEqual(['id', 'name', 'status', 'age', 'expires', 'cpu', 'ram']);
    expect(tableColumns(200).map((c) => c.key)).toEqual(['id', 'name', 'kind', 'status', 'age', 'expires', 'cpu', 'ram', 'image']);
    // When a row says why it waits, that outranks usage: on 78 columns WHY stays and CPU and RAM go.
    expect(tableColumns(78, 30).map((c) => c.key)).toEqual(['id', 'name', 'status', 'reason', 'age', 'expires']);
    expect(tableColumns(200, 30).find((c) => c.key === 'reason')?.width).toBe(30);
    expect(tableColumns(200, 90).find((c) => c.key === 'reason')?.width).toBe(44);
    const { lines } = render({}, demoSessions(), { width: 60, height: 10 });
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(60);
  });

  it('shortens images by dropping the default registry and cutting from the left', () => {
    expect(shortImage('images.canfar.net/skaha/astroml:latest', 40)).toBe('skaha/astroml:latest');
    expect(shortImage('images.canfar.net/skaha/astroml-with-a-long-name:24.04', 16)).toBe('…long-name:24.04');
  });
});

describe('sessions table: filter and sort', () => {
  it('filters by regex over id, name, kind, status and image; ! inverts', () => {
    expect(render({ filter: 'nb-m' }).model.rows.map((r) => r.key)).toEqual(['nb000001']);
    expect(render({ filter: '^cr' }).model.rows.map((r) => r.key)).toEqual(['cr000006']);
    expect(render({ filter: 'pend' }).model.rows.map((r) => r.key)).toContain('dt000002');
    expect(render({ filter: '!headless' }).model.rows.some((r) => r.type === 'group')).toBe(false);
  });

  it('matches an invalid regex as plain text and reports it', () => {
    const f = compileFilter('nb(');
    expect(f.error).toBeTruthy();
    expect(f.test(makeSession({ name: 'x-nb(1' }))).toBe(true);
    expect(f.test(makeSession({ name: 'nb1' }))).toBe(false);
  });

  it('sorts by the chosen column and reverses', () => {
    const keys = (view: Partial<ViewState>) =>
      render(
        view,
        demoSessions().filter((s) => s.kind !== 'headless'),
      ).model.rows.map((r) => r.key);
    expect(keys({ sort: { column: 'name', descending: false } })).toEqual(['cr000006', 'dt000002', 'nb000001']);
    expect(keys({ sort: { column: 'name', descending: true } })).toEqual(['nb000001', 'dt000002', 'cr000006']);
    expect(keys({ sort: { column: 'expires', descending: false } })[0]).toBe('cr000006');
    expect(keys({ sort: { column: 'status', descending: false } })[0]).toBe('dt000002');
  });
});

describe('sessions table: 1,000 sessions', () => {
  it('builds and renders a window of 1,000 sessions, every id reachable, only the visible rows formatted', () => {
    const sessions = Array.from({ length: 1000 }, (_, i) =>
      makeSession({ id: `s${String(i).padStart(7, '0')}`, name: `job${i}`, startedAt: minutesFromT0(-i), kind: i % 2 ? 'notebook' : 'desktop' }),
    );
    const v = { ...initialView(), tableTop: 990 };
    const model = buildTable(stateWith(sessions), v);
    expect(model.rows).toHaveLength(1000);
    expect(new Set(model.rows.map((r) => r.key)).size).toBe(1000);
    const lines = sessionsTableLines(model, { ...v, selected: model.rows[995].key }, { width: 160, height: 11 }, ctx, { synced: true }).map(stripTags);
    expect(lines).toHaveLength(11);
    expect(lines[1]).toContain('job990');
    expect(lines[10]).toContain('job999');
  });
});
