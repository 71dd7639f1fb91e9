import { describe, expect, test } from 'vitest';
import { parseSimArgs } from '../../src/sim/cli-args.js';
import { runSimulatorCli } from '../../src/sim/cli.js';
import { applyFaultFlag } from '../../src/sim/fault-flags.js';

function capture(): { io: { stdout: { write(s: string): boolean }; stderr: { write(s: string): boolean } }; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: { write: (s: string) => ((out += s), true) },
      stderr: { write: (s: string) => ((err += s), true) },
    },
    out: () => out,
    err: () => err,
  };
}

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100_000 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
  if (!done()) throw new Error('condition never became true');
}

describe('skaha-tui sim', () => {
  test('--help prints usage and returns 0', async () => {
    const c = capture();
    expect(await runSimulatorCli(['--help'], c.io)).toBe(0);
    expect(c.out()).toContain('Usage: skaha-tui sim');
    expect(c.out()).toContain('--fault SPEC');
    expect(c.out()).toContain('docs/simulator.md');
    expect(c.out()).toMatch(/GET, PUT, PATCH or POST \/_sim\/faults/);
  });

  test('--fault switches the platform behaviours: queue, preempt, trouble, renew', () => {
    let faults = applyFaultFlag({}, 'queue=120');
    faults = applyFaultFlag(faults, 'preempt=30');
    faults = applyFaultFlag(faults, 'trouble=image-pull');
    faults = applyFaultFlag(faults, 'renew=error');
    expect(faults).toEqual({ queueSeconds: 120, preempt: { afterSeconds: 30, queuedSeconds: 60 }, trouble: 'image-pull', renew: 'error' });
    expect(applyFaultFlag({}, 'preempt=10:5').preempt).toEqual({ afterSeconds: 10, queuedSeconds: 5 });
    expect(() => applyFaultFlag({}, 'trouble=fire')).toThrow(
      '--fault trouble=fire: trouble must be one of oom, crash-loop, image-pull, unschedulable; got "fire"',
    );
    expect(() => applyFaultFlag({}, 'queue=soon')).toThrow('--fault queue=soon: the queue time must be a number');
  });

  test.each([
    [['--port', 'abc'], '--port needs an integer'],
    [['--speed', '0'], '--speed needs a positive number'],
    [['--bogus'], 'unknown option "--bogus"'],
    [['--seed'], '--seed needs a value'],
    [['--fault', 'explode'], 'unknown fault "explode"'],
    [['--fault', 'hang'], 'use hang:ENDPOINT'],
  ])('bad flags %j → a clear message and exit code 2', async (argv, message) => {
    const c = capture();
    expect(await runSimulatorCli(argv, c.io)).toBe(2);
    expect(c.err()).toContain(message);
    expect(c.err()).toContain("Run 'skaha-tui sim --help'");
  });

  test('starts, prints the URLs, tokens and export lines, serves requests, and stops on the signal', async () => {
    const c = capture();
    const stop = new AbortController();
    const done = runSimulatorCli(['--port', '0', '--seed', '5', '--speed', '10', '--max-sessions', '2', '--seed-demo', '--fault', 'stats-unavailable'], {
      ...c.io,
      signal: stop.signal,
    });
    await until(() => c.out().includes('Ctrl-C'));
    const url = /export SKAHA_URL=(\S+)/.exec(c.out())?.[1];
    const token = /export SKAHA_TOKEN=(\S+)/.exec(c.out())?.[1];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/skaha$/);
    expect(c.out()).toMatch(/export CANFAR_URL=http:\/\/127\.0\.0\.1:\d+\/skaha\/v1/);
    expect(c.out()).toMatch(/admin URL\s+http:\/\/127\.0\.0\.1:\d+\/_sim/);
    expect(c.out()).toMatch(/token\s+alice\s+sim-alice-[0-9a-f]{16}/);
    expect(c.out()).toMatch(/token\s+bob\s+sim-bob-/);
    const list = await fetch(`${url}/v1/session`, { headers: { Authorization: `Bearer ${token}` } });
    expect(((await list.json()) as unknown[]).length).toBeGreaterThan(5);
    expect((await fetch(`${url}/v1/session?view=stats`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(503);
    const ctx = (await (await fetch(`${url}/v1/context`, { headers: { Authorization: `Bearer ${token}` } })).json()) as Record<string, unknown>;
    expect(ctx.maxInteractiveSessions).toBe('2');
    stop.abort();
    expect(await done).toBe(0);
    expect(c.out()).toContain('stopped');
    await expect(fetch(`${url}/v1/session`)).rejects.toThrow();
  });

  test('arguments: `sim` prefix, --flag=value, users with tokens, fault specs', () => {
    const args = parseSimArgs(['sim', '--port=8123', '--user', 'carol=tok-c', '--user', 'dave', '--seed', '3', '--headless-seconds', '5']);
    expect(args.options.port).toBe(8123);
    expect(args.options.headlessRunSeconds).toBe(5);
    expect(Object.values(args.options.users ?? {})).toEqual(['carol', 'dave']);
    expect(Object.keys(args.options.users ?? {})[0]).toBe('tok-c');
    let faults = applyFaultFlag({}, 'latency=250');
    faults = applyFaultFlag(faults, 'status:session.list=500');
    faults = applyFaultFlag(faults, 'status:image=403');
    faults = applyFaultFlag(faults, 'hang:session.logs');
    faults = applyFaultFlag(faults, 'huge:session.list=1000');
    faults = applyFaultFlag(faults, 'flaky=0.1:502');
    faults = applyFaultFlag(faults, 'expired-token');
    faults = applyFaultFlag(faults, 'fail-jobs');
    faults = applyFaultFlag(faults, 'fail-replicas=2,5');
    expect(faults).toEqual({
      failReplicas: [2, 5],
      latencyMs: 250,
      status: { 'session.list': 500, image: 403 },
      hang: ['session.logs'],
      huge: ['session.list'],
      hugeBytes: 1000,
      flakyRate: 0.1,
      flakyStatus: 502,
      expiredToken: true,
      failJobs: true,
    });
    expect(() => applyFaultFlag({}, 'status:session=9000')).toThrow(/HTTP status/);
  });

  test('a port in use is reported with a hint and exit code 1', async () => {
    const first = capture();
    const stop = new AbortController();
    const running = runSimulatorCli(['--seed', '1'], { ...first.io, signal: stop.signal });
    await until(() => first.out().includes('Ctrl-C'));
    const port = /127\.0\.0\.1:(\d+)/.exec(first.out())?.[1] ?? '';
    const second = capture();
    expect(await runSimulatorCli(['--port', port], second.io)).toBe(1);
    expect(second.err()).toContain('the port is in use');
    stop.abort();
    await running;
  });
});
