import { describe, expect, it } from 'vitest';
import { gaugeBar, gaugeLine, resourceGauges, resourcesLines, sparkline } from '../../../tui/render/gauges.js';
import { renderContext } from '../../../tui/render/context.js';
import { ASCII_GLYPHS, UNICODE_GLYPHS, glyphsFor, isUtf8Locale } from '../../../tui/render/glyphs.js';
import { stripTags } from '../../../tui/render/paint.js';
import { toAscii } from '../../../tui/render/ascii.js';
import { initialState } from '../../../src/state/state.js';
import { makeSession, T0 } from '../../helpers/builders.js';
import { stateWith } from '../helpers/states.js';

const ctx = renderContext({ now: T0 });

describe('bars and sparklines', () => {
  it('fills a bar to the fraction, clamped', () => {
    expect(gaugeBar(0.5, 10, UNICODE_GLYPHS)).toBe('█████░░░░░');
    expect(gaugeBar(2, 4, UNICODE_GLYPHS)).toBe('████');
    expect(gaugeBar(-1, 4, ASCII_GLYPHS)).toBe('....');
  });

  it('scales a sparkline to the given max, keeps the newest values, blanks nulls', () => {
    expect(sparkline([0, 5, 10], 3, UNICODE_GLYPHS, 10)).toBe('▁▅█');
    expect(sparkline([1, 2, 3, 4, 5, 6], 3, UNICODE_GLYPHS, 6)).toBe('▆▇█');
    expect(sparkline([null, 10], 4, UNICODE_GLYPHS, 10)).toBe('   █');
    expect(sparkline([0, 10], 2, ASCII_GLYPHS, 10)).toBe('_#');
  });

  it('picks ASCII glyphs when the locale is not UTF-8', () => {
    expect(isUtf8Locale({ LANG: 'en_CA.UTF-8' })).toBe(true);
    expect(isUtf8Locale({ LC_ALL: 'C', LANG: 'en_CA.UTF-8' })).toBe(false);
    expect(glyphsFor({ LANG: 'C' })).toBe(ASCII_GLYPHS);
    expect(glyphsFor({})).toBe(ASCII_GLYPHS);
  });

  it('replaces typographic characters one for one, so columns stay aligned', () => {
    expect(toAscii('stale since 14:02 — x… ↑ café')).toBe('stale since 14:02 - x~ ^ caf?');
    expect(toAscii('{red-fg}ok{/red-fg}')).toBe('{red-fg}ok{/red-fg}');
  });
});

describe('resources pane', () => {
  it('shows platform CPU and RAM allocation with history, and the selected session used/requested with its history (full at once)', () => {
    const session = makeSession({ id: 'nb1', name: 'nb-main' });
    const state = stateWith([session]);
    const specs = resourceGauges(state, session);
    expect(specs.map((s) => [s.label, s.tag ?? ''].join(' ').trim())).toEqual(['Platform CPU', 'Platform RAM', 'nb-main CPU', 'nb-main RAM']);
    expect(specs[0].history).toHaveLength(30);
    expect(specs[2].history).toHaveLength(20);
    const lines = resourcesLines(state, session, 90, ctx).map(stripTags);
    expect(lines[0]).toMatch(/^Platform CPU\s+\[█+░*\]\s+80% 800\/1000 cores\s+[▁-█]{20,}$/);
    expect(lines[1]).toMatch(/Platform RAM\s+\[.*\]\s+33% 2421\/7451 GiB/);
    expect(lines[2]).toMatch(/nb-main CPU\s+\[.*\]\s+13% 0\.25\/2/);
    expect(lines[3]).toMatch(/nb-main RAM\s+\[.*\]\s+14% 1\.1\/8 GiB/);
  });

  it('fits a narrow pane: full label and numbers, no unit, at least one cell for any use', () => {
    const line = stripTags(
      gaugeLine({ label: 'Platform CPU', used: 16.85, total: 256, format: String, unit: 'cores', history: [1, 2], historyMax: 256 }, 37, ctx),
    );
    expect([...line].length).toBeLessThanOrEqual(37);
    expect(line).toMatch(/^Platform CPU\s+\[█░{5}\]\s+7% 16\.85\/256/);
    expect(line).not.toContain('cores');
  });

  it('cuts a long session name but always keeps CPU/RAM', () => {
    const line = stripTags(
      gaugeLine({ label: 'a-very-long-session-name', tag: 'RAM', used: 1, total: 2, format: String, history: [], historyMax: 2 }, 40, ctx),
    );
    expect(line).toMatch(/^a-very-l… RAM\s+\[/);
  });

  it('colours by load: green, amber from 70 %, red from 90 %', () => {
    const line = (used: number) => gaugeLine({ label: 'x', used, total: 100, format: String, history: [], historyMax: 100 }, 80, ctx);
    expect(line(50)).toContain('{green-fg}');
    expect(line(75)).toContain('{yellow-fg}');
    expect(line(95)).toContain('{red-fg}');
  });

  it('says when stats or usage are missing instead of drawing zeros', () => {
    const lines = resourcesLines(initialState(), makeSession({ cpu: { requested: 2, used: null }, ramGB: { requested: 8, used: null } }), 80, ctx).map(
      stripTags,
    );
    expect(lines[0]).toBe('Platform stats not read yet.');
    expect(lines.at(-1)).toBe('No usage reported yet.');
    expect(lines[1]).toMatch(/CPU\s+\[░+\]\s+-\s+-\/2/);
  });
});
