import { describe, expect, it } from 'vitest';
import { applyHistoryResult, historyResult, historyResultProblem } from '../../src/protocol/history-result.js';
import { decode, encode, isFrameError } from '../../src/protocol/codec.js';
import { okResponse } from '../../src/protocol/messages/response.js';
import { clientSnapshot } from '../../src/protocol/patch.js';
import { MAX_HISTORY_FRAME_BYTES } from '../../src/protocol/version.js';
import { reduce } from '../../src/state/reduce.js';
import { initialState, type DaemonState } from '../../src/state/state.js';
import { appendUsage, emptyUsage, type UsageHistory } from '../../src/state/usage.js';
import { makeSession, T0 } from '../state/builders.js';

/** A state with `count` sessions, each with `points` usage samples 10 s apart. */
function stateOf(count: number, points: number): DaemonState {
  const sessions = Array.from({ length: count }, (_, i) => makeSession({ id: `s${String(i).padStart(5, '0')}` }));
  const state = reduce(initialState(), { type: 'poll.succeeded', sessions, at: T0 });
  let history: UsageHistory | undefined;
  for (let k = 0; k < points; k++) history = appendUsage(history, { t: T0 - (points - k) * 10_000, cpu: 0.123 * (k % 7), ram: 1.5 + k / 1000 });
  const usage: DaemonState['usage'] = {};
  for (const s of sessions) usage[s.id] = history!;
  return { ...state, usage };
}

describe('history results', () => {
  it('fill at most the byte budget and name the ids left over, so asking again covers them all', () => {
    const state = stateOf(300, 360);
    const all = Object.keys(state.sessions);
    const budget = 64 * 1024;
    const seen = new Set<string>();
    let ids = all;
    let responses = 0;
    while (ids.length > 0) {
      const result = historyResult(state, { ids }, budget);
      const frame = encode(okResponse('1', result));
      expect(Buffer.byteLength(frame)).toBeLessThanOrEqual(budget + 1024);
      expect(Object.keys(result.usage).length).toBeGreaterThan(0);
      for (const id of Object.keys(result.usage)) seen.add(id);
      ids = result.rest;
      responses++;
    }
    expect(seen).toEqual(new Set(all));
    expect(responses).toBeGreaterThan(5);
  });

  it('send the default budget as one frame a client decodes, with unknown ids named and empty histories for sessions without use', () => {
    const state = stateOf(3, 20);
    const bare = { ...state, usage: { s00000: state.usage.s00000 } };
    const result = historyResult(bare, { ids: ['s00000', 's00001', 'nope', 's00000'], stats: true });
    expect(result.unknown).toEqual(['nope']);
    expect(result.rest).toEqual([]);
    expect(Object.keys(result.usage)).toEqual(['s00000', 's00001']);
    const frame = decode(encode(okResponse('1', result)));
    if (isFrameError(frame) || frame.type !== 'response' || !frame.ok) throw new Error('not an ok response');
    expect(historyResultProblem(frame.result)).toBeNull();
    expect(Buffer.byteLength(encode(frame))).toBeLessThan(MAX_HISTORY_FRAME_BYTES);
    const client = applyHistoryResult(clientSnapshot(bare), frame.result as never);
    expect(client.usage.s00000).toEqual(bare.usage.s00000);
    expect(client.usage.s00001).toEqual(emptyUsage());
    expect(client.statsHistory).toEqual(bare.statsHistory);
  });

  it('always carry at least one history, even one over the budget (asking again must progress)', () => {
    const state = stateOf(2, 360);
    const result = historyResult(state, { ids: ['s00000', 's00001'] }, 10);
    expect(Object.keys(result.usage)).toEqual(['s00000']);
    expect(result.rest).toEqual(['s00001']);
  });

  it('are refused when malformed, and never put a history for an id the client does not know', () => {
    expect(historyResultProblem({ usage: { a: { tiers: 'x' } }, unknown: [], rest: [] })).toMatch(/history\.usage\.a/);
    const state = stateOf(1, 5);
    const client = applyHistoryResult(clientSnapshot(state), {
      usage: { ['__proto__']: emptyUsage().toJSON(), other: emptyUsage().toJSON() },
      unknown: [],
      rest: [],
    });
    expect(Object.keys(client.usage)).toEqual([]);
    expect(Object.getPrototypeOf(client.usage)).toBe(Object.prototype);
  });
});
