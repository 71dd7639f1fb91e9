// Counts, marks, the cursor and the confirmation follow the sessions while rows come and go.
import { describe, expect, it } from 'vitest';
import { FakeConnection } from '../helpers/fake-connection.js';
import { useHeadlessDashboard } from '../helpers/headless-harness.js';
import { demoSessions, stateWith } from '../helpers/states.js';
import { makeSession } from '../../helpers/builders.js';
import type { Session } from '../../../src/domain/session.js';

const start = useHeadlessDashboard();

const sent = (c: FakeConnection, method: string) => c.sent.filter((r) => r.method === method).map((r) => r.params);
const without = (...ids: string[]) => demoSessions().filter((s) => !ids.includes(s.id));
const sessionsLine = (text: string) => /(\d+) of (\d+) sessions|(\d+) sessions?\b/.exec(text)?.[0] ?? '';

// The table's rows (id and name), top to bottom: what the user sees in the Sessions pane.
function tableRows(lines: string[]): string[] {
  const start = lines.findIndex((l) => /│\s+ID\s+NAME/.test(l));
  const rows: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('│')) break;
    const m = /^│ (.)(.) (\S+ +\S+)/.exec(line);
    if (m && m[3].trim()) rows.push(`${m[1]}${m[2]}${m[3].replace(/ +/, ' ')}`);
  }
  return rows;
}

describe('counts and marks agree with the rows', () => {
  it('never counts a removed session still shown for a moment: "3 of 4 sessions", not "5 of 4"', async () => {
    const { h, connection } = await start();
    expect(h.text()).toContain('5 of 6 sessions');
    connection.pushState(stateWith(without('nb000001', 'cr000006')));
    await h.settle();
    // Both are still on screen (greyed, "-") for a moment, but they are no longer sessions.
    expect(tableRows(h.lines())).toEqual(expect.arrayContaining([' -cr000006 carta-soon', ' -nb000001 nb-main']));
    expect(sessionsLine(h.text())).toBe('3 of 4 sessions');
  });

  it('drops the marks of sessions that left, says so, and the dialog lists exactly the marks left', async () => {
    const { h, connection } = await start();
    // desk, carta-soon, then nb-main (the fit group is skipped with j).
    await h.keys('space', 'space', 'j', 'space');
    expect(h.text()).toContain('3 marked');
    connection.pushState(stateWith(without('cr000006')));
    await h.settle();
    expect(h.text()).toContain('2 marked');
    expect(h.text()).not.toContain('3 marked');
    expect(h.lines().at(-1)).toBe('carta-soon left the table: its mark is dropped');
    await h.keys('d');
    expect(h.text()).toContain('Delete 2 sessions? This cannot be undone.');
    expect(h.text()).toContain('skaha-tui delete dt000002 nb000001');
    await h.keys('y');
    expect(sent(connection, 'delete')).toEqual([{ ids: ['dt000002', 'nb000001'] }]);
  });

  it('an open confirmation drops a session that leaves, and closes when none is left', async () => {
    const { h, connection } = await start();
    await h.keys('space', 'space', 'd');
    expect(h.text()).toContain('Delete 2 sessions?');
    connection.pushState(stateWith(without('cr000006')));
    await h.settle();
    expect(h.text()).toContain('Delete 1 session?');
    expect(h.text()).not.toContain('cr000006  carta-soon');
    expect(h.lines().at(-1)).toContain('carta-soon left: the dialog now lists 1 session');
    connection.pushState(stateWith(without('cr000006', 'dt000002')));
    await h.settle();
    expect(h.text()).not.toContain('Delete 1 session?');
    expect(h.lines().at(-1)).toContain('desk left: nothing left to delete, the dialog closed');
    await h.keys('y');
    expect(sent(connection, 'delete')).toEqual([]);
  });

  it("keeps the note in sight when the daemon's notification about the same session follows it", async () => {
    const { h, connection } = await start();
    await h.keys('space', 'space', 'd');
    connection.pushState(stateWith(without('cr000006')));
    await h.settle();
    const notice = (at: number) => ({
      key: `vanished:${at}`,
      title: 'Session carta-soon vanished',
      body: 'it left the listing before its expiry; check the platform',
      urgency: 'critical' as const,
      at,
    });
    connection.pushEvent('notification', notice(1));
    await h.settle();
    expect(h.lines().at(-1)).toBe(
      'carta-soon left: the dialog now lists 1 session · Session carta-soon vanished: it left the listing before its expiry; check the platform',
    );
    // Once the note has been read, a notification replaces it as before.
    h.clock.advance(3000);
    connection.pushEvent('notification', { ...notice(2), title: 'Session desk launched', body: '', urgency: 'low' });
    await h.settle();
    expect(h.lines().at(-1)).toBe('Session desk launched');
  });

  it('says when marks are hidden by the filter, and the dialog still lists them all', async () => {
    const { h } = await start();
    await h.keys('space', 'space', '/', 'c', 'a', 'r', 't', 'a', 'enter');
    expect(h.text()).toContain('2 marked (1 hidden by the filter)');
    await h.keys('d');
    expect(h.text()).toContain('Delete 2 sessions?');
  });

  it('a renew leaves finished marked sessions out and says so', async () => {
    const done = makeSession({ id: 'dn000007', name: 'done', status: 'Completed' });
    const connection = new FakeConnection(stateWith([...demoSessions(), done]));
    const { h } = await start(connection);
    await h.keys('a', '/', 'd', 'o', 'n', 'e', 'enter', 'space', '/', 'backspace', 'backspace', 'backspace', 'backspace', 'enter');
    await h.keys('g', 'space', 'r');
    expect(h.text()).toContain('2 marked');
    expect(h.text()).toContain('Renew 1 session?');
    expect(h.text()).toContain('1 marked session has finished and is left out: finished sessions cannot be renewed.');
  });
});

describe('the cursor follows the session', () => {
  const rowsOf = (sessions: Session[]) => stateWith(sessions);

  it('stays on its session when rows above it go', async () => {
    const { h, connection } = await start();
    await h.keys('j', 'j', 'j');
    expect(h.text()).toContain('nb-main (nb000001) notebook Running');
    connection.pushState(rowsOf(without('dt000002', 'cr000006')));
    await h.settle();
    expect(h.text()).toContain('nb-main (nb000001) notebook Running');
  });

  it('moves to the neighbour below when its session leaves, and says so', async () => {
    const { h, connection } = await start();
    await h.keys('j');
    expect(h.text()).toContain('carta-soon (cr000006) carta Running');
    connection.pushState(rowsOf(without('cr000006')));
    await h.settle();
    expect(h.text()).toContain('replica group fit (3 replicas)');
    expect(h.lines().at(-1)).toBe('carta-soon is no longer listed — cursor on fit');
    // Once the greyed row has gone too, the cursor has not moved again.
    h.clock.advance(5000);
    await h.settle();
    expect(h.text()).toContain('replica group fit (3 replicas)');
  });

  it('moves to the neighbour above when the last row leaves', async () => {
    const { h, connection } = await start();
    await h.keys('G');
    expect(h.text()).toContain('nb-main (nb000001) notebook Running');
    connection.pushState(rowsOf(without('nb000001')));
    await h.settle();
    expect(h.text()).toContain('replica group fit (3 replicas)');
    expect(h.lines().at(-1)).toBe('nb-main is no longer listed — cursor on fit');
  });

  it('says that a session that finished is hidden', async () => {
    const { h, connection } = await start();
    await h.keys('G');
    connection.pushState(rowsOf(demoSessions().map((s) => (s.id === 'nb000001' ? { ...s, status: 'Completed' } : s))));
    await h.settle();
    expect(h.lines().at(-1)).toBe('nb-main is Completed and hidden (a shows all) — cursor on fit');
  });

  it('never rests on a removed row: j passes over it, so j×N lands N sessions down', async () => {
    const { h, connection } = await start();
    // Rows: desk, carta-soon, fit, nb-main. carta-soon leaves but stays greyed for a moment.
    connection.pushState(rowsOf(without('cr000006')));
    await h.settle();
    expect(tableRows(h.lines())).toContain(' -cr000006 carta-soon');
    await h.keys('j');
    expect(h.text()).toContain('replica group fit (3 replicas)');
    await h.keys('j');
    expect(h.text()).toContain('nb-main (nb000001) notebook Running');
    await h.keys('k', 'k');
    expect(h.text()).toContain('desk (dt000002) desktop Pending');
  });
});
