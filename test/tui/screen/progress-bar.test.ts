// A replica group's progress bar reads the same on the selected row (reverse video) as on any other.
import { describe, expect, it } from 'vitest';
import { FakeConnection } from '../helpers/fake-connection.js';
import { useHeadlessDashboard } from '../helpers/headless-harness.js';
import { stateWith } from '../helpers/states.js';
import { makeSession } from '../../helpers/builders.js';
import type { Headless } from '../helpers/headless.js';

const start = useHeadlessDashboard();

type Cell = [number, string];
const INVERSE = 8;
const inverse = (attr: number) => ((attr >> 18) & INVERSE) !== 0;

// What a cell looks like: a full block in reverse video is a cell of background colour (it reads
// empty), a light shade reads as a dark one; any other glyph keeps its shape either way.
function looks([attr, ch]: Cell): string {
  if (!inverse(attr)) return ch;
  return ch === '█' ? ' ' : ch === ' ' ? '█' : ch === '░' ? '▓' : ch === '▓' ? '░' : ch;
}

/** The bar of the group row whose text matches `done` ("3/3 done"), as it looks on screen. */
function bar(h: Headless, done: string): string {
  const rows = (h.widgets.screen as unknown as { lines: Cell[][] }).lines;
  const row = rows.find((r) =>
    r
      .map((c) => c[1])
      .join('')
      .includes(done),
  )!;
  const text = row.map((c) => c[1]).join('');
  return row
    .slice(text.indexOf('[') + 1, text.indexOf(']'))
    .map(looks)
    .join('');
}

const job = (id: string, name: string, status: string) => makeSession({ id, name, kind: 'headless', status, url: null, expiresAt: null });

describe('a replica group progress bar', () => {
  it('a full bar looks full on the selected row too, and done differs from left in shape, not only in colour', async () => {
    const sessions = [
      job('fa000001', 'all-1', 'Completed'),
      job('fa000002', 'all-2', 'Completed'),
      job('fb000001', 'some-1', 'Completed'),
      job('fb000002', 'some-2', 'Running'),
      makeSession({ id: 'nb000001' }),
    ];
    const { h } = await start(new FakeConnection(stateWith(sessions)), { env: { NO_COLOR: '1' } });
    await h.keys('a');
    const unselected = { full: bar(h, '2/2 done'), half: bar(h, '1/2 done') };
    expect(unselected.full).toHaveLength(10);
    // Select each group row in turn: its bar must look as it did.
    const keys = h.dashboard
      .model()
      .table.rows.filter((r) => r.type === 'group')
      .map((r) => r.key);
    for (const key of keys) {
      await h.keys('g');
      while (h.dashboard.model().view.selected !== key) await h.keys('j');
      expect({ full: bar(h, '2/2 done'), half: bar(h, '1/2 done') }).toEqual(unselected);
    }
    const [done, left] = [...new Set(unselected.half)];
    expect(unselected.half).toBe(done.repeat(5) + left.repeat(5));
    expect(unselected.full).toBe(done.repeat(10));
    expect(done).not.toBe(left);
  });
});
