import { describe, expect, it } from 'vitest';
import { FlightCache } from '../../../daemon/runtime/flight-cache.js';
import { FakeClock } from '../../helpers/fake-clock.js';

/** A read whose answers the test releases, counting the calls. */
function gatedRead<T>() {
  const releases: Array<(value: T) => void> = [];
  const rejects: Array<(error: Error) => void> = [];
  const read = () =>
    new Promise<T>((resolve, reject) => {
      releases.push(resolve);
      rejects.push(reject);
    });
  return { read, calls: () => releases.length, release: (i: number, value: T) => releases[i](value), fail: (i: number, error: Error) => rejects[i](error) };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('FlightCache', () => {
  it('joins callers to the one read in flight per key, and reuses its answer while younger than the TTL', async () => {
    const clock = new FakeClock();
    const cache = new FlightCache(clock);
    const gate = gatedRead<string>();
    const waiting = Array.from({ length: 50 }, () => cache.get('context', 1_000, gate.read));
    await tick();
    expect(gate.calls()).toBe(1);
    gate.release(0, 'ctx');
    expect(await Promise.all(waiting)).toEqual(Array(50).fill('ctx'));
    clock.advance(999);
    expect(await cache.get('context', 1_000, gate.read)).toBe('ctx');
    expect(gate.calls()).toBe(1);
    clock.advance(1);
    const again = cache.get('context', 1_000, gate.read);
    await tick();
    expect(gate.calls()).toBe(2);
    gate.release(1, 'newer');
    expect(await again).toBe('newer');
  });

  it('keeps keys apart, forgets failures (the next caller reads again), and survives a read that throws at once', async () => {
    const clock = new FakeClock();
    const cache = new FlightCache(clock);
    const gate = gatedRead<number>();
    const a = cache.get('events:a', 1_000, gate.read);
    const b = cache.get('events:b', 1_000, gate.read);
    await tick();
    expect(gate.calls()).toBe(2);
    gate.fail(0, new Error('boom'));
    gate.release(1, 2);
    await expect(a).rejects.toThrow('boom');
    expect(await b).toBe(2);
    const retry = cache.get('events:a', 1_000, gate.read);
    await tick();
    expect(gate.calls()).toBe(3);
    gate.release(2, 1);
    expect(await retry).toBe(1);
    await expect(
      cache.get('x', 1_000, () => {
        throw new Error('no connection');
      }),
    ).rejects.toThrow('no connection');
    expect(await cache.get('x', 1_000, async () => 5)).toBe(5);
  });

  it('keeps at most its bound of answers, dropping the oldest (clients choose the keys)', async () => {
    const clock = new FakeClock();
    const cache = new FlightCache(clock, 3);
    for (const key of ['a', 'b', 'c', 'd']) cache.set(key, key);
    let reads = 0;
    const read = async () => `read-${++reads}`;
    expect(await cache.get('b', 1_000, read)).toBe('b');
    expect(await cache.get('d', 1_000, read)).toBe('d');
    expect(await cache.get('a', 1_000, read)).toBe('read-1');
  });
});
