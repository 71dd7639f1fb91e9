import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/errors.js';
import type { LaunchRequest } from '../../../src/domain/launch.js';
import { FakeConnection } from '../helpers/fake-connection.js';
import { useHeadlessDashboard } from '../helpers/headless-harness.js';
import { demoSessions, stateWith } from '../helpers/states.js';
import { makeSession } from '../../helpers/builders.js';

const start = useHeadlessDashboard();

const sent = (c: FakeConnection, method: string) => c.sent.filter((r) => r.method === method).map((r) => r.params);

describe('delete and renew', () => {
  it('d asks first, y deletes exactly the listed session', async () => {
    const { h, connection } = await start();
    await h.keys('j', 'd');
    expect(sent(connection, 'delete')).toEqual([]);
    await h.keys('y');
    expect(sent(connection, 'delete')).toEqual([{ ids: ['cr000006'] }]);
    expect(h.lines().at(-1)).toBe('delete requested for 1 session');
    expect(h.text()).not.toContain('This cannot be undone');
  });

  it('n or Esc cancels the confirmation', async () => {
    const { h, connection } = await start();
    await h.keys('C-d', 'n', 'd', 'escape');
    expect(sent(connection, 'delete')).toEqual([]);
  });

  it('Space marks rows (moving down) for a bulk renew, listing them all', async () => {
    const { h, connection } = await start();
    await h.keys('j', 'space', 'space', 'r');
    expect(h.text()).toContain('Renew 3 sessions?');
    await h.keys('enter');
    expect(sent(connection, 'renew')).toEqual([{ ids: ['cr000006', 'hl000003', 'hl000005'] }]);
    expect(h.dashboard.model().view.marks).toEqual([]);
  });

  it('deleting a replica group deletes all its listed members (finished ones included)', async () => {
    const { h, connection } = await start();
    await h.keys('j', 'j', 'd');
    expect(h.text()).toContain('Delete 3 sessions?');
    await h.keys('y');
    expect(sent(connection, 'delete')).toEqual([{ ids: ['hl000003', 'hl000004', 'hl000005'] }]);
  });

  it('reports per-session failures and daemon errors', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    connection.on('renew', (p) => ({ results: p.ids.map((id) => ({ id, ok: false as const, error: { code: 'SKAHA_NOT_FOUND' as const, message: 'gone' } })) }));
    connection.on('delete', () => {
      throw new AppError('SKAHA_UNAVAILABLE', 'POST https://x: 503');
    });
    const { h } = await start(connection);
    await h.keys('j', 'r', 'y');
    expect(h.lines().at(-1)).toBe('carta-soon: SKAHA_NOT_FOUND: gone');
    await h.keys('d', 'y');
    expect(h.lines().at(-1)).toBe('delete failed — SKAHA_UNAVAILABLE: POST https://x: 503');
  });
});

describe('launch', () => {
  it('fills the form, launches through the daemon, shows the new row at once as Pending and says when it is ready', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    connection.on('images', () => [{ id: 'images.canfar.net/skaha/astroml:latest', types: ['notebook'], digest: null }]);
    let launched: LaunchRequest | null = null;
    connection.on('launch', (request) => {
      launched = request;
      return { launchId: 'l-1', results: [{ name: request.name, id: 'new00001' }] };
    });
    const { h } = await start(connection);
    await h.keys('n', 'down', 'down', 'enter');
    expect(h.dashboard.model().view.modal?.type === 'launch' && h.dashboard.model().view.modal).toBeTruthy();
    expect(h.text()).toContain('skaha-tui launch notebook images.canfar.net/skaha/astroml:latest --name notebook1');
    await h.keys('enter');
    expect(launched).toEqual({ kind: 'notebook', image: 'images.canfar.net/skaha/astroml:latest', name: 'notebook1' });
    expect(h.text()).not.toContain('Launch a session');
    expect(h.text()).toMatch(/new00001 notebook1\s+notebook\s+Pending/);
    expect(h.lines().at(-1)).toContain('launched notebook1');
    const listed = makeSession({ id: 'new00001', name: 'notebook1', status: 'Pending' });
    connection.pushState(stateWith([...demoSessions(), listed]));
    await h.settle();
    expect(h.dashboard.model().view.pending).toEqual({});
    connection.pushState(stateWith([...demoSessions(), { ...listed, status: 'Running' }]));
    await h.settle();
    expect(h.text()).toMatch(/new00001 notebook1\s+notebook\s+Running/);
    expect(h.lines().at(-1)).toBe('notebook1 is ready — press o to open it');
  });

  it('says how many were launched, in the right number, for replicas', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    connection.on('launch', (r) => ({ launchId: 'l2', results: [1, 2, 3].map((i) => ({ name: `${r.name}-${i}`, id: `rep0000${i}` })) }));
    const { h } = await start(connection);
    await h.keys('n', 'left', 'tab', ...'skaha/x'.split(''), 'tab', 'C-u', ...'fit'.split(''));
    for (let i = 0; i < 6; i++) await h.keys('tab');
    await h.keys('C-u', '3', 'enter');
    expect(sent(connection, 'launch')).toEqual([expect.objectContaining({ name: 'fit', replicas: 3 })]);
    expect(h.lines().at(-1)).toBe('launched fit-1, fit-2, fit-3 — they show as Pending until they start');
  });

  it('says when a launched session fails to start', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    connection.on('launch', (r) => ({ launchId: 'l1', results: [{ name: r.name, id: 'bad00001' }] }));
    const { h } = await start(connection);
    await h.keys('n', 'tab', ...'skaha/x'.split(''), 'enter');
    connection.pushState(stateWith([...demoSessions(), makeSession({ id: 'bad00001', name: 'notebook1', status: 'Failed' })]));
    await h.settle();
    expect(h.lines().at(-1)).toBe('notebook1 failed to start: press e for its events');
  });

  it('flags invalid fields before submitting and sends nothing', async () => {
    const { h, connection } = await start();
    await h.keys('n', 'enter');
    expect(sent(connection, 'launch')).toEqual([]);
    expect(h.text()).toMatch(/Image\s+— is required/);
    expect(h.text()).toContain('fix the flagged fields first');
  });

  it('shows the server error verbatim and keeps the form', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    connection.on('launch', () => {
      throw new AppError('SKAHA_BAD_REQUEST', 'POST https://x/session: 400 image images.canfar.net/skaha/nope:latest is not in the allowed list');
    });
    const { h } = await start(connection);
    await h.keys('n', 'tab', ...'skaha/nope'.split(''), 'enter');
    expect(h.text()).toContain('The server said:');
    expect(h.text()).toContain('POST https://x/session: 400 image images.canfar.net/skaha/nope:latest is not in the allowed list');
    expect(h.text()).toContain('Launch a session');
  });

  it('relaunches a recent launch with one key', async () => {
    const state = stateWith(demoSessions(), {
      launches: [
        {
          id: 'l0',
          at: 0,
          results: [{ name: 'old', id: 'x' }],
          error: null,
          request: { kind: 'notebook', image: 'images.canfar.net/skaha/astroml:latest', name: 'old', registryAuthUsed: false },
        },
      ],
    });
    const connection = new FakeConnection(state);
    connection.on('launch', (r) => ({ launchId: 'l1', results: [{ name: r.name, id: 'n2' }] }));
    const { h } = await start(connection);
    await h.keys('n', '1');
    expect(h.text()).toContain('skaha-tui launch notebook images.canfar.net/skaha/astroml:latest --name old');
    await h.keys('enter');
    expect(sent(connection, 'launch')).toEqual([{ kind: 'notebook', image: 'images.canfar.net/skaha/astroml:latest', name: 'old' }]);
  });
});

describe('refresh, filter, sort, all, events, quit', () => {
  it('R refreshes through the daemon and says how the poll it made went', async () => {
    const { h, connection } = await start();
    await h.keys('R');
    expect(connection.methods()).toContain('refresh');
    expect(h.lines().at(-1)).toBe('refreshed');
    connection.on('refresh', () => {
      throw new AppError('SKAHA_UNAUTHORIZED', 'GET https://x/session: 401 Unauthorized — renew your credentials');
    });
    await h.keys('R');
    expect(h.lines().at(-1)).toBe('refresh failed — SKAHA_UNAUTHORIZED: GET https://x/session: 401 Unauthorized — renew your credentials');
  });

  it('/ filters rows live (regex, ! inverts); Esc clears', async () => {
    const { h } = await start();
    await h.keys('/', 'n', 'b', '-');
    expect(h.lines().at(-1)).toMatch(/^filter \(regex, !inverts\): \/nb-/);
    await h.keys('enter');
    expect(h.text()).toContain('nb000001');
    expect(h.text()).not.toContain('cr000006');
    expect(h.text()).toMatch(/filter \/nb-\//);
    await h.keys('/', 'backspace', 'backspace', 'backspace', '!', 'c', 'a', 'r', 't', 'a', 'enter');
    expect(h.text()).not.toContain('cr000006');
    expect(h.text()).toContain('nb000001');
    await h.keys('escape');
    expect(h.text()).toContain('cr000006');
  });

  it('s sorts, a shows finished sessions, Enter expands a group', async () => {
    const { h } = await start();
    await h.keys('s');
    expect(h.text()).toMatch(/sort NAME ↑/);
    await h.keys('a');
    expect(h.text()).toContain('all sessions');
    await h.keys('g', 'j', 'j', 'enter');
    expect(h.text()).toMatch(/▾ 3x\s+fit/);
    expect(h.text()).toMatch(/hl000004\s+fit-2\s+headless\s+Completed/);
  });

  it('< and > choose the sort column to the left or right, shown in the column header; S reverses it', async () => {
    const { h } = await start();
    const header = () => h.lines().find((l) => /│\s+ID\b.*NAME/.test(l))!;
    expect(header()).toMatch(/STATUS\s+AGE ↑\s+EXPIRES /);
    await h.keys('>');
    expect(header()).toMatch(/AGE\s+EXPIRES ↑\s+CPU /);
    expect(h.text()).toMatch(/sort EXPIRES ↑/);
    expect(h.dashboard.model().table.rows[0].key).toBe('cr000006');
    await h.keys('<', '<');
    expect(header()).toMatch(/KIND\s+STATUS ↑\s+AGE /);
    await h.keys('S');
    expect(header()).toMatch(/KIND\s+STATUS ↓\s+AGE /);
    await h.keys('<', '<', '<');
    expect(header()).toMatch(/ID ↑\s+NAME\s+KIND/);
    // From the first column, < goes round to the last, and > back.
    await h.keys('<');
    expect(h.text()).toMatch(/sort IMAGE ↑/);
    await h.keys('>');
    expect(header()).toMatch(/ID ↑\s+NAME\s+KIND/);
  });

  it('e shows the Kubernetes events of the selected session', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    connection.on('events', () => [{ type: 'Normal', reason: 'Pulled', message: 'image pulled', firstTime: null, lastTime: '2026-11-22T11:59:00Z' }]);
    const { h } = await start(connection);
    await h.keys('j', 'e');
    expect(h.text()).toMatch(/┌─+ Events ─+┐/);
    expect(h.text()).toContain('11:59:00 Normal Pulled: image pulled');
    expect(connection.sent.filter((r) => r.method === 'events').at(-1)?.params).toEqual({ sessionId: 'cr000006' });
  });

  it('q quits with exit code 0', async () => {
    const { h } = await start();
    await h.keys('q');
    await expect(h.dashboard.done).resolves.toBe(0);
  });
});
