// The dashboard gives answers: why a session waits (and for how long, and how much longer), why it
// failed, how a renew went, whether the platform load is fresh, refused credentials, desktop apps.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/errors.js';
import type { DesktopApp } from '../../../src/domain/session.js';
import type { SessionInsight, WaitRecord } from '../../../src/state/insight.js';
import { FakeConnection } from '../helpers/fake-connection.js';
import { useHeadlessDashboard } from '../helpers/headless-harness.js';
import { stateWith } from '../helpers/states.js';
import { makeSession, T0 } from '../../helpers/builders.js';

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const start = useHeadlessDashboard();
const MIN = 60_000;

const queuedJob = makeSession({
  id: 'job00001',
  name: 'survey',
  kind: 'headless',
  status: 'Pending',
  startedAt: null,
  expiresAt: null,
  url: null,
  cpu: { requested: 2, used: null },
  ramGB: { requested: 8.59, used: null },
});
const oomJob = makeSession({ id: 'fit00001', name: 'fit-model', kind: 'headless', status: 'Failed', url: null, ramGB: { requested: 4.29, used: null } });
const desk = makeSession({ id: 'desk0001', name: 'desk', kind: 'desktop' });
const insight = (over: Partial<SessionInsight>): SessionInsight => ({ pending: null, failure: null, clue: null, renew: null, idle: null, ...over });
const waits: WaitRecord[] = [10, 15, 20].map((m) => ({ kind: 'headless', cores: 2, ramGB: 8.59, waitedMs: m * MIN, at: T0 - MIN }));

function answered(): FakeConnection {
  return new FakeConnection(
    stateWith([queuedJob, oomJob, desk], {
      insights: {
        job00001: insight({
          pending: {
            code: 'queued',
            reason: 'queued — no pod yet (Kueue)',
            since: T0 - 5 * MIN,
            exact: true,
            requeued: false,
            detail: 'the job waits for Kueue to admit it; Skaha shows no queue position',
          },
        }),
        fit00001: insight({
          failure: { code: 'oom', cause: 'likely out of memory', inferred: true, detail: 'its memory use reached 4 of its 4 GiB limit just before it failed' },
        }),
      },
      waits,
    }),
  );
}

async function select(h: Awaited<ReturnType<typeof start>>['h'], name: string): Promise<void> {
  await h.keys('/', ...name.split(''), 'enter');
}

describe('why Pending, why Failed', () => {
  it('the table says why a job waits and for how long, and why a job failed', async () => {
    const { h } = await start(answered());
    await h.keys('a');
    expect(h.text()).toMatch(/│\s+ID\s+NAME\s+KIND\s+STATUS\s+WHY\s+AGE/);
    expect(h.text()).toMatch(/job00001 survey\s+headless\s+Pending\s+queued — no pod yet \(Kueue\) 5m\s/);
    expect(h.text()).toMatch(/fit00001 fit-model\s+headless\s+Failed\s+likely out of memory\s/);
  });

  it('the details pane adds the wait estimate from past waits, and says when a cause is inferred', async () => {
    const connection = answered();
    connection.on('events', () => {
      throw new AppError('SKAHA_NOT_FOUND', 'GET https://x/session/job00001?view=events: 404 session job00001 not found.');
    });
    const { h } = await start(connection);
    await h.keys('a');
    await select(h, 'survey');
    const text = h.text();
    expect(text).toContain('Waiting   queued — no pod yet (Kueue), for 5m');
    expect(text).toContain('the job waits for Kueue to admit it; Skaha shows no queue position');
    // The median of the waits longer than its 5 minutes so far (15 min), less those 5 minutes (the test clock has moved a little).
    expect(text).toMatch(/Estimate {2}about (9|10)m more \(from 3 past launches like it\)/);
    // Events answering 404 for a listed session mean no pod: said as such, not as an error.
    expect(text).toContain('No pod, so no events (queued in Kueue, or its pod is gone).');
    expect(text).not.toContain('404');
    await h.keys('escape');
    await select(h, 'fit-model');
    expect(h.text()).toContain('Failed    likely out of memory (inferred: no event said so)');
    expect(h.text()).toContain('its memory use reached 4 of its 4 GiB limit just before it failed');
  });
});

describe('renew, platform load, credentials', () => {
  it('a long renew error wraps at words under its label in the details pane, its end still on screen', async () => {
    const why =
      'unexpected exception: java.lang.IllegalStateException: the workload for session nb000001 could not be patched because its deadline field is immutable (end of message)';
    const nb = makeSession({ id: 'nb000001', name: 'spectra', kind: 'notebook' });
    const connection = new FakeConnection(stateWith([nb], { insights: { nb000001: insight({ renew: { outcome: 'failed', at: T0, expiresAt: null, why } }) } }));
    const { h } = await start(connection);
    await select(h, 'spectra');
    const text = h.text();
    expect(text).toMatch(/Renew {5}renew failed: unexpected exception:/);
    expect(text).toContain('of message)');
    // Every continuation line starts under the text, not under the label.
    const continued = h.lines().filter((l) => l.includes('immutable'));
    expect(continued).toHaveLength(1);
    expect(continued[0]).toMatch(/│ {11}\S/);
  });

  it('a renew that does not move the expiry is reported as such; one that does says until when', async () => {
    const connection = new FakeConnection(stateWith([makeSession({ id: 'nb000001', name: 'nb-main', expiresAt: iso(T0 + 30 * MIN) })]));
    let outcome: 'renewed' | 'not-renewed' = 'not-renewed';
    connection.on('renew', (p) => ({
      results: p.ids.map((id) => ({
        id,
        ok: true as const,
        check:
          outcome === 'renewed'
            ? { outcome, at: T0, expiresAt: '2026-11-26T12:00:00Z', why: null }
            : { outcome, at: T0, expiresAt: iso(T0 + 30 * MIN), why: 'the server did not renew it (its expiry did not move)' },
      })),
    }));
    const { h } = await start(connection);
    await h.keys('r', 'y');
    expect(h.lines().at(-1)).toBe('nb-main: not renewed: the server did not renew it (its expiry did not move)');
    outcome = 'renewed';
    await h.keys('r', 'y');
    expect(h.lines().at(-1)).toMatch(/^nb-main: renewed until \d\d:\d\d Thu$/);
  });

  it("the header shows the platform load's age, or that it is unavailable while Skaha itself is ok", async () => {
    const connection = new FakeConnection(stateWith([desk], { lastStatsAt: T0 - 2 * MIN }));
    const { h } = await start(connection);
    expect(h.lines()[1]).toMatch(/platform ● ok {2}load as of \d\d:\d\d {2}interactive/);
    const base = connection.state!;
    connection.pushState({ ...base, health: { ...base.health, statsFailing: true } });
    await h.settle();
    expect(h.lines()[1]).toMatch(/platform ● ok {2}platform load unavailable \(last \d\d:\d\d\) {2}interactive/);
  });

  it('refused credentials read as their own state, with what to do, not "platform down"', async () => {
    const base = stateWith([desk]);
    const health = {
      ...base.health,
      state: 'refused' as const,
      stale: true,
      failingSince: T0,
      lastError: { code: 'SKAHA_UNAUTHORIZED' as const, message: 'GET https://x/session: 401' },
    };
    const { h } = await start(new FakeConnection({ ...base, health }));
    expect(h.lines()[1]).toContain('platform ● credentials refused');
    expect(h.text()).not.toContain('down');
    expect(h.text()).toContain('Skaha refuses your credentials (CANFAR itself answers): run canfar login or cadc-get-cert, then press R');
  });
});

describe('desktop apps', () => {
  const app = (appId: string, image: string): DesktopApp => ({
    ...makeSession({ id: 'desk0001', name: image.split('/').pop()!.split(':')[0], kind: 'desktop-app' }),
    appId,
    image,
  });

  it('a selected desktop lists its apps; A launches a desktop-app image, X deletes an app', async () => {
    const connection = new FakeConnection(stateWith([desk]));
    let apps = [app('x1y', 'images.canfar.net/skaha/topcat:4.9')];
    connection.on('apps', () => apps);
    connection.on('images', (p) =>
      p.kind === 'desktop-app'
        ? [
            { id: 'images.canfar.net/skaha/ds9:8.5', types: ['desktop-app'], digest: null },
            { id: 'images.canfar.net/skaha/xterm:1.0', types: ['desktop-app'], digest: null },
          ]
        : [],
    );
    connection.on('apps.launch', (p) => {
      apps = [...apps, app('z9q', p.image)];
      return { sessionId: p.sessionId, appId: 'z9q' };
    });
    connection.on('apps.delete', (p) => {
      apps = apps.filter((a) => a.appId !== p.appId);
      return { sessionId: p.sessionId, appId: p.appId };
    });
    const { h } = await start(connection);
    expect(h.text()).toContain('Apps (A: launch one, X: delete one)');
    expect(h.text()).toMatch(/x1y topcat Running \S+ images\.canfar\.net\/skaha\/topcat:4\.9/);
    await h.keys('A');
    expect(h.text()).toContain('Launch an app on desk');
    await h.keys('down', 'enter');
    expect(connection.sent.filter((r) => r.method === 'apps.launch').map((r) => r.params)).toEqual([
      { sessionId: 'desk0001', image: 'images.canfar.net/skaha/xterm:1.0' },
    ]);
    expect(h.lines().at(-1)).toBe('launched images.canfar.net/skaha/xterm:1.0 on desk');
    expect(h.text()).toMatch(/z9q xterm Running/);
    await h.keys('X');
    expect(h.text()).toContain('Delete an app from desk');
    await h.keys('enter');
    expect(connection.sent.filter((r) => r.method === 'apps.delete').map((r) => r.params)).toEqual([{ sessionId: 'desk0001', appId: 'x1y' }]);
    expect(h.text()).not.toMatch(/x1y topcat/);
  });

  it('apps are for desktops, and read-only mode disables launching and deleting them', async () => {
    const { h } = await start(new FakeConnection(stateWith([makeSession({ id: 'nb000001', name: 'nb' })])));
    await h.keys('A');
    expect(h.lines().at(-1)).toBe('apps run attached to a desktop session: select a desktop');
    const ro = await start(new FakeConnection(stateWith([desk])), { readonly: true });
    await ro.h.keys('A');
    expect(ro.h.lines().at(-1)).toBe('read-only: launching an app is disabled');
  });
});
