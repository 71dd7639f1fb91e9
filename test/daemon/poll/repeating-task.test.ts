import { describe, expect, it } from 'vitest';
import { RepeatingTask, type TaskOutcome } from '../../../daemon/poll/repeating-task.js';
import { FakeClock } from '../../helpers/fake-clock.js';

/** A task whose runs finish only when the test says so. */
function controllableTask() {
  const releases: Array<(error?: Error) => void> = [];
  let started = 0;
  const run = () =>
    new Promise<void>((resolve, reject) => {
      started++;
      releases.push((error) => (error ? reject(error) : resolve()));
    });
  return { run, releases, started: () => started };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('RepeatingTask', () => {
  it('never overlaps: the next run is scheduled only after the previous one ends', async () => {
    const clock = new FakeClock();
    const task = controllableTask();
    const loop = new RepeatingTask({ clock, run: task.run, nextDelay: () => 1_000 });
    loop.start();
    clock.advance(0);
    expect(task.started()).toBe(1);
    clock.advance(10_000);
    expect(task.started()).toBe(1);
    task.releases[0]();
    await flush();
    clock.advance(999);
    expect(task.started()).toBe(1);
    clock.advance(1);
    expect(task.started()).toBe(2);
  });

  it('runNow joins the run in flight instead of starting another', async () => {
    const clock = new FakeClock();
    const task = controllableTask();
    const loop = new RepeatingTask({ clock, run: task.run, nextDelay: () => 1_000 });
    const first = loop.runNow();
    const second = loop.runNow();
    expect(second).toBe(first);
    expect(task.started()).toBe(1);
    task.releases[0]();
    await first;
  });

  it('passes failures to nextDelay and keeps going', async () => {
    const clock = new FakeClock();
    const task = controllableTask();
    const outcomes: TaskOutcome[] = [];
    const loop = new RepeatingTask({ clock, run: task.run, nextDelay: (o) => (outcomes.push(o), 5_000) });
    loop.start();
    clock.advance(0);
    task.releases[0](new Error('boom'));
    await flush();
    expect(outcomes).toEqual([{ ok: false, error: new Error('boom') }]);
    clock.advance(5_000);
    expect(task.started()).toBe(2);
  });

  it('stop cancels the next run and a run in flight schedules nothing', async () => {
    const clock = new FakeClock();
    const task = controllableTask();
    const loop = new RepeatingTask({ clock, run: task.run, nextDelay: () => 1_000 });
    loop.start();
    clock.advance(0);
    loop.stop();
    task.releases[0]();
    await flush();
    clock.advance(60_000);
    expect(task.started()).toBe(1);
    expect(clock.pending()).toBe(0);
  });
});
