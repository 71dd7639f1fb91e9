// When the dashboard wakes on its own: the next flash or highlight end, or the clock's next tick.
import { describe, expect, it } from 'vitest';
import { nextWake } from '../../tui/controller/wake.js';
import type { DashboardModel } from '../../tui/render/frame.js';
import { initialView } from '../../tui/view-state.js';
import { buildTable } from '../../tui/render/table-rows.js';
import { makeSession, minutesFromT0, T0 } from '../helpers/builders.js';
import { stateWith } from './helpers/states.js';

function modelWith(highlightUntil: number): DashboardModel {
  const state = stateWith([makeSession({ id: 'a1', expiresAt: minutesFromT0(5) })]);
  const view = { ...initialView(), highlights: { a1: { kind: 'new' as const, until: highlightUntil } } };
  return {
    state,
    connection: { state: 'connected', since: T0, attempt: 0, lastError: null, nextRetryAt: null },
    view,
    table: buildTable(state, view),
    events: null,
    apps: null,
    images: null,
    serverUrl: null,
    user: null,
    readonly: false,
    demo: false,
    otherConnection: null,
  };
}

describe('nextWake', () => {
  it('wakes at the earliest of a highlight end and the next second tick', () => {
    expect(nextWake(modelWith(T0 + 300), T0 + 100)).toBe(T0 + 300);
    expect(nextWake(modelWith(T0 + 3000), T0 + 100)).toBe(T0 + 1000);
  });

  it('wakes at once for a highlight that fell due while its frame waited, though a later tick is set', () => {
    expect(nextWake(modelWith(T0 + 50), T0 + 100)).toBe(T0 + 101);
  });
});
