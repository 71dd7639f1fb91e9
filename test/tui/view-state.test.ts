import { describe, expect, it } from 'vitest';
import { FLASH_MS, HIGHLIGHT_MS, initialView, reduceView, type ViewAction, type ViewState } from '../../tui/view-state.js';
import { newLaunchForm, type FormEnv } from '../../tui/form/launch-form.js';
import { nextTableFit } from '../../tui/view-sync.js';
import { makeSession, T0 } from '../helpers/builders.js';

const rows = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const info = { rows, page: 3 };
const run = (view: ViewState, ...actions: ViewAction[]) => actions.reduce(reduceView, view);
const start = () => run(initialView(), { type: 'sync-rows', ...info });

describe('view reducer: selection', () => {
  it('selects the first row on the first sync', () => {
    expect(start()).toMatchObject({ selected: 'a', selectedIndex: 0, tableTop: 0 });
  });

  it('moves with ↑/↓ (j/k), clamps at the ends, and scrolls just enough', () => {
    const down = run(start(), { type: 'move', delta: 1, ...info }, { type: 'move', delta: 1, ...info }, { type: 'move', delta: 1, ...info });
    expect(down).toMatchObject({ selected: 'd', tableTop: 1 });
    expect(run(down, { type: 'move', delta: -10, ...info })).toMatchObject({ selected: 'a', tableTop: 0 });
    expect(run(down, { type: 'move', delta: 100, ...info })).toMatchObject({ selected: 'h', tableTop: 5 });
  });

  it('pages with PgUp/PgDn and jumps with g/G', () => {
    expect(run(start(), { type: 'move', delta: 3, ...info }).selected).toBe('d');
    expect(run(start(), { type: 'move-to', to: 'last', ...info })).toMatchObject({ selected: 'h', tableTop: 5 });
    expect(run(start(), { type: 'move-to', to: 'last', ...info }, { type: 'move-to', to: 'first', ...info })).toMatchObject({ selected: 'a', tableTop: 0 });
  });

  it('selects a clicked row by key', () => {
    expect(run(start(), { type: 'select', key: 'f', ...info }).selected).toBe('f');
    const same = start();
    expect(reduceView(same, { type: 'select', key: 'zz', ...info })).toBe(same);
  });

  it('keeps the selection on its session when rows are re-ordered, and on the same index when it vanishes', () => {
    const atC = run(start(), { type: 'select', key: 'c', ...info });
    expect(run(atC, { type: 'sync-rows', rows: ['c', 'a', 'b'], page: 3 })).toMatchObject({ selected: 'c', selectedIndex: 0 });
    expect(run(atC, { type: 'sync-rows', rows: ['a', 'b', 'd', 'e'], page: 3 }).selected).toBe('d');
    expect(run(atC, { type: 'sync-rows', rows: [], page: 3 }).selected).toBeNull();
  });
});

describe('view reducer: rows that change under the cursor', () => {
  const sync = (view: ViewState, rows: string[], extra: Partial<Parameters<typeof reduceView>[1] & { type: 'sync-rows' }> = {}) =>
    reduceView(view, { type: 'sync-rows', rows, page: 3, ...extra });

  it('moves a vanished selection to the row after it that is still there, else the one before', () => {
    const atC = run(start(), { type: 'select', key: 'c', ...info });
    expect(sync(atC, ['b', 'a', 'e', 'd'], { before: rows }).selected).toBe('d');
    expect(sync(atC, ['a', 'b'], { before: ['a', 'b', 'c'] }).selected).toBe('b');
  });

  it('never rests on a gone row: moves pass over it in their direction, a sync steps off it', () => {
    const gone = { gone: ['b', 'c'] };
    expect(run(start(), { type: 'move', delta: 1, ...info, ...gone }).selected).toBe('d');
    const atD = run(start(), { type: 'select', key: 'd', ...info });
    expect(run(atD, { type: 'move', delta: -1, ...info, ...gone }).selected).toBe('a');
    expect(run(start(), { type: 'select', key: 'b', ...info, ...gone }).selected).toBe('a');
    const atB = run(start(), { type: 'select', key: 'b', ...info });
    expect(sync(atB, rows, { ...gone, before: rows }).selected).toBe('d');
    expect(sync(atB, ['a', 'b'], { gone: ['a', 'b'] }).selected).toBeNull();
  });

  it('drops marks that are not live, and ids of an open confirmation that are not listed (closing it when empty)', () => {
    const marked = run(
      start(),
      { type: 'toggle-marks', ids: ['a', 'b', 'c'] },
      { type: 'open-modal', modal: { type: 'confirm', action: 'delete', ids: ['a', 'b'] } },
    );
    const after = sync(marked, rows, { live: new Set(['a', 'c']), listed: new Set(['a', 'c']) });
    expect(after.marks).toEqual(['a', 'c']);
    expect(after.modal).toEqual({ type: 'confirm', action: 'delete', ids: ['a'] });
    expect(sync(after, rows, { listed: new Set(['c']) }).modal).toBeNull();
    expect(sync(marked, rows).marks).toEqual(['a', 'b', 'c']);
  });

  it('sizes the table to its rows with a spare one, growing at once and shrinking only past a slack', () => {
    expect(nextTableFit(null, 3)).toBe(4);
    expect(nextTableFit(null, 0)).toBe(2);
    expect(nextTableFit(4, 4)).toBe(4);
    expect(nextTableFit(4, 5)).toBe(6);
    expect(nextTableFit(6, 3)).toBe(6);
    expect(nextTableFit(6, 2)).toBe(3);
    expect(start().tableFit).toBe(9);
    expect(sync(start(), rows.slice(0, 6)).tableFit).toBe(9);
    expect(sync(start(), rows.slice(0, 5)).tableFit).toBe(6);
  });
});

describe('view reducer: panes, filter, sort, marks', () => {
  it('cycles panes with Tab (logs only once open) and focuses one', () => {
    expect(run(start(), { type: 'focus-next', logsOpen: false }).focus).toBe('details');
    expect(run(start(), { type: 'focus-next', logsOpen: false }, { type: 'focus-next', logsOpen: false }).focus).toBe('table');
    expect(run(start(), { type: 'focus-next', logsOpen: true }, { type: 'focus-next', logsOpen: true }).focus).toBe('logs');
    expect(run(start(), { type: 'focus', pane: 'logs' }).focus).toBe('logs');
  });

  it('edits the filter live, commits with Enter, cancels back to the old one with Esc', () => {
    const typing = run(
      start(),
      { type: 'filter-start' },
      { type: 'filter-input', text: '!' },
      { type: 'filter-input', text: 'n' },
      { type: 'filter-input', text: 'x' },
      { type: 'filter-backspace' },
    );
    expect(typing).toMatchObject({ filterEditing: true, filter: '!n' });
    expect(run(typing, { type: 'filter-commit' })).toMatchObject({ filterEditing: false, filter: '!n' });
    const again = run(typing, { type: 'filter-commit' }, { type: 'filter-start' }, { type: 'filter-input', text: 'q' }, { type: 'filter-cancel' });
    expect(again).toMatchObject({ filterEditing: false, filter: '!n' });
  });

  it('cycles the sort column with s and reverses with S', () => {
    const sorted = run(start(), { type: 'sort-next' });
    expect(sorted.sort).toEqual({ column: 'name', descending: false });
    expect(run(sorted, { type: 'sort-reverse' }).sort).toEqual({ column: 'name', descending: true });
  });

  it('toggles all/active with a', () => {
    expect(run(start(), { type: 'toggle-all' }).showAll).toBe(true);
    expect(run(start(), { type: 'toggle-all' }, { type: 'toggle-all' }).showAll).toBe(false);
  });

  it('marks with Space; a group toggles as one', () => {
    const marked = run(start(), { type: 'toggle-marks', ids: ['a'] }, { type: 'toggle-marks', ids: ['b', 'c'] });
    expect(marked.marks).toEqual(['a', 'b', 'c']);
    expect(run(marked, { type: 'toggle-marks', ids: ['b', 'c'] }).marks).toEqual(['a']);
    expect(run(marked, { type: 'toggle-marks', ids: ['c', 'd'] }).marks).toEqual(['a', 'b', 'c', 'd']);
    expect(run(marked, { type: 'clear-marks' }).marks).toEqual([]);
  });

  it('expands and collapses groups', () => {
    expect(run(start(), { type: 'toggle-expand', key: 'g1' }).expanded).toEqual(['g1']);
    expect(run(start(), { type: 'toggle-expand', key: 'g1' }, { type: 'toggle-expand', key: 'g1' }).expanded).toEqual([]);
  });
});

describe('view reducer: dialogs, flashes, highlights, logs', () => {
  const env: FormEnv = { context: null, images: [], sessions: [], launches: [] };

  it('opens and closes dialogs, scrolls help', () => {
    const help = run(start(), { type: 'open-modal', modal: { type: 'help' } }, { type: 'modal-scroll', delta: 3 });
    expect(help).toMatchObject({ modal: { type: 'help' }, modalTop: 3 });
    expect(run(help, { type: 'modal-scroll', delta: -10 }).modalTop).toBe(0);
    expect(run(help, { type: 'close-modal' }).modal).toBeNull();
  });

  it('routes form actions to the open launch form only', () => {
    const open = run(start(), { type: 'open-modal', modal: { type: 'launch', form: newLaunchForm(env) } }, { type: 'form', action: { type: 'right' }, env });
    expect(open.modal?.type === 'launch' && open.modal.form.kind).toBe('desktop');
    const none = start();
    expect(reduceView(none, { type: 'form', action: { type: 'right' }, env })).toBe(none);
  });

  it('shows a flash for a time by level and expires it', () => {
    const flashed = run(start(), { type: 'flash', level: 'warn', text: 'hm', now: T0 });
    expect(flashed.flash).toEqual({ level: 'warn', text: 'hm', until: T0 + FLASH_MS.warn });
    expect(run(flashed, { type: 'expire', now: T0 + FLASH_MS.warn - 1 }).flash).not.toBeNull();
    expect(run(flashed, { type: 'expire', now: T0 + FLASH_MS.warn }).flash).toBeNull();
    expect(FLASH_MS.error).toBeGreaterThan(FLASH_MS.info);
  });

  it('highlights new, changed and removed rows for a moment, keeping removed ones as ghosts', () => {
    const gone = makeSession({ id: 'z' });
    const lit = run(start(), {
      type: 'highlight',
      changes: [
        { id: 'a', kind: 'new' },
        { id: 'z', kind: 'removed' },
      ],
      removed: [gone],
      now: T0,
    });
    expect(lit.highlights.a).toEqual({ kind: 'new', until: T0 + HIGHLIGHT_MS });
    expect(lit.ghosts.z).toBe(gone);
    const later = run(lit, { type: 'expire', now: T0 + HIGHLIGHT_MS });
    expect(later.highlights).toEqual({});
    expect(later.ghosts).toEqual({});
    const same = start();
    expect(reduceView(same, { type: 'highlight', changes: [], removed: [], now: T0 })).toBe(same);
  });

  it('keeps optimistic Pending rows until the daemon lists them', () => {
    const p = run(start(), { type: 'pending-add', sessions: [makeSession({ id: 'new1', status: 'Pending' })] });
    expect(Object.keys(p.pending)).toEqual(['new1']);
    expect(run(p, { type: 'pending-drop', ids: ['new1'] }).pending).toEqual({});
    expect(reduceView(p, { type: 'pending-drop', ids: ['other'] })).toBe(p);
  });

  it('arms and disarms open-when-ready; watches launches until ready', () => {
    const armed = run(start(), { type: 'arm-open', id: 'a' }, { type: 'arm-open', id: 'a' });
    expect(armed.openWhenReady).toEqual(['a']);
    expect(run(armed, { type: 'disarm-open', id: 'a' }).openWhenReady).toEqual([]);
    const watched = run(start(), { type: 'watch-ready', ids: ['x', 'y'] }, { type: 'watch-ready', ids: ['x'] }, { type: 'unwatch-ready', id: 'y' });
    expect(watched.readyWatch).toEqual(['x']);
  });

  it('switches details to events (focusing details) and scrolls details', () => {
    const ev = run(start(), { type: 'details-mode', mode: 'events' }, { type: 'details-scroll', delta: 2 });
    expect(ev).toMatchObject({ detailsMode: 'events', focus: 'details', detailsTop: 2 });
    expect(run(ev, { type: 'details-scroll', delta: -5 }).detailsTop).toBe(0);
    expect(run(ev, { type: 'move', delta: 1, ...info })).toMatchObject({ detailsMode: 'details', detailsTop: 0 });
  });

  it('passes log actions to the log pane and toggles full screen (focusing logs)', () => {
    const logs = run(start(), { type: 'log', action: { type: 'open', sessionId: 'a' } }, { type: 'logs-full' });
    expect(logs.logs.sessionId).toBe('a');
    expect(logs).toMatchObject({ logsFull: true, focus: 'logs' });
    expect(run(logs, { type: 'logs-full' }).logsFull).toBe(false);
  });

  it('goes back one step at a time with Esc', () => {
    const busy = run(
      start(),
      { type: 'filter-start' },
      { type: 'filter-input', text: 'x' },
      { type: 'filter-commit' },
      { type: 'toggle-marks', ids: ['a'] },
      { type: 'log', action: { type: 'open', sessionId: 'a' } },
      { type: 'logs-full' },
      { type: 'open-modal', modal: { type: 'help' } },
    );
    const steps: Partial<ViewState>[] = [];
    let v = busy;
    for (let i = 0; i < 6; i++) {
      v = reduceView(v, { type: 'back' });
      steps.push({ modal: v.modal, logsFull: v.logsFull, focus: v.focus, marks: v.marks, filter: v.filter });
    }
    expect(steps[0]).toMatchObject({ modal: null, logsFull: true });
    expect(steps[1]).toMatchObject({ logsFull: false, focus: 'logs' });
    expect(steps[2]).toMatchObject({ focus: 'table', marks: ['a'] });
    expect(steps[3]).toMatchObject({ marks: [], filter: 'x' });
    expect(steps[4]).toMatchObject({ filter: '' });
    expect(reduceView(v, { type: 'back' })).toBe(v);
    const editing = run(start(), { type: 'filter-start' }, { type: 'filter-input', text: 'y' });
    expect(reduceView(editing, { type: 'back' })).toMatchObject({ filterEditing: false, filter: '' });
  });
});
