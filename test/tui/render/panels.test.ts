import { describe, expect, it } from 'vitest';
import { detailsLines, eventLines } from '../../../tui/render/details.js';
import { footerLine } from '../../../tui/render/footer.js';
import { helpLines } from '../../../tui/render/help.js';
import { confirmLines } from '../../../tui/render/confirm.js';
import { renderContext } from '../../../tui/render/context.js';
import { stripTags } from '../../../tui/render/paint.js';
import { buildTable } from '../../../tui/render/table-rows.js';
import { KEYMAP } from '../../../tui/keys.js';
import { initialView, type ViewState } from '../../../tui/view-state.js';
import { makeSession, minutesFromT0, T0 } from '../../helpers/builders.js';
import { demoSessions, stateWith } from '../helpers/states.js';

const ctx = renderContext({ now: T0 });
const opts = { mode: 'details' as const, events: null, armed: false, top: 0, width: 100, height: 20 };

describe('details pane', () => {
  it('shows URL, image, times and resources of the selected session', () => {
    const s = makeSession({ id: 'nb000001', name: 'nb-main' });
    const lines = detailsLines(
      { type: 'session', key: s.id, session: s, depth: 0, highlight: null, ghost: false, marks: [] },
      { ...opts, width: 200 },
      ctx,
    ).map(stripTags);
    expect(lines[0]).toBe('nb-main (nb000001) notebook Running');
    expect(lines).toContain(`URL       ${s.url}`);
    expect(lines).toContain('Image     images.canfar.net/skaha/astroml:latest');
    expect(lines).toContain('Started   2026-11-22 11:00:00 UTC (1h ago)');
    expect(lines).toContain('Expires   2026-11-26 11:00:00 UTC (in 3d 23h)');
    expect(lines).toContain('CPU       0.25 used / 2 requested (fixed)');
    expect(lines).toContain('RAM       1.1 used / 8 requested GiB');
  });

  it('for a Pending session puts the latest events first: why it is waiting', () => {
    const s = makeSession({ id: 'p1', status: 'Pending' });
    const events = {
      sessionId: 'p1',
      error: null,
      events: [
        { type: 'Normal', reason: 'Scheduled', message: 'assigned to node-3', firstTime: null, lastTime: '2026-11-22T11:58:00Z' },
        {
          type: 'Warning',
          reason: 'FailedScheduling',
          message: '0/12 nodes are available: insufficient cpu',
          firstTime: null,
          lastTime: '2026-11-22T11:59:30Z',
        },
      ],
    };
    const lines = detailsLines({ type: 'session', key: 'p1', session: s, depth: 0, highlight: null, ghost: false, marks: [] }, { ...opts, events }, ctx);
    expect(stripTags(lines[1])).toBe('Why it is waiting (latest events):');
    expect(stripTags(lines[3])).toBe('11:59:30 Warning FailedScheduling: 0/12 nodes are available: insufficient cpu');
    expect(lines[3]).toContain('{yellow-fg}');
    expect(stripTags(detailsLines({ type: 'session', key: 'p1', session: s, depth: 0, highlight: null, ghost: false, marks: [] }, opts, ctx)[2])).toBe(
      'Loading events…',
    );
  });

  it('lists a replica group with counts and members', () => {
    const table = buildTable(stateWith(demoSessions()), initialView());
    const group = table.rows.find((r) => r.type === 'group')!;
    const lines = detailsLines(group, opts, ctx).map(stripTags);
    expect(lines[0]).toBe('replica group fit (3 replicas)');
    expect(lines.filter((l) => /^ {2}hl00000\d fit-\d/.test(l))).toHaveLength(3);
  });

  it('shows the events view, errors and an empty list', () => {
    expect(eventLines({ sessionId: 'a', events: [], error: null }, ctx).map(stripTags)).toEqual(['No events.']);
    expect(eventLines({ sessionId: 'a', events: [], error: 'SKAHA_NOT_FOUND: gone' }, ctx).map(stripTags)).toEqual(['SKAHA_NOT_FOUND: gone']);
  });

  it('scrolls within its height', () => {
    const s = makeSession();
    const lines = detailsLines(
      { type: 'session', key: s.id, session: s, depth: 0, highlight: null, ghost: false, marks: [] },
      { ...opts, top: 2, height: 3 },
      ctx,
    ).map(stripTags);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Image/);
  });

  it('says what to do when nothing is selected', () => {
    expect(detailsLines(null, opts, ctx).map(stripTags)).toEqual(['Select a session to see its details.']);
  });
});

describe('footer', () => {
  const view = (over: Partial<ViewState> = {}) => ({ ...initialView(), ...over });

  it('shows the key hints of the focused pane', () => {
    expect(stripTags(footerLine(view(), 200, ctx, false))).toMatch(
      /^Enter details\s+l logs\s+e events\s+n launch\s+r renew\s+d delete\s+Space mark\s+o open\s+\/ filter\s+x export\s+s sort\s+U usage\s+Tab pane\s+: cmd\s+\? help\s+q quit$/,
    );
    expect(stripTags(footerLine(view({ focus: 'logs' }), 200, ctx, false))).toMatch(/^f follow\s+w wrap\s+\/ search\s+n next\s+Ctrl-S save\s+F full/);
  });

  it('drops the least important hints first as the terminal narrows, never ? help and q quit', () => {
    for (const pane of ['table', 'details', 'logs'] as const) {
      for (const readonly of [false, true]) {
        let previous: string[] | null = null;
        for (let width = 200; width >= 16; width--) {
          const line = stripTags(footerLine(view({ focus: pane }), width, ctx, readonly));
          expect([...line].length, `${pane} at ${width}`).toBeLessThanOrEqual(width);
          expect(line, `${pane} at ${width}`).toMatch(/\? help {2}q quit$/);
          // Narrower never brings a hint back: each width shows a subset of the wider one, in the same order.
          const hints = line.split('  ');
          if (previous)
            expect(
              previous.filter((h) => hints.includes(h)),
              `${pane} at ${width}`,
            ).toEqual(hints);
          previous = hints;
        }
      }
    }
    const at100 = stripTags(footerLine(view(), 100, ctx, false));
    expect(at100).toMatch(/^Enter details {2}l logs {2}.*n launch {2}.*d delete.*Tab pane {2}\? help {2}q quit$/);
    expect(at100).not.toContain('s sort');
  });

  it('shows launch, renew and delete as disabled in read-only mode', () => {
    const line = stripTags(footerLine(view(), 200, ctx, true));
    expect(line).toContain('n launch(ro)');
    expect(line).toContain('d delete(ro)');
  });

  it('shows a flash by level until it expires', () => {
    expect(footerLine(view({ flash: { level: 'error', text: 'boom', until: T0 + 1 } }), 80, ctx, false)).toMatch(/^\{red-fg\}boom/);
    expect(footerLine(view({ flash: { level: 'warn', text: 'hmm', until: T0 + 1 } }), 80, ctx, false)).toMatch(/^\{yellow-fg\}hmm/);
    expect(stripTags(footerLine(view({ flash: { level: 'info', text: 'old', until: T0 } }), 80, ctx, false))).not.toContain('old');
  });

  it('shows the filter and search prompts while typing', () => {
    expect(stripTags(footerLine(view({ filterEditing: true, filter: '!nb' }), 80, ctx, false)).trimEnd()).toBe('filter (regex, !inverts): /!nb▏');
    const logs = { ...initialView().logs, searchEditing: true, draft: 'err' };
    expect(stripTags(footerLine(view({ logs }), 80, ctx, false)).trimEnd()).toBe('search log (regex): /err▏');
  });
});

describe('help', () => {
  it('lists every key of the keymap', () => {
    const text = helpLines(false, 100, ctx).map(stripTags).join('\n');
    for (const b of KEYMAP) expect(text).toContain(b.label);
    expect(text).toContain('Launch form');
  });

  it('marks mutating keys as disabled in read-only mode', () => {
    const text = helpLines(true, 100, ctx).map(stripTags).join('\n');
    expect(text).toContain('Read-only mode');
    expect(text).toMatch(/d\/Ctrl-D\s+delete \(asks first, listing what will go\) \(disabled: read-only\)/);
  });
});

describe('confirmation', () => {
  it('lists what will go and the equivalent command', () => {
    const sessions = [makeSession({ id: 'a1', name: 'one' }), makeSession({ id: 'b2', name: 'two', status: 'Pending', expiresAt: minutesFromT0(5) })];
    const lines = confirmLines('delete', sessions, 80, 10, ctx).map(stripTags);
    expect(lines[0]).toBe('Delete 2 sessions? This cannot be undone.');
    expect(lines).toContain('These will go:');
    expect(lines.some((l) => /a1\s+one\s+notebook\s+Running/.test(l))).toBe(true);
    expect(lines.some((l) => /b2\s+two\s+notebook\s+Pending/.test(l))).toBe(true);
    expect(lines).toContain('  skaha-tui delete a1 b2');
    expect(lines.at(-1)).toBe('[y] yes   [n] or Esc: no');
  });

  it('says how many more when the list is long', () => {
    const sessions = Array.from({ length: 12 }, (_, i) => makeSession({ id: `s${i}` }));
    const lines = confirmLines('renew', sessions, 80, 5, ctx).map(stripTags);
    expect(lines[0]).toBe('Renew 12 sessions? Their expiry moves later.');
    expect(lines).toContain('  … and 7 more');
  });

  it('puts the words in the number of one session', () => {
    expect(confirmLines('renew', [makeSession({ id: 'a1' })], 80, 5, ctx).map(stripTags)[0]).toBe('Renew 1 session? Its expiry moves later.');
    expect(confirmLines('delete', [makeSession({ id: 'a1' })], 80, 5, ctx).map(stripTags)[0]).toBe('Delete 1 session? This cannot be undone.');
  });
});
