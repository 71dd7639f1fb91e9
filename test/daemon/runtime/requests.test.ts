import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkResult } from '../../../src/protocol/requests.js';
import { startTestDaemon, type TestDaemon } from '../../helpers/start-daemon.js';
import { waitUntil } from '../../helpers/wait-until.js';

let t: TestDaemon;
beforeAll(async () => {
  t = await startTestDaemon({ sim: { seed: 21, speed: 100 }, config: { logs: { refreshMs: 100, bufferLines: 10_000, keepHours: 24 } } });
});
afterAll(async () => t?.cleanup());

describe('requests', () => {
  it('delete reports each id on its own and the removal reads as deleted', async () => {
    const a = t.sim.seedSession({ kind: 'notebook', status: 'Running', name: 'dela' });
    const b = t.sim.seedSession({ kind: 'headless', status: 'Running', name: 'delb' });
    const client = await t.client();
    await client.waitForState((s) => Boolean(s.sessions[a] && s.sessions[b]));
    const before = t.sim.requestCount('session.delete');
    const { results } = await client.call('delete', { ids: [a, b, a, 'no-such-id'] });
    // Skaha answers 200 to a delete of any id: the listing decides, and an unknown id costs no request.
    expect(results).toEqual<BulkResult[]>([
      { id: a, ok: true },
      { id: b, ok: true },
      {
        id: 'no-such-id',
        ok: false,
        error: { code: 'SKAHA_NOT_FOUND', message: 'no session no-such-id: it is not one of your sessions (skaha-tui ps --all lists them)' },
      },
    ]);
    expect(t.sim.requestCount('session.delete')).toBe(before + 2);
    const removed = await client.waitForEvent('session:removed', (e) => e.session.id === a);
    expect(removed.reason).toBe('deleted');
    expect(client.state!.lastActivityAt).not.toBeNull();
  });

  it('renew answers per id, with the platform error for one that fails', async () => {
    const nb = t.sim.seedSession({ kind: 'notebook', status: 'Running', name: 'renewme' });
    const client = await t.client();
    await client.waitForState((s) => Boolean(s.sessions[nb]));
    t.sim.setFaults({ status: { 'session.renew': 500 } });
    const failed = await client.call('renew', { ids: [nb] });
    expect(failed.results[0]).toMatchObject({ id: nb, ok: false, error: { code: 'SKAHA_SERVER_ERROR' } });
    expect(failed.results[0]).toMatchObject({ error: { message: expect.stringContaining('500') }, check: { outcome: 'failed' } });
    t.sim.clearFaults();
    const [ok] = (await client.call('renew', { ids: [nb] })).results;
    expect(ok).toMatchObject({ id: nb, ok: true, check: { outcome: 'renewed', why: null } });
  });

  it('renew reads the session again: an expiry that did not move is "not renewed", a headless job "not needed", an unknown id "no session"', async () => {
    const ignored = t.sim.seedSession({ kind: 'notebook', status: 'Running', name: 'stuck', ageSeconds: 3600, expiresInSeconds: 600, renew: 'ignored' });
    const job = t.sim.seedSession({ kind: 'headless', status: 'Running', name: 'batch', ageSeconds: 60, runSeconds: 3600 });
    const client = await t.client();
    await client.waitForState((s) => Boolean(s.sessions[ignored] && s.sessions[job]));
    const { results } = await client.call('renew', { ids: [ignored, job, 'nosuch01'] });
    expect(results[0]).toMatchObject({
      id: ignored,
      ok: true,
      check: { outcome: 'not-renewed', why: 'the server did not renew it (its expiry did not move)' },
    });
    expect(results[1]).toMatchObject({ id: job, ok: true, check: { outcome: 'not-needed', why: expect.stringMatching(/^a headless job needs none/) } });
    expect(results[2]).toMatchObject({ id: 'nosuch01', ok: false, error: { code: 'SKAHA_NOT_FOUND', message: expect.stringMatching(/^no session nosuch01/) } });
    const state = await client.waitForState((s) => s.insights[ignored]?.renew?.outcome === 'not-renewed');
    expect(state.insights[job]?.renew?.outcome).toBe('not-needed');
  });

  it('refresh answers with the outcome of the poll it triggered: its failure, not the last good poll', async () => {
    const client = await t.client();
    const ok = await client.call('refresh');
    expect(ok.polledAt).toBe(t.daemon.state().lastPollAt);
    t.sim.setFaults({ status: { 'session.list': 500 } });
    const failed = await client.request('refresh', {});
    t.sim.clearFaults();
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.error).toMatchObject({ code: 'SKAHA_SERVER_ERROR' });
    const again = await client.call('refresh');
    expect(again.polledAt).toBeGreaterThanOrEqual(ok.polledAt);
  });

  it('launch failures answer with the code, are recorded, and raise launch:failed', async () => {
    const client = await t.client();
    const response = await client.request('launch', { name: 'bad name!', image: 'images.canfar.net/skaha/terminal:1.1.1', kind: 'headless' });
    expect(response.ok).toBe(false);
    expect(!response.ok && response.error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'name' });
    const event = await client.waitForEvent('launch:failed');
    expect(event.error.code).toBe('VALIDATION_ERROR');
    expect(client.state!.launches.at(-1)).toMatchObject({ request: { name: 'bad name!' }, error: { code: 'VALIDATION_ERROR' } });
  });

  it('answers events, images, context, stats.history and config.get', async () => {
    const id = t.sim.seedSession({ kind: 'notebook', status: 'Running', name: 'evs' });
    const client = await t.client();
    await client.waitForState((s) => Boolean(s.sessions[id]) && s.lastStatsAt !== null);
    expect(Array.isArray(await client.call('events', { sessionId: id }))).toBe(true);
    const images = await client.call('images', { kind: 'desktop-app' });
    expect(images.length).toBeGreaterThan(0);
    expect(images.every((i) => i.types.includes('desktop-app'))).toBe(true);
    expect((await client.call('context')).cores.options.length).toBeGreaterThan(0);
    const history = await client.call('stats.history');
    expect(history.latest).not.toBeNull();
    expect(history.points.length).toBeGreaterThan(0);
    expect(await client.call('config.get')).toMatchObject({ polling: { fastMs: 100 }, notifications: { quiet: false } });
    const missing = await client.request('events', { sessionId: 'zz-none' });
    expect(!missing.ok && missing.error.code).toBe('SKAHA_NOT_FOUND');
    expect(!missing.ok && missing.error.message).toMatch(/^no session [^:]+: it is not one of your sessions/);
  });

  it('answers daemon.metrics with its memory, handles, event-loop delay and load', async () => {
    const client = await t.client();
    const metrics = await client.call('daemon.metrics');
    expect(metrics.pid).toBe(process.pid);
    expect(metrics.rssBytes).toBeGreaterThan(metrics.heapUsedBytes);
    expect(metrics.handles.total).toBeGreaterThan(0);
    expect(metrics.eventLoopDelayMs.mean).toBeGreaterThanOrEqual(0);
    expect(metrics.eventLoopDelayMs.windowMs).toBeGreaterThanOrEqual(0);
    expect(metrics.clients).toBeGreaterThanOrEqual(1);
    expect(metrics.sessions).toBe(Object.keys(t.daemon.state().sessions).length);
  });

  it('streams logs to subscribers only: reset first (before the response), then new lines; closing a client ends its subscription', async () => {
    const id = t.sim.seedSession({ kind: 'headless', status: 'Running', name: 'logger', ageSeconds: 2, pendingSeconds: 1, runSeconds: 3_000 });
    const a = await t.client({ name: 'a' });
    const bystander = await t.client({ name: 'bystander' });
    const from = a.frames.length;
    const subscribed = await a.call('logs.subscribe', { sessionId: id });
    const first = a.frames.slice(from).findIndex((f) => f.type === 'event' && f.topic === 'logs:reset');
    const answer = a.frames.slice(from).findIndex((f) => f.type === 'response');
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(answer);
    expect(subscribed).toEqual({ sessionId: id, lines: 0 });
    await a.waitForEvent('logs:reset', (d) => d.sessionId === id && d.lines.length > 0);
    await a.waitForEvent('logs:append', (d) => d.sessionId === id && d.lines.length > 0, 10_000);

    const b = await t.client({ name: 'b' });
    const late = await b.call('logs.subscribe', { sessionId: id });
    expect(late.lines).toBeGreaterThan(0);
    expect(b.events('logs:reset')[0].lines).toHaveLength(late.lines);

    expect(await a.call('logs.unsubscribe', { sessionId: id })).toEqual({ sessionId: id });
    await b.close();
    const fetches = t.sim.requestCount('session.logs');
    // Nobody listens now: many log refresh periods (100 ms) pass without a fetch while the poller goes on.
    const polls = t.sim.requestCount('session.list');
    await waitUntil(() => t.sim.requestCount('session.list') >= polls + 5, 'five more session polls (≥ 1 s)');
    expect(t.sim.requestCount('session.logs')).toBe(fetches);
    expect(bystander.events('logs:reset')).toEqual([]);
    expect(bystander.events('logs:append')).toEqual([]);
  });
});
