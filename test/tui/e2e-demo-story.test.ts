// `skaha-tui demo` at its default speed, read as a new user would: within the first minute the
// dashboard shows a queued job with its reason, an image that cannot be pulled, a preemption, a job
// killed for memory, a renew that works and two that do not, each long enough to be read.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TmuxPane } from './helpers/tmux.js';

const BIN = path.resolve(process.env.SKAHA_TUI_E2E_BIN ?? 'dist/bin/skaha-tui.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'skt-story-'));
const pane = new TmuxPane(dir, 'story');

afterAll(async () => {
  pane.keys(['q']);
  await pane.waitForExit(15_000);
  pane.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** What must show, as a pattern on the session's table row. */
const STORY: Record<string, { name: string; pattern: RegExp }> = {
  queued: { name: 'survey', pattern: /Pending\s+queued — no pod yet \(Kueue\)/ },
  imagePull: { name: 'reprocess', pattern: /Pending\s+image cannot be pulled: / },
  preempted: { name: 'sweep', pattern: /Pending\s+preempted — queued again/ },
  oom: { name: 'fit-model', pattern: /Failed\s+likely out of memory/ },
  renewed: { name: 'analysis', pattern: /Running\s+renewed until \d\d:\d\d \w{3}/ },
  renewFailed: { name: 'cube-viewer', pattern: /Running\s+renew failed: unexpected exception/ },
  notRenewed: { name: 'spectra', pattern: /Running\s+not renewed: the server did not renew it/ },
};

describe('the demo tells its story in the first minute (default speed)', { timeout: 120_000 }, () => {
  it('shows each state, each for long enough to read', async () => {
    mkdirSync(path.join(dir, 'tmp'));
    pane.start(`node ${BIN} demo`, { NCURSES_NO_UTF8_ACS: '1', LANG: 'C.UTF-8', TMPDIR: path.join(dir, 'tmp'), PATH: process.env.PATH ?? '/usr/bin:/bin' });
    await pane.waitFor(/DEMO/, 20_000);
    const start = Date.now();
    // Finished sessions are hidden by default: show all, as a user looking for the failed job would.
    pane.keys(['a']);
    const seen = new Map<string, { first: number; last: number }>();
    while (Date.now() - start < 60_000) {
      const rows = pane.capture().split('\n');
      for (const [what, { name, pattern }] of Object.entries(STORY)) {
        const row = rows.find((r) => new RegExp(`\\s${name}\\s`).test(r)) ?? '';
        if (!pattern.test(row)) continue;
        const at = Date.now() - start;
        const was = seen.get(what);
        seen.set(what, { first: was?.first ?? at, last: at });
      }
      // Every state seen, and the queued job admitted (it is queued for 25 s): enough to judge how long they last.
      if (seen.size === Object.keys(STORY).length && !STORY.queued.pattern.test(rows.find((r) => /\ssurvey\s/.test(r)) ?? '')) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(STORY).sort());
    for (const [what, { first }] of seen) expect(first, `${what} first seen after ${first} ms`).toBeLessThan(60_000);
    // A person needs a few seconds to read a state: the queue and the preemption last.
    expect(seen.get('queued')!.last - seen.get('queued')!.first).toBeGreaterThanOrEqual(8_000);
    expect(seen.get('preempted')!.last - seen.get('preempted')!.first).toBeGreaterThanOrEqual(8_000);
  });
});
