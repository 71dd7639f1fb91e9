// `npm start` (skaha-tui demo) in a real terminal: the DEMO dashboard comes up on seeded sessions,
// and `q` leaves no process and no temp file behind.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TmuxPane } from './helpers/tmux.js';

const BIN = path.resolve(process.env.SKAHA_TUI_E2E_BIN ?? 'dist/bin/skaha-tui.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'skt-demo-'));
const privateTmp = path.join(dir, 'tmp');
const pane = new TmuxPane(dir, 'demo');

/** Pids of processes whose environment mentions `needle` (the demo's private TMPDIR). */
function processesMentioning(needle: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      if (pid === process.pid) return false;
      try {
        return readFileSync(`/proc/${pid}/environ`, 'latin1').includes(needle);
      } catch {
        return false;
      }
    });
}

afterAll(() => {
  pane.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start: the demo', { timeout: 60_000 }, () => {
  it('shows the DEMO dashboard with the seeded sessions, and q cleans everything up', async () => {
    mkdirSync(privateTmp);
    pane.start(`node ${BIN} demo --speed 50`, {
      NCURSES_NO_UTF8_ACS: '1',
      LANG: 'C.UTF-8',
      TMPDIR: privateTmp,
      PATH: process.env.PATH ?? '/usr/bin:/bin',
    });
    const screen = await pane.waitFor((text) => /DEMO/.test(text) && /analysis/.test(text) && /reduce/.test(text) && /desk/.test(text));
    expect(screen).toMatch(/daemon ● connected/);
    expect(readdirSync(privateTmp).some((name) => name.startsWith('skaha-demo-'))).toBe(true);
    expect(processesMentioning(privateTmp).length).toBeGreaterThan(0);
    pane.keys(['q']);
    expect(await pane.waitForExit(15_000)).toBe(0);
    expect(readdirSync(privateTmp)).toEqual([]);
    expect(processesMentioning(privateTmp)).toEqual([]);
  });
});
