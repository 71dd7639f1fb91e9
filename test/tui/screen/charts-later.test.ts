// The binary makes the Resources pane's charts (blessed-contrib) right after its first frame, which
// has no history to chart yet: that frame is laid out for them all the same, and they draw once made.
import { afterEach, describe, expect, it } from 'vitest';
import { FakeConnection } from '../helpers/fake-connection.js';
import { startHeadless, type Headless } from '../helpers/headless.js';
import { demoSessions, stateWith } from '../helpers/states.js';
import { initialState } from '../../../src/state/state.js';

let h: Headless | null = null;
afterEach(async () => {
  await h?.destroy();
  h = null;
});

const BRAILLE = /[\u2800-\u28ff]/;

describe('charts made after the first frame', () => {
  it('none while connecting; the first frame with the state makes them, laid out as before; they draw once history comes', async () => {
    const full = stateWith(demoSessions());
    const connection = new FakeConnection(null);
    h = await startHeadless(connection, { chartsLater: true });
    expect(h.widgets.charts).toBeNull();
    expect(h.widgets.wantsCharts).toBe(true);
    // The welcome holds no histories: the pane has the charts' layout (legends, the rule between halves), no braille.
    connection.state = { ...full, usage: {}, statsHistory: initialState().statsHistory };
    connection.pushStatus({ state: 'connected' });
    connection.pushState(connection.state, 'snapshot');
    await h.settle();
    expect(h.widgets.charts).not.toBeNull();
    expect(h.text()).toMatch(/Platform CPU {2}80% 800\/1000 cores +│/);
    expect(BRAILLE.test(h.text())).toBe(false);
    connection.pushState(full);
    await h.settle();
    expect(h.text()).toMatch(/100⡇/);
    expect(BRAILLE.test(h.text())).toBe(true);
  });

  it('draws the same screen as charts made up front', async () => {
    const later = await startHeadless(new FakeConnection(stateWith(demoSessions())), { chartsLater: true });
    const now = await startHeadless(new FakeConnection(stateWith(demoSessions())));
    try {
      expect(later.text()).toBe(now.text());
    } finally {
      await later.destroy();
      await now.destroy();
    }
  });
});
