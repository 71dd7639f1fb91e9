// Idle sessions and full home storage, in fake time: the daemon and the simulator share one clock,
// so six hours of polling take milliseconds.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DAEMON_CONFIG, type IdleConfig } from '../../../daemon/config/daemon-config.js';
import { MemoryStateStore } from '../../../daemon/store/memory-state-store.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { recordingNotifier, startTestDaemon, type RecordingNotifier, type TestDaemon } from '../../helpers/start-daemon.js';
import { waitUntil } from '../../helpers/wait-until.js';
import { stepAndPoll } from '../../helpers/step-and-poll.js';

const HALF_HOUR = 30 * 60_000;
let t: TestDaemon | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

async function idleDaemon(
  idle: Partial<IdleConfig>,
  hooks = DEFAULT_DAEMON_CONFIG.hooks,
): Promise<{ clock: FakeClock; notifier: RecordingNotifier; d: TestDaemon }> {
  const clock = new FakeClock();
  const notifier = recordingNotifier();
  const d = await startTestDaemon({
    clock,
    sim: { clock },
    notifier,
    store: new MemoryStateStore(),
    polling: { fastMs: HALF_HOUR, normalMs: HALF_HOUR, slowMs: HALF_HOUR, fastAfterActionMs: 0, statsMs: 24 * 3_600_000 },
    config: { idle: { ...DEFAULT_DAEMON_CONFIG.idle, ...idle }, hooks, storage: { ...DEFAULT_DAEMON_CONFIG.storage, enabled: false } },
  });
  return { clock, notifier, d };
}

const idleTitles = (n: RecordingNotifier) => n.shown.map((s) => s.title).filter((title) => / idle for /.test(title));

describe('idle sessions (fake time)', () => {
  it('flags a notebook under 5 % of its cores after 6 h, notifies once, and tells the hooks', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sk-idle-'));
    const hook = {
      command: `cat > ${out}/event.json; printf '%s|%s' "$SKAHA_EVENT" "$SKAHA_SESSION_NAME" > ${out}/env`,
      events: ['session:idle'],
      timeoutMs: 5_000,
    };
    const { clock, notifier, d } = await idleDaemon({}, [hook]);
    t = d;
    const id = d.sim.seedSession({ kind: 'notebook', name: 'analysis', cores: 8, ram: 16, cpuInUse: 0.02, ageSeconds: 60, expiresInSeconds: 4 * 86_400 });
    // A busy one alongside: never flagged.
    const busy = d.sim.seedSession({ kind: 'notebook', name: 'busy', cores: 8, ram: 16, cpuInUse: 3, ageSeconds: 60, expiresInSeconds: 4 * 86_400 });
    await stepAndPoll(clock, d, 0);
    const start = clock.now();
    while (clock.now() - start < 5.5 * 3_600_000) await stepAndPoll(clock, d, HALF_HOUR);
    expect(d.daemon.state().insights[id]?.idle).toMatchObject({ since: start, flaggedAt: null });
    expect(idleTitles(notifier)).toEqual([]);
    await stepAndPoll(clock, d, HALF_HOUR);
    expect(d.daemon.state().insights[id]?.idle).toMatchObject({ since: start, flaggedAt: start + 6 * 3_600_000, threshold: 0.4 });
    expect(d.daemon.state().insights[busy]?.idle ?? null).toBeNull();
    await waitUntil(() => idleTitles(notifier).length > 0, 'the idle notification');
    expect(idleTitles(notifier)).toEqual(['notebook analysis idle for 6 h: 0.02 of 8 cores — d to delete']);
    await waitUntil(() => existsSync(join(out, 'env')) && readFileSync(join(out, 'env'), 'utf8').length > 0, 'the hook');
    expect(readFileSync(join(out, 'env'), 'utf8')).toBe('session:idle|analysis');
    expect(JSON.parse(readFileSync(join(out, 'event.json'), 'utf8'))).toMatchObject({
      type: 'session:idle',
      session: { id, name: 'analysis' },
      used: 0.02,
      requested: 8,
    });
    // Said once: more idle hours add nothing.
    for (let i = 0; i < 4; i++) await stepAndPoll(clock, d, HALF_HOUR);
    await d.daemon.idle();
    expect(idleTitles(notifier)).toHaveLength(1);
    expect(d.daemon.state().notifications.filter((n) => / idle for /.test(n.title))).toHaveLength(1);
  });

  it('is configurable (2 h, 1 %) and switchable off', async () => {
    const { clock, notifier, d } = await idleDaemon({ afterHours: 2, fixedPercent: 1 });
    t = d;
    const quiet = d.sim.seedSession({ kind: 'notebook', name: 'quiet', cores: 8, ram: 16, cpuInUse: 0.05, ageSeconds: 60, expiresInSeconds: 4 * 86_400 });
    const idle = d.sim.seedSession({ kind: 'notebook', name: 'asleep', cores: 8, ram: 16, cpuInUse: 0.02, ageSeconds: 60, expiresInSeconds: 4 * 86_400 });
    // Flexible sessions (no request): idle only near zero (0.05 cores).
    const flexIdle = d.sim.seedSession({ kind: 'notebook', name: 'flexidle', cpuInUse: 0.01, ageSeconds: 60, expiresInSeconds: 4 * 86_400 });
    const flexBusy = d.sim.seedSession({ kind: 'notebook', name: 'flexbusy', cpuInUse: 0.3, ageSeconds: 60, expiresInSeconds: 4 * 86_400 });
    await stepAndPoll(clock, d, 0);
    for (let i = 0; i < 4; i++) await stepAndPoll(clock, d, HALF_HOUR);
    // 1 % of 8 cores is 0.08: both are under it.
    expect(d.daemon.state().insights[quiet]?.idle?.flaggedAt).toBe(clock.now());
    expect(d.daemon.state().insights[idle]?.idle?.flaggedAt).toBe(clock.now());
    expect(d.daemon.state().sessions[flexIdle].fixed).toBe(false);
    expect(d.daemon.state().insights[flexIdle]?.idle).toMatchObject({ threshold: 0.05, flaggedAt: clock.now() });
    expect(d.daemon.state().insights[flexBusy]?.idle ?? null).toBeNull();
    await waitUntil(() => idleTitles(notifier).length === 3, 'three idle notifications');
    expect(idleTitles(notifier)).toContain('notebook flexidle idle for 2 h: 0.01 cores (flexible) — d to delete');
    await t.cleanup();
    const off = await idleDaemon({ enabled: false });
    t = off.d;
    const never = off.d.sim.seedSession({ kind: 'notebook', name: 'never', cores: 8, cpuInUse: 0, ageSeconds: 60, expiresInSeconds: 4 * 86_400 });
    await stepAndPoll(off.clock, off.d, 0);
    for (let i = 0; i < 16; i++) await stepAndPoll(off.clock, off.d, HALF_HOUR);
    await off.d.daemon.idle();
    expect(off.d.daemon.state().insights[never]?.idle ?? null).toBeNull();
    expect(idleTitles(off.notifier)).toEqual([]);
  });
});

describe('home storage (fake time)', () => {
  it('reads the node at most every 5 minutes and notifies once when use crosses 90 %', async () => {
    const clock = new FakeClock();
    const notifier = recordingNotifier();
    const minute = 60_000;
    t = await startTestDaemon({
      clock,
      sim: { clock, storage: { usedGiB: 85, quotaGiB: 100 } },
      notifier,
      store: new MemoryStateStore(),
      polling: { fastMs: minute, normalMs: minute, slowMs: minute, fastAfterActionMs: 0, statsMs: 24 * 3_600_000 },
    });
    const d = t;
    d.sim.seedSession({ kind: 'notebook', name: 'nb', user: 'alice', ageSeconds: 60, expiresInSeconds: 4 * 86_400 });
    await stepAndPoll(clock, d, 0);
    await waitUntil(() => d.daemon.state().storage?.usedBytes === 85 * 2 ** 30, 'the first storage read');
    const reads = () => d.sim.requestCount('storage');
    const first = reads();
    d.sim.setStorage({ usedGiB: 92 });
    for (let i = 0; i < 4; i++) await stepAndPoll(clock, d, minute);
    await d.daemon.idle();
    expect(reads()).toBe(first);
    expect(d.daemon.state().storage?.high).toBe(false);
    await stepAndPoll(clock, d, minute);
    await waitUntil(() => d.daemon.state().storage?.high === true, 'the read after 5 minutes');
    expect(reads()).toBe(first + 1);
    await waitUntil(() => notifier.shown.some((n) => n.title === 'Home storage 92% full'), 'the storage notification');
    for (let i = 0; i < 10; i++) await stepAndPoll(clock, d, minute);
    await d.daemon.idle();
    expect(notifier.shown.filter((n) => n.title.startsWith('Home storage'))).toHaveLength(1);
  });
});
