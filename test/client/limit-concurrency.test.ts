import { describe, expect, it } from 'vitest';
import { limitConcurrency, mapConcurrently, settleConcurrently } from '../../src/client/limit-concurrency.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('limitConcurrency', () => {
  it('never runs more than the limit at once and starts queued tasks in order', async () => {
    const run = limitConcurrency(2);
    const gates = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    let active = 0;
    let peak = 0;
    const all = gates.map((gate, i) =>
      run(async () => {
        started.push(i);
        peak = Math.max(peak, ++active);
        await gate.promise;
        active--;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    for (const gate of gates) {
      gate.resolve();
      await new Promise((r) => setImmediate(r));
    }
    expect(await Promise.all(all)).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
  });

  it('a failing task frees its slot', async () => {
    const run = limitConcurrency(1);
    await expect(run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(
      run(() => {
        throw new Error('sync boom');
      }),
    ).rejects.toThrow('sync boom');
    expect(await run(async () => 'next')).toBe('next');
  });

  it('mapConcurrently keeps order; settleConcurrently gives each item its own result', async () => {
    expect(await mapConcurrently([3, 1, 2], 2, async (n) => n * 10)).toEqual([30, 10, 20]);
    const settled = await settleConcurrently(['a', 'b'], 4, async (s) => {
      if (s === 'b') throw new Error('bad b');
      return s.toUpperCase();
    });
    expect(settled[0]).toEqual({ status: 'fulfilled', value: 'A' });
    expect(settled[1].status).toBe('rejected');
  });
});
