import { describe, expect, it } from 'vitest';
import { HookQueue } from '../../../daemon/notify/hook-queue.js';
import { HookDispatcher } from '../../../daemon/runtime/hook-dispatch.js';
import { silentLogger, type Logger } from '../../../src/ports/logger.js';

/** A job that runs until released, recording when it started. */
function gate(log: string[], name: string) {
  let release = (): void => undefined;
  const job = () => {
    log.push(`start ${name}`);
    return new Promise<void>((resolve) => (release = resolve));
  };
  return { job, release: () => release() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('HookQueue', () => {
  it('runs at most `concurrency` jobs; a queued job starts (and so is timed) only when a slot frees, in order', async () => {
    const log: string[] = [];
    const queue = new HookQueue(() => ({ concurrency: 2, limit: 10 }));
    const gates = ['a', 'b', 'c', 'd'].map((n) => gate(log, n));
    for (const g of gates) expect(queue.push(g.job)).toBe(true);
    expect(log).toEqual(['start a', 'start b']);
    expect(queue.size).toEqual({ running: 2, waiting: 2 });
    gates[1].release();
    await tick();
    expect(log).toEqual(['start a', 'start b', 'start c']);
    gates[0].release();
    gates[2].release();
    await tick();
    expect(log).toEqual(['start a', 'start b', 'start c', 'start d']);
    const idle = queue.idle();
    gates[3].release();
    await idle;
    expect(queue.size).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses jobs beyond the limit, and survives jobs that throw or reject', async () => {
    const queue = new HookQueue(() => ({ concurrency: 1, limit: 1 }));
    const log: string[] = [];
    const first = gate(log, 'first');
    expect(queue.push(first.job)).toBe(true);
    expect(queue.push(() => Promise.reject(new Error('boom')))).toBe(true);
    expect(queue.push(() => Promise.resolve())).toBe(false);
    first.release();
    await queue.idle();
    expect(
      queue.push(() => {
        throw new Error('sync');
      }),
    ).toBe(true);
    await queue.idle();
    expect(queue.size).toEqual({ running: 0, waiting: 0 });
  });

  it('HookDispatcher logs one line per batch for the runs it had to drop', async () => {
    const warnings: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (message) => void warnings.push(message) };
    const dispatcher = new HookDispatcher(
      () => [{ command: 'true', events: ['session:added'] }],
      logger,
      () => ({ concurrency: 1, limit: 2 }),
    );
    dispatcher.run(Array.from({ length: 10 }, (_, i) => ({ kind: 'session:added', sessionId: `s${i}` })));
    dispatcher.run([{ kind: 'session:removed' }]);
    expect(warnings).toEqual(['hook queue full: 7 hook runs were dropped']);
    await dispatcher.idle(10_000);
  });
});
