// o and y: open a session's URL in the browser, or (with none, as over SSH) show it whole and copy it.
import { describe, expect, it } from 'vitest';
import { FakeConnection } from '../helpers/fake-connection.js';
import { useHeadlessDashboard } from '../helpers/headless-harness.js';
import { demoSessions, stateWith } from '../helpers/states.js';

const start = useHeadlessDashboard();

describe('open and copy', () => {
  it('o opens a Running session in the browser', async () => {
    const { h } = await start();
    await h.keys('j', 'o');
    expect(h.opened).toEqual([demoSessions()[5].url]);
    expect(h.lines().at(-1)).toBe('opening carta-soon in the browser');
  });

  it('o with no browser (over SSH) shows the URL whole, copies it with OSC 52, and says both', async () => {
    const long = `https://workload.example.org/session/carta/cr000006/${'x'.repeat(150)}?token=abc`;
    const sessions = demoSessions().map((s) => (s.id === 'cr000006' ? { ...s, url: long } : s));
    const { h } = await start(new FakeConnection(stateWith(sessions)), { noBrowser: true });
    await h.keys('j', 'o');
    expect(h.opened).toEqual([long]);
    expect(h.terminal.written()).toContain(`\u001b]52;c;${Buffer.from(long).toString('base64')}\u0007`);
    const text = h.text();
    expect(text).toContain('Open in the browser');
    expect(text).toContain('No browser could be opened here');
    expect(text).toContain('The URL of carta-soon was copied to the clipboard with OSC 52');
    // Wrapped over lines inside the dialog, but whole: the pieces put together give the URL back.
    const top = h.lines().findIndex((l) => l.includes('┌── Open in the browser'));
    const left = [...h.lines()[top]].indexOf('┌');
    const right = [...h.lines()[top]].lastIndexOf('┐');
    const inside = h
      .lines()
      .slice(top + 1)
      .map((l) =>
        [...l]
          .slice(left + 2, right)
          .join('')
          .trim(),
      );
    const from = inside.findIndex((l) => l.startsWith('https://'));
    expect(inside.slice(from, inside.indexOf('', from)).join('')).toBe(long);
    expect(h.lines().at(-1)).toBe('no browser here: the URL of carta-soon is shown, and copied (OSC 52)');
    await h.keys('escape');
    expect(h.text()).not.toContain('Open in the browser');
  });

  it('o on a URL that is not http(s) refuses it: nothing opened, copied or shown', async () => {
    const sessions = demoSessions().map((s) => (s.id === 'cr000006' ? { ...s, url: 'javascript:alert(1)' } : s));
    const connection = new FakeConnection(stateWith(sessions));
    const { h } = await start(connection, { noBrowser: true });
    await h.keys('j', 'o');
    expect(h.lines().at(-1)).toMatch(/^could not open the browser: refusing to open "javascript:alert\(1\)"/);
    expect(h.terminal.written()).not.toContain('\u001b]52;');
    expect(h.text()).not.toContain('Open in the browser');
  });

  it('o on a Pending session arms open-when-ready; it opens when the session turns Running', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    const { h } = await start(connection);
    await h.keys('o');
    expect(h.opened).toEqual([]);
    expect(h.text()).toContain('opens in the browser when it is Running');
    connection.pushState(stateWith(demoSessions().map((s) => (s.id === 'dt000002' ? { ...s, status: 'Running' } : s))));
    await h.settle();
    expect(h.opened).toEqual(['https://workload.example.org/desktop/dt000002']);
    expect(h.lines().at(-1)).toBe('desk is ready — opening it in the browser');
  });

  it('y copies the URL with OSC 52', async () => {
    const { h } = await start();
    await h.keys('j', 'y');
    const url = demoSessions()[5].url!;
    expect(h.terminal.written()).toContain(`\u001b]52;c;${Buffer.from(url).toString('base64')}\u0007`);
    expect(h.lines().at(-1)).toBe('copied the URL of carta-soon (OSC 52)');
  });
});
