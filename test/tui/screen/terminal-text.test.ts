// The dashboard never lets server text control the terminal: every cell, pane, header, dialog and
// flash shows escape sequences as visible `\xNN` escapes; the log pane turns SGR into its own styling.
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/errors.js';
import { makeSession, T0 } from '../../helpers/builders.js';
import { hasRawControl } from '../../security/daemon-process.js';
import { FakeConnection } from '../helpers/fake-connection.js';
import { startHeadless, type Headless } from '../helpers/headless.js';
import { stateWith } from '../helpers/states.js';

let h: Headless | null = null;
afterEach(async () => {
  await h?.destroy();
  h = null;
});

// Short payloads, so each fits its column: the C1 CSI, an SGR, OSC 0 with BEL, OSC 52, CSI 2J, DEL.
const hostile = makeSession({
  id: '\u009b7m',
  name: 'n\u001b]0;owned\u0007',
  kind: 'k\u009b5m' as 'notebook',
  status: 'S\u001b[31m',
  image: 'images.canfar.net/skaha/i\u001b]52;c;aGk=\u0007:1',
  url: 'https://w.example/\u001b[2J\u007f',
});
const plainSession = makeSession({ id: 'ab12cd34', name: 'plain' });

async function start(state = stateWith([hostile, plainSession])) {
  const connection = new FakeConnection(state);
  h = await startHeadless(connection);
  return { h, connection };
}

/** Asserts the screen holds no raw control character and shows each of `visible`. */
function expectScreen(h: Headless, ...visible: string[]): void {
  const text = h.text();
  expect(hasRawControl(text), JSON.stringify(text.split('\n').filter(hasRawControl))).toBe(false);
  for (const v of visible) expect(text).toContain(v);
}

/** The bytes written to the terminal hold none of the server's sequences (blessed writes its own CSI, so those are looked for by content). */
function expectNoServerBytes(h: Headless): void {
  const written = h.terminal.written();
  expect(written).not.toContain('\u009b');
  expect(written).not.toContain('\u001b]0;owned');
  expect(written).not.toContain('\u001b]52;');
  expect(written).not.toContain('\u007f');
}

describe('dashboard: server text never controls the terminal', () => {
  it('the table cells (id, name, kind, status, image) and the details pane show visible escapes', async () => {
    const { h } = await start();
    expectScreen(h, '\\x9b7m', 'n\\x1b]0;owned\\x07', 'k\\x9b5m', 'S\\x1b[31m', 'i\\x1b]52;c;aGk=\\x07:1', 'https://w.example/\\x1b[2J\\x7f');
    expectNoServerBytes(h);
  });

  it('the log pane keeps SGR colours as its own styling and shows every other control as a visible escape', async () => {
    const { h, connection } = await start();
    await h.keys('l');
    connection.pushEvent('logs:reset', {
      sessionId: '\u009b7m',
      lines: ['plain \u001b[31mRED\u001b[0m after', 'osc \u001b]52;c;aGk=\u0007 clear \u001b[2J c1 \u009b31m bel \u0007 del \u007f'],
    });
    await h.settle();
    expectScreen(h, 'plain RED after', 'osc \\x1b]52;c;aGk=\\x07 clear \\x1b[2J c1 \\x9b31m bel \\x07 del \\x7f');
    expectNoServerBytes(h);
    // RED is drawn red by the pane (blessed's attribute), not by the log's own bytes.
    const row = (h.widgets.screen as unknown as { lines: [number, string][][] }).lines.find((cells) =>
      cells
        .map((c) => c[1])
        .join('')
        .includes('plain RED'),
    )!;
    const text = row.map((c) => c[1]).join('');
    const at = text.indexOf('RED');
    const fg = (attr: number) => (attr >> 9) & 0x1ff;
    expect(fg(row[at][0])).toBe(1);
    expect(fg(row[at - 2][0])).not.toBe(1);
  });

  it('events, the stale header, a flash message and the delete confirmation show visible escapes', async () => {
    const state = stateWith([hostile, plainSession], {
      health: {
        state: 'down',
        since: T0 - 60_000,
        lastError: { code: 'SKAHA_SERVER_ERROR', message: 'boom \u001b]0;owned\u0007 \u009b2J' },
        lastSuccessAt: T0 - 120_000,
        failingSince: T0 - 60_000,
        statsFailing: false,
        stale: true,
      },
    });
    const { h, connection } = await start(state);
    connection.on('events', () => [
      { type: 'Warning', reason: 'R\u009b1m', message: 'msg \u001b[2J\u0007', firstTime: null, lastTime: '2026-11-22T11:59:00Z' },
    ]);
    connection.on('delete', () => {
      throw new AppError('SKAHA_SERVER_ERROR', 'nope \u001b]52;c;aGk=\u0007');
    });
    await h.keys('e');
    expectScreen(h, 'boom \\x1b]0;owned\\x07 \\x9b2J', 'R\\x9b1m: msg \\x1b[2J\\x07');
    await h.keys('d');
    expectScreen(h, 'n\\x1b]0;owned\\x07', 'skaha-tui delete \\x9b7m');
    await h.keys('y');
    expectScreen(h, 'nope \\x1b]52;c;aGk=\\x07');
    expectNoServerBytes(h);
  });

  it('blessed tags in server text are shown, not interpreted', async () => {
    const { h } = await start(stateWith([makeSession({ id: '{bold}ab', name: '{red-fg}x{/red-fg}', status: '{bold}S', image: '{inverse}img' })]));
    expectScreen(h, '{red-fg}x{/red-fg} ({bold}ab)', '{bold}S', '{inverse}img');
    await h.keys('d');
    expectScreen(h, '  {bold}ab  {red-fg}x{/red-fg}');
  });
});
