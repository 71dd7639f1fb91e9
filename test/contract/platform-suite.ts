import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SkahaClient } from '../../src/client/skaha-client.js';
import { createConnection } from '../../src/config/create-connection.js';
import { isActive, isInteractiveKind, type Session } from '../../src/domain/session.js';
import { rejectionOf } from '../helpers/rejection.js';
import { TIMINGS, type PlatformBackend } from './platform-backend.js';

/**
 * Registers the contract tests of the real platform's behaviours (issue 10: queued jobs, preemption,
 * renew outcomes, failures, stats, the interactive cap), each on a fresh backend, through the client.
 */
export function definePlatformSuite(backendName: string, startBackend: () => Promise<PlatformBackend>): void {
  describe(`the real platform's behaviours: ${backendName}`, () => {
    let backend: PlatformBackend;
    let client: SkahaClient;
    const reasons = async (id: string): Promise<string[]> => (await client.getEvents(id)).map((e) => e.reason);
    const session = (id: string): Promise<Session> => client.getSession(id);

    beforeEach(async () => {
      backend = await startBackend();
      client = new SkahaClient(createConnection({ url: backend.baseUrl, token: backend.token, timeouts: { totalMs: 10_000 } }));
    });
    afterEach(async () => {
      await client?.close();
      await backend?.close();
    });

    /** Asserts a listed session Kueue has not admitted: Pending, no start/expiry/URL, events 404 (not "gone"), empty logs. */
    async function expectQueued(id: string): Promise<void> {
      expect(await session(id)).toMatchObject({ status: 'Pending', startedAt: null, expiresAt: null, url: null });
      expect((await client.listSessions()).map((s) => s.id)).toContain(id);
      const err = await rejectionOf(client.getEvents(id));
      expect(err).toMatchObject({ code: 'SKAHA_NOT_FOUND', status: 404, serverText: `session ${id} not found.` });
      expect((await client.getLogs(id)).text).toBe('');
    }

    it('a queued job: Pending with no pod (events 404, no logs), then its pod pulls the image, then it runs', async () => {
      const id = await backend.seed('queued');
      await expectQueued(id);
      await backend.advance(TIMINGS.queuedSeconds - 10);
      await expectQueued(id);
      await backend.advance(15);
      const admitted = await session(id);
      expect(admitted.status).toBe('Pending');
      expect(admitted.startedAt).not.toBeNull();
      expect(await reasons(id)).toEqual(expect.arrayContaining(['Scheduled', 'Pulling']));
      await backend.advance(TIMINGS.podPendingSeconds);
      expect((await session(id)).status).toBe('Running');
      expect(await reasons(id)).toEqual(expect.arrayContaining(['Scheduled', 'Pulled', 'Created', 'Started']));
    });

    it('a preemption: Running goes back to Pending with no pod, then runs again with a new start time', async () => {
      const id = await backend.seed('preempted');
      const running = await session(id);
      expect(running.status).toBe('Running');
      await backend.advance(TIMINGS.preemptInSeconds + 5);
      await expectQueued(id);
      await backend.advance(TIMINGS.requeuedSeconds + TIMINGS.podPendingSeconds);
      const again = await session(id);
      expect(again.status).toBe('Running');
      expect(Date.parse(again.startedAt!)).toBeGreaterThan(Date.parse(running.startedAt!));
    });

    it('renew: works (expiry moves), fails with 500 unexpected exception, or answers 200 with nothing changed', async () => {
      const ok = await backend.seed('renew-ok');
      const error = await backend.seed('renew-error');
      const ignored = await backend.seed('renew-ignored');
      const before = { ok: (await session(ok)).expiresAt!, error: (await session(error)).expiresAt, ignored: (await session(ignored)).expiresAt };
      await client.renewSession(ok);
      expect(Date.parse((await session(ok)).expiresAt!) - Date.parse(before.ok)).toBeGreaterThan(86_400_000);
      const err = await rejectionOf(client.renewSession(error));
      expect(err).toMatchObject({ code: 'SKAHA_SERVER_ERROR', status: 500 });
      expect(err.serverText).toMatch(/^unexpected exception/);
      expect((await session(error)).expiresAt).toBe(before.error);
      await client.renewSession(ignored);
      expect((await session(ignored)).expiresAt).toBe(before.ignored);
    });

    it('renew of a headless job, or of a session with more time left than the lifetime, changes nothing', async () => {
      for (const scenario of ['renew-headless', 'renew-not-needed'] as const) {
        const id = await backend.seed(scenario);
        const before = (await session(id)).expiresAt;
        expect(before).not.toBeNull();
        await client.renewSession(id);
        expect((await session(id)).expiresAt, scenario).toBe(before);
      }
    });

    it('a job killed for memory: its memory use climbs to the limit, then Failed, and no event says why', async () => {
      const id = await backend.seed('oom');
      const used: number[] = [];
      let s = await session(id);
      expect(s.ramGB.requested).not.toBeNull();
      while (s.status === 'Running') {
        used.push(s.ramGB.used!);
        await backend.advance(TIMINGS.oomRunSeconds / 20);
        s = await session(id);
      }
      expect(s.status).toBe('Failed');
      expect(used.length).toBeGreaterThanOrEqual(15);
      for (let i = 1; i < used.length; i++) expect(used[i]).toBeGreaterThanOrEqual(used[i - 1]);
      expect(used[0]).toBeLessThan(s.ramGB.requested! / 2);
      expect(used.at(-1)).toBe(s.ramGB.requested);
      const events = await client.getEvents(id);
      expect(events.map((e) => `${e.reason} ${e.message}`).join('\n')).not.toMatch(/OOM|memory/i);
    });

    it('a crash loop: Running and Pending in turn with BackOff events, then Failed', async () => {
      const id = await backend.seed('crash-loop');
      const statuses: string[] = [];
      let backOff: string | undefined;
      for (let at = 0; at <= TIMINGS.crashLoopFailedBySeconds; at += 5) {
        const s = await session(id);
        if (statuses.at(-1) !== s.status) statuses.push(s.status);
        if (s.status !== 'Failed') backOff ??= (await client.getEvents(id)).find((e) => e.reason === 'BackOff')?.message;
        await backend.advance(5);
      }
      expect(statuses.slice(0, 4)).toEqual(['Pending', 'Running', 'Pending', 'Running']);
      expect(statuses.at(-1)).toBe('Failed');
      expect(backOff).toMatch(/^Back-off restarting failed container /);
    });

    it('an image that cannot be pulled: ErrImagePull and ImagePullBackOff events, and it stays Pending', async () => {
      const id = await backend.seed('image-pull');
      await backend.advance(60);
      const events = await client.getEvents(id);
      expect(events.filter((e) => e.reason === 'Failed').map((e) => e.message)).toEqual(
        expect.arrayContaining(['Error: ErrImagePull', 'Error: ImagePullBackOff']),
      );
      expect(events.find((e) => e.reason === 'BackOff')?.message).toMatch(/^Back-off pulling image "/);
      await backend.advance(3600);
      expect((await session(id)).status).toBe('Pending');
      expect((await client.getLogs(id)).text).toBe('');
    });

    it('a session no node can take: FailedScheduling "Insufficient memory", and it stays Pending', async () => {
      const id = await backend.seed('unschedulable');
      await backend.advance(30);
      const events = await client.getEvents(id);
      expect(events.map((e) => e.reason)).not.toContain('Scheduled');
      expect(events.find((e) => e.reason === 'FailedScheduling')?.message).toContain('Insufficient memory');
      expect((await session(id)).status).toBe('Pending');
    });

    it('an interactive session that expires: Failed at its expiry time, which does not move', async () => {
      const id = await backend.seed('expiring');
      const before = await session(id);
      expect(before.status).toBe('Running');
      expect(Date.parse(before.expiresAt!) - Date.parse(before.startedAt!)).toBeGreaterThan(0);
      await backend.advance(TIMINGS.expiresInSeconds + 1);
      expect(await session(id)).toMatchObject({ status: 'Failed', expiresAt: before.expiresAt });
    });

    it('stats: 503 while the metrics backend is down; a snapshot that changes only after its period', async () => {
      const first = await client.getStats();
      await backend.setMetricsDown(true);
      expect(await rejectionOf(client.getStats())).toMatchObject({ code: 'SKAHA_UNAVAILABLE', status: 503 });
      await backend.setMetricsDown(false);
      const [launched] = await client.launch({ name: 'big', image: 'images.canfar.net/skaha/astroml:latest', kind: 'notebook', cores: 8 });
      expect('id' in launched).toBe(true);
      await backend.advance(TIMINGS.podPendingSeconds);
      expect(await client.getStats()).toEqual(first);
      await backend.advance(TIMINGS.statsPeriodSeconds);
      expect((await client.getStats()).cpu.allocated).not.toBe(first.cpu.allocated);
    });

    it('/context reports maxInteractiveSessions, and the cap counts active interactive sessions only', async () => {
      const max = (await client.getContext()).maxInteractiveSessions!;
      expect(max).toBeGreaterThan(0);
      const active = (await client.listSessions()).filter((s) => isInteractiveKind(s.kind) && isActive(s));
      for (let i = active.length; i < max; i++) {
        const [r] = await client.launch({ name: `nb-${i}`, image: 'images.canfar.net/skaha/astroml:latest', kind: 'notebook' });
        expect('id' in r, JSON.stringify(r)).toBe(true);
      }
      const user = (await client.listSessions())[0].user;
      const [refused] = await client.launch({ name: 'one-more', image: 'images.canfar.net/skaha/astroml:latest', kind: 'notebook' });
      expect(refused).toMatchObject({ error: { code: 'SKAHA_BAD_REQUEST' } });
      if ('error' in refused) expect(refused.error.message).toContain(`User ${user} has reached the maximum of ${max} active sessions.`);
      const [job] = await client.launch({ name: 'job', image: 'images.canfar.net/skaha/terminal:1.1.1', kind: 'headless' });
      expect('id' in job).toBe(true);
    });

    it('delete answers 200 for any id, as the current server does', async () => {
      await expect(client.deleteSession('nosuch99')).resolves.toBeUndefined();
      const id = await backend.seed('queued');
      await expect(client.deleteSession(id)).resolves.toBeUndefined();
    });
  });
}
