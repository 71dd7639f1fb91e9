import { afterEach, describe, expect, it } from 'vitest';
import { recordingNotifier, startTestDaemon, type RecordingNotifier, type TestDaemon } from '../../helpers/start-daemon.js';
import { waitUntil } from '../../helpers/wait-until.js';

let t: TestDaemon | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe('auto-renew', () => {
  it('renews matching interactive sessions near expiry, once, and reports each renewal', async () => {
    const notifier: RecordingNotifier = recordingNotifier();
    t = await startTestDaemon({ notifier, config: { autoRenew: [{ match: 'keep', thresholdMinutes: 60 }] } });
    const keep = t.sim.seedSession({ kind: 'notebook', status: 'Running', name: 'keepme', expiresInSeconds: 1_800 });
    const other = t.sim.seedSession({ kind: 'notebook', status: 'Running', name: 'other', expiresInSeconds: 1_800 });
    const client = await t.client();
    const note = await client.waitForEvent('notification', (n) => n.title.startsWith('Session keepme renewed'));
    expect(note.title).toMatch(/^Session keepme renewed until \d\d:\d\d (Mon|Tue|Wed|Thu|Fri|Sat|Sun)$/);
    expect(note.key).toMatch(new RegExp(`^renewed:${keep}:`));
    await client.waitForState((s) => Date.parse(s.sessions[keep].expiresAt!) - Date.now() > 3_600_000);
    const renewals = t.sim.requestCount('session.renew');
    expect(renewals).toBe(1);
    // More polls go by: the renewed session is no longer near expiry, the other one never matched.
    const polls = t.sim.requestCount('session.list');
    await waitUntil(() => t!.sim.requestCount('session.list') >= polls + 5, 'five more polls');
    expect(t.sim.requestCount('session.renew')).toBe(1);
    expect(notifier.shown.filter((n) => n.title.startsWith('Session keepme renewed'))).toHaveLength(1);
    expect(client.state!.sessions[other].expiresAt).toBe(t.daemon.state().sessions[other].expiresAt);
    expect(client.state!.lastActivityAt).not.toBeNull();
  });

  it('uses the same check: a renew that answers 200 but moves nothing, or fails with a 500, is notified as not renewed', async () => {
    const notifier: RecordingNotifier = recordingNotifier();
    t = await startTestDaemon({ notifier, config: { autoRenew: [{ match: '^(stuck|broken)$', thresholdMinutes: 60 }] } });
    const stuck = t.sim.seedSession({ kind: 'notebook', status: 'Running', name: 'stuck', ageSeconds: 3600, expiresInSeconds: 1_800, renew: 'ignored' });
    const broken = t.sim.seedSession({ kind: 'notebook', status: 'Running', name: 'broken', ageSeconds: 3600, expiresInSeconds: 1_800, renew: 'error' });
    const client = await t.client();
    const a = await client.waitForEvent('notification', (n) => n.title === 'Session stuck was not renewed');
    expect(a).toMatchObject({
      key: expect.stringMatching(new RegExp(`^renew-failed:${stuck}:`)),
      urgency: 'critical',
      body: expect.stringContaining('auto-renew: the server did not renew it (its expiry did not move)'),
    });
    const b = await client.waitForEvent('notification', (n) => n.title === 'Session broken was not renewed');
    expect(b.body).toMatch(/^auto-renew: unexpected exception/);
    const state = await client.waitForState((s) => s.insights[broken]?.renew?.outcome === 'failed');
    expect(state.insights[stuck]?.renew?.outcome).toBe('not-renewed');
    expect(notifier.shown.map((n) => n.title)).toEqual(expect.arrayContaining(['Session stuck was not renewed', 'Session broken was not renewed']));
  });
});
