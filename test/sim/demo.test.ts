// `skaha-tui demo` seeds this world: within its first minute (at the default speed, 30, and at any other)
// a person must see each platform behaviour, and each state must last long enough to read.
import { afterEach, describe, expect, test } from 'vitest';
import { DEMO_CAP, seedDemo } from '../../src/sim/demo.js';
import { eventReasons, eventRows, startTestSim, type TestSim, type WireSession } from './sim-helpers.js';

let t: TestSim;
afterEach(async () => t?.close());

/** What one session looked like at one moment of the first minute. */
interface Sample {
  at: number;
  status: string;
  started: boolean;
  ram?: number;
  requested?: number;
  events?: string;
}

const STEP_MS = 500;
const MINUTE_MS = 62_000;

/** Watches the demo for its first minute: every session's look every half second, its events every 2 s. */
async function watchFirstMinute(): Promise<Map<string, Sample[]>> {
  const byName = new Map<string, Sample[]>();
  for (let at = 0; at <= MINUTE_MS; at += STEP_MS) {
    for (const s of await t.json<WireSession[]>('/session')) {
      const sample: Sample = {
        at,
        status: s.status,
        started: s.startTime !== undefined,
        ram: Number(s.ramInUse ?? NaN),
        requested: Number(s.requestedRAM ?? NaN),
      };
      if (at % 2000 === 0) {
        const res = await t.get(`/session/${s.id}?view=events`);
        sample.events = res.status === 404 ? '404' : res.text;
      }
      byName.set(s.name as string, [...(byName.get(s.name as string) ?? []), sample]);
    }
    t.clock.advance(STEP_MS);
  }
  return byName;
}

/** The runs of equal statuses: [status, first ms, last ms]. */
function runs(samples: Sample[]): Array<[string, number, number]> {
  const out: Array<[string, number, number]> = [];
  for (const s of samples) {
    const last = out[out.length - 1];
    if (last && last[0] === s.status) last[2] = s.at;
    else out.push([s.status, s.at, s.at]);
  }
  return out;
}

describe.each([30, 1, 50])('the demo at speed %s', (speed) => {
  test('shows, within the first minute, each behaviour of the real platform, each state for long enough to read', async () => {
    t = await startTestSim({ speed });
    seedDemo(t.sim, speed);
    const ids = Object.fromEntries((await t.json<WireSession[]>('/session')).map((s) => [s.name, s.id]));
    // renew: one works (expiry moves), one fails (500), one is ignored (200, nothing changes)
    const outcomes: Record<string, string> = {};
    for (const name of ['analysis', 'cube-viewer', 'spectra']) {
      const before = (await t.json<WireSession>(`/session/${ids[name]}`)).expiryTime;
      const res = await t.post(`/session/${ids[name]}?action=renew`);
      const after = (await t.json<WireSession>(`/session/${ids[name]}`)).expiryTime;
      outcomes[name] = res.status === 500 ? 'fails' : after !== before ? 'works' : 'ignored';
    }
    expect(outcomes).toEqual({ analysis: 'works', 'cube-viewer': 'fails', spectra: 'ignored' });
    const seen = await watchFirstMinute();
    const statuses = (name: string): string[] => runs(seen.get(name)!).map((r) => r[0]);

    // a queued job: Pending with no pod (no start time, events 404) for 20 s or more, then pulling, then Running
    const survey = seen.get('survey')!;
    const queued = survey.filter((s) => s.status === 'Pending' && !s.started);
    expect(queued.at(-1)!.at - queued[0].at).toBeGreaterThanOrEqual(20_000);
    expect(survey.filter((s) => s.at < queued.at(-1)!.at - 1000 && s.events !== undefined).every((s) => s.events === '404')).toBe(true);
    expect(survey.some((s) => s.status === 'Pending' && s.started && eventReasons(s.events ?? '<none>\n').includes('Pulling'))).toBe(true);
    expect(statuses('survey')).toEqual(['Pending', 'Running']);

    // a preemption: Running, then Pending with no pod for 15 s or more, then Running again
    expect(statuses('sweep')).toEqual(['Running', 'Pending', 'Running']);
    const requeued = seen.get('sweep')!.filter((s) => s.status === 'Pending' && !s.started);
    expect(requeued.at(-1)!.at - requeued[0].at).toBeGreaterThanOrEqual(15_000);

    // a job killed for memory: its memory reaches its limit while Running, then Failed with no event saying why
    const fit = seen.get('fit-model')!;
    expect(statuses('fit-model')).toEqual(['Running', 'Failed']);
    expect(fit.filter((s) => s.status === 'Running' && s.ram === s.requested).length * STEP_MS).toBeGreaterThanOrEqual(4000);
    expect(fit.map((s) => s.events ?? '').join('')).not.toMatch(/OOM|memory/i);

    // an image that cannot be pulled, a job no node can take, a crash loop: Pending (or cycling) with their events
    expect(statuses('reprocess')).toEqual(['Pending']);
    expect(eventRows(seen.get('reprocess')!.at(-1)!.events!).map((r) => r[2])).toEqual(
      expect.arrayContaining(['Error: ErrImagePull', 'Error: ImagePullBackOff']),
    );
    expect(eventRows(seen.get('big-mosaic')!.at(-1)!.events!)[0][2]).toContain('Insufficient memory');
    expect(statuses('vscode')).toEqual(['Pending', 'Running', 'Pending', 'Running', 'Pending', 'Running', 'Pending', 'Running', 'Failed']);
    expect(seen.get('vscode')!.some((s) => eventReasons(s.events ?? '<none>\n').includes('BackOff'))).toBe(true);

    // an interactive session that expires at its deadline; a Pending desktop that stays Pending long enough to see
    expect(statuses('scratch')).toEqual(['Running', 'Failed']);
    expect(runs(seen.get('desk')!)[0]).toEqual(['Pending', 0, expect.any(Number)]);
    expect(runs(seen.get('desk')!)[0][2]).toBeGreaterThanOrEqual(15_000);

    // every state that starts within the minute lasts 4 s or more
    for (const [name, samples] of seen) {
      for (const [status, from, to] of runs(samples).slice(1, -1)) expect(to - from + STEP_MS, `${name} ${status} at ${from} ms`).toBeGreaterThanOrEqual(4000);
    }
  });

  test('the metrics backend is down for a while (stats 503), and the interactive cap fits the seeded sessions', async () => {
    t = await startTestSim({ speed });
    seedDemo(t.sim, speed);
    const down: number[] = [];
    for (let at = 0; at <= MINUTE_MS; at += 1000) {
      if ((await t.get('/session?view=stats')).status === 503) down.push(at);
      t.clock.advance(1000);
    }
    expect(down.at(-1)! - down[0]).toBeGreaterThanOrEqual(15_000);
    expect(down.length).toBe((down.at(-1)! - down[0]) / 1000 + 1);
    expect(t.sim.maxInteractiveSessions()).toBe(DEMO_CAP);
  });
});

test('the demo keeps an interactive cap chosen with --max-sessions', async () => {
  t = await startTestSim({ maxInteractiveSessions: 2 });
  seedDemo(t.sim, 1, { keepCap: true });
  expect((await t.json<{ maxInteractiveSessions: string }>('/context')).maxInteractiveSessions).toBe('2');
});
