import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DAEMON_CONFIG, type DaemonConfig } from '../../daemon/config/daemon-config.js';
import { startDaemon, type RunningDaemon } from '../../daemon/daemon.js';
import { MemoryStateStore } from '../../daemon/store/memory-state-store.js';
import { createConnection } from '../../src/config/create-connection.js';
import { formatGiB } from '../../src/cli/format.js';
import type { DaemonState } from '../../src/state/state.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { makeShortHome, recordingNotifier, type RecordingNotifier } from '../helpers/start-daemon.js';
import { waitUntil } from '../helpers/wait-until.js';
import { TestClient } from '../helpers/ws-client.js';
import { TIMINGS, type PlatformBackend, type Scenario } from './platform-backend.js';

/** Starts a platform backend on a clock shared with the daemon. */
export type StartOnClock = (clock: FakeClock) => Promise<PlatformBackend>;

const STEP_S = 5;
const POLLING = {
  fastMs: STEP_S * 1000,
  normalMs: STEP_S * 1000,
  slowMs: STEP_S * 1000,
  fastAfterActionMs: 0,
  fastWhilePendingMs: 600_000,
  backoffCapMs: STEP_S * 1000,
  statsMs: 120_000,
  catalogueMs: 3_600_000,
};

/** A daemon and a backend on one fake clock, and a websocket client of the daemon. */
interface Rig {
  clock: FakeClock;
  backend: PlatformBackend;
  daemon: RunningDaemon;
  client: TestClient;
  notifier: RecordingNotifier;
  state(): DaemonState;
  /** Moves the clock `seconds` on in poll-sized steps, waiting after each for the poll and all it started. */
  step(seconds: number): Promise<void>;
  seed(scenario: Scenario): Promise<string>;
  /** A request to the daemon, with the clock moving while it waits (a request may wait for a poll). */
  call: TestClient['call'];
  /** The same, answering the whole response frame (ok or not). */
  request: TestClient['request'];
}

/**
 * Registers the contract tests of skaha-tui's answers (issue 10) against a backend: the daemon, on
 * the backend's clock, says why a session is Pending, why it failed, how a renew went; refuses ids
 * that are not the user's; keeps a finished job's log; reaches desktop apps; keeps stats apart from
 * Skaha's health; and tells refused credentials from a platform that is down.
 */
export function defineAnswersSuite(backendName: string, start: StartOnClock): void {
  describe(`skaha-tui's answers: ${backendName}`, { timeout: 60_000 }, () => {
    const open: Array<() => Promise<void>> = [];
    afterEach(async () => {
      for (const close of open.splice(0).reverse()) await close();
    });

    async function rig(token?: string): Promise<Rig> {
      const clock = new FakeClock();
      const backend = await start(clock);
      open.push(() => backend.close());
      const home = makeShortHome();
      open.push(async () => rmSync(home.home, { recursive: true, force: true }));
      const notifier = recordingNotifier();
      const config: DaemonConfig = { ...DEFAULT_DAEMON_CONFIG, polling: POLLING };
      const daemon = await startDaemon({
        paths: home.paths,
        clock,
        config,
        notifier,
        store: new MemoryStateStore(),
        keptLogsFile: null,
        connection: createConnection({ url: backend.baseUrl, token: token ?? backend.token, timeouts: { connectMs: 1_000, totalMs: 5_000 } }),
        timing: { watchDebounceMs: 50, missingDirPollMs: 50 },
      });
      open.push(() => daemon.stop('test over'));
      const client = await TestClient.open({ target: home.paths.socketPath, name: 'answers' });
      open.push(() => client.close());
      const polled = async () => {
        await waitUntil(() => daemon.state().lastPollAt === clock.now() || daemon.state().health.failingSince !== null, `the poll at ${clock.now()}`);
        await daemon.idle();
      };
      // The first poll is due at once: a fake clock fires it when moved, even by 0.
      clock.advance(0);
      await polled();
      const step = async (seconds: number) => {
        for (let t = 0; t < seconds; t += STEP_S) {
          clock.advance(STEP_S * 1000);
          await polled();
        }
      };
      // Seeded after the first poll: the daemon sees each session start waiting (an exact start).
      const seed = async (scenario: Scenario) => {
        const id = await backend.seed(scenario);
        await step(STEP_S);
        return id;
      };
      const advancing = async <T>(promise: Promise<T>): Promise<T> => {
        let done = false;
        const answer = promise.finally(() => (done = true));
        while (!done) {
          clock.advance(1_000);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        return answer;
      };
      const call: TestClient['call'] = (method, params) => advancing(client.call(method, params));
      const request: TestClient['request'] = (method, params) => advancing(client.request(method, params));
      return { clock, backend, daemon, client, notifier, state: () => daemon.state(), step, seed, call, request };
    }

    const pending = (r: Rig, id: string) => r.state().insights[id]?.pending ?? null;
    const failure = (r: Rig, id: string) => r.state().insights[id]?.failure ?? null;

    it('a queued job: "queued — no pod yet (Kueue)", then "pulling image", then Running, and its wait is recorded', async () => {
      const r = await rig();
      const id = await r.seed('queued');
      expect(pending(r, id)).toMatchObject({ code: 'queued', reason: 'queued — no pod yet (Kueue)', exact: true });
      const since = pending(r, id)!.since;
      await r.step(TIMINGS.queuedSeconds);
      expect(r.state().sessions[id].status).toBe('Pending');
      expect(pending(r, id)).toMatchObject({ code: 'pulling', reason: 'pulling image', since });
      await r.step(TIMINGS.podPendingSeconds + STEP_S);
      expect(r.state().sessions[id].status).toBe('Running');
      expect(pending(r, id)).toBeNull();
      expect(r.state().waits).toEqual([expect.objectContaining({ kind: 'headless' })]);
      const waited = r.state().waits[0].waitedMs / 1000;
      expect(waited).toBeGreaterThanOrEqual(TIMINGS.queuedSeconds);
      expect(waited).toBeLessThanOrEqual(TIMINGS.queuedSeconds + TIMINGS.podPendingSeconds + 2 * STEP_S);
    });

    it('a preemption: "preempted — queued again", as an event and a notification', async () => {
      const r = await rig();
      const id = await r.seed('preempted');
      await r.step(TIMINGS.preemptInSeconds + STEP_S);
      expect(pending(r, id)).toMatchObject({ code: 'preempted', reason: 'preempted — queued again', requeued: true });
      const event = await r.client.waitForEvent('session:preempted', (e) => e.session.id === id);
      expect(event.key).toBe(`preempted:${id}:${pending(r, id)!.since}`);
      const note = await r.client.waitForEvent('notification', (n) => n.key === event.key);
      expect(note).toMatchObject({ title: 'Session sweep was preempted', body: 'preempted — queued again by Kueue; it runs again once admitted' });
      await r.step(TIMINGS.requeuedSeconds + TIMINGS.podPendingSeconds + STEP_S);
      expect(r.state().sessions[id].status).toBe('Running');
      expect(r.client.events('session:preempted').filter((e) => e.session.id === id)).toHaveLength(1);
    });

    it('renew is checked: renewed; a 500 with the server text; 200 with nothing changed; a headless job and a long session need none', async () => {
      const r = await rig();
      const ids = {
        ok: await r.seed('renew-ok'),
        error: await r.seed('renew-error'),
        ignored: await r.seed('renew-ignored'),
        headless: await r.seed('renew-headless'),
        long: await r.seed('renew-not-needed'),
      };
      await r.step(60);
      const { results } = await r.call('renew', { ids: Object.values(ids) });
      const check = (id: string) => results.find((x) => x.id === id)!;
      expect(check(ids.ok)).toMatchObject({ ok: true, check: { outcome: 'renewed', why: null } });
      expect(Date.parse(check(ids.ok).check!.expiresAt!) - r.clock.now()).toBeGreaterThan(86_400_000);
      expect(check(ids.error)).toMatchObject({
        ok: false,
        error: { code: 'SKAHA_SERVER_ERROR' },
        check: { outcome: 'failed', why: expect.stringMatching(/^unexpected exception/) },
      });
      expect(check(ids.ignored)).toMatchObject({ ok: true, check: { outcome: 'not-renewed', why: 'the server did not renew it (its expiry did not move)' } });
      expect(check(ids.headless)).toMatchObject({ ok: true, check: { outcome: 'not-needed', why: expect.stringMatching(/^a headless job needs none/) } });
      expect(check(ids.long)).toMatchObject({
        ok: true,
        check: { outcome: 'not-needed', why: expect.stringMatching(/^not needed yet \(it has 5d 23h left; a renew gives /) },
      });
      expect(r.state().insights[ids.ignored].renew?.outcome).toBe('not-renewed');
    });

    it('a job killed for memory: "likely out of memory", inferred, on the finished event and its notification; its memory read in GiB', async () => {
      const r = await rig();
      const id = await r.seed('oom');
      expect(formatGiB(r.state().sessions[id].ramGB.requested)).toBe('4');
      await r.step(TIMINGS.oomRunSeconds + STEP_S);
      expect(r.state().sessions[id].status).toBe('Failed');
      expect(failure(r, id)).toMatchObject({
        code: 'oom',
        cause: 'likely out of memory',
        inferred: true,
        detail: expect.stringMatching(/^its memory use reached 4 of its 4 GiB limit/),
      });
      const finished = await r.client.waitForEvent('job:finished', (e) => e.session.id === id);
      expect(finished.failure).toMatchObject({ cause: 'likely out of memory', inferred: true });
      const note = await r.client.waitForEvent('notification', (n) => n.key === finished.key);
      expect(note).toMatchObject({ title: 'Job fit-model failed', body: 'Failed: likely out of memory (inferred)' });
    });

    it('a crash loop: the back-off read from its events while the pod existed is the cause, not inferred', async () => {
      const r = await rig();
      const id = await r.seed('crash-loop');
      await r.step(TIMINGS.crashLoopFailedBySeconds);
      expect(r.state().sessions[id].status).toBe('Failed');
      expect(failure(r, id)).toMatchObject({ code: 'back-off', inferred: false });
      // The back-offs between crashes are no queue waits.
      expect(r.state().waits).toEqual([]);
    });

    it('an image that cannot be pulled, and a session no node can take, say so', async () => {
      const r = await rig();
      const pull = await r.seed('image-pull');
      const big = await r.seed('unschedulable');
      await r.step(30);
      expect(pending(r, pull)).toMatchObject({ code: 'image-pull', reason: 'image cannot be pulled: images.canfar.net/skaha/astroml:2099.1: not found' });
      expect(pending(r, big)).toMatchObject({
        code: 'unschedulable',
        reason: expect.stringMatching(/^insufficient (cpu and )?memory$/),
        detail: expect.stringMatching(/^0\/24 nodes are available: .*24 Insufficient memory/),
      });
    });

    it('an interactive session failed at its expiry: "expired", inferred', async () => {
      const r = await rig();
      const id = await r.seed('expiring');
      await r.step(TIMINGS.expiresInSeconds + STEP_S);
      expect(failure(r, id)).toMatchObject({ code: 'expired', cause: 'expired', inferred: true });
    });

    it('ids that are not the user\'s: delete and renew answer "no session"; logs.kept and events too', async () => {
      const r = await rig();
      for (const method of ['delete', 'renew'] as const) {
        const { results } = await r.call(method, { ids: ['nosuch99'] });
        expect(results).toEqual([
          {
            id: 'nosuch99',
            ok: false,
            error: { code: 'SKAHA_NOT_FOUND', message: 'no session nosuch99: it is not one of your sessions (skaha-tui ps --all lists them)' },
          },
        ]);
      }
      for (const method of ['logs.kept', 'events'] as const) {
        const response = await r.request(method, { sessionId: 'nosuch99' });
        expect(response).toMatchObject({ ok: false, error: { code: 'SKAHA_NOT_FOUND' } });
      }
    });

    it("a failed job's log is kept after it leaves the listing", async () => {
      const r = await rig();
      const id = await r.seed('oom');
      await r.step(TIMINGS.oomRunSeconds + STEP_S);
      const kept = await r.call('logs.kept', { sessionId: id });
      expect(kept).toMatchObject({ sessionId: id, name: 'fit-model', goneAt: null });
      expect(kept!.text.length).toBeGreaterThan(0);
      await r.call('delete', { ids: [id] });
      await r.step(2 * STEP_S);
      expect(r.state().sessions[id]).toBeUndefined();
      expect(await r.call('logs.kept', { sessionId: id })).toMatchObject({ sessionId: id, text: kept!.text, goneAt: expect.any(Number) });
    });

    it("desktop apps: launched, listed with the desktop's id, and deleted", async () => {
      const r = await rig();
      const desk = await r.seed('desktop');
      expect(await r.call('apps', { sessionId: desk })).toEqual([]);
      const { appId } = await r.call('apps.launch', { sessionId: desk, image: 'images.canfar.net/skaha/xterm:1.0' });
      expect(appId).toMatch(/^[a-z0-9]{3}$/);
      const apps = await r.call('apps', { sessionId: desk });
      expect(apps).toEqual([expect.objectContaining({ id: desk, appId, kind: 'desktop-app', image: 'images.canfar.net/skaha/xterm:1.0' })]);
      await r.call('apps.delete', { sessionId: desk, appId });
      await r.step(60);
      expect(await r.call('apps', { sessionId: desk })).toEqual([]);
    });

    it("stats: a 503 leaves Skaha's health ok (the load is unavailable), and stats are read no faster than the interval", async () => {
      const r = await rig();
      const reads = r.backend.statsReads();
      await r.backend.setMetricsDown(true);
      await r.step(POLLING.statsMs / 1000);
      expect(r.state().health).toMatchObject({ state: 'ok', statsFailing: true });
      await r.backend.setMetricsDown(false);
      await r.step(POLLING.statsMs / 1000);
      expect(r.state().health).toMatchObject({ state: 'ok', statsFailing: false });
      expect(r.backend.statsReads() - reads).toBe(2);
    });

    it('credentials Skaha refuses are "refused", not the platform down', async () => {
      const r = await rig('not-a-valid-token');
      expect(r.state().health).toMatchObject({ state: 'refused', lastError: { code: 'SKAHA_UNAUTHORIZED' } });
    });
  });
}
