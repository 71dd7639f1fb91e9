// The binary's dashboard loads its keys, dialogs and prompt after the first frame. A key pressed
// before they are in is kept and handled once they are, in order: each feature works the first time
// its key is pressed. Quitting meanwhile leaves nothing behind (an unhandled rejection would crash
// the dashboard), and a failed load is said so and tried again at the next key.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeConnection } from '../helpers/fake-connection.js';
import { startHeadless, type Headless } from '../helpers/headless.js';
import { demoSessions, stateWith } from '../helpers/states.js';
import type { Features } from '../../../tui/controller/feature-types.js';
import { saveProfile } from '../../../src/config/profiles.js';
import { usageReport } from '../../../src/state/usage-report.js';
import { emptyDict } from '../../../src/domain/dict.js';
import type { UsageAccount } from '../../../src/state/usage-accounts.js';

let h: Headless | null = null;
afterEach(async () => {
  await h?.destroy();
  h = null;
});

/** A features source the test lets through: `arrive()` hands over the real ones, `fail()` an error. */
function heldFeatures() {
  let calls = 0;
  let settle: { resolve(f: Features): void; reject(e: Error): void } | null = null;
  const source = () => {
    calls++;
    return new Promise<Features>((resolve, reject) => (settle = { resolve, reject }));
  };
  return {
    source,
    calls: () => calls,
    async arrive() {
      settle!.resolve((await import('../../../tui/controller/features.js')).FEATURES);
    },
    fail(message: string) {
      settle!.reject(new Error(message));
    },
  };
}

const footer = (hh: Headless) => hh.lines().at(-1) ?? '';

/** Starts a dashboard whose keys are held back, presses `keys` at once, then lets the features in. */
async function firstKeys(connection: FakeConnection, keys: string[], options: Parameters<typeof startHeadless>[1] = {}): Promise<Headless> {
  const held = heldFeatures();
  const hh = await startHeadless(connection, { ...options, features: held.source });
  for (const key of keys) hh.dashboard.handleKey(key);
  await hh.settle();
  // Nothing happened yet: the keys wait for the features, which loading was asked for once.
  expect(hh.dashboard.model().view.modal).toBeNull();
  expect(hh.dashboard.model().view.prompt).toBeNull();
  expect(held.calls()).toBe(1);
  await held.arrive();
  await hh.settle();
  return hh;
}

describe('keys before the keys part is loaded', () => {
  it('the first frame is drawn without it, and loading starts once the daemon state is on screen', async () => {
    const held = heldFeatures();
    h = await startHeadless(new FakeConnection(stateWith(demoSessions())), { features: held.source });
    expect(h.text()).toMatch(/┌─+ Sessions ─+┐/);
    expect(h.text()).toContain('nb-main');
    expect(held.calls()).toBe(1);
  });

  it(': opens the prompt, takes the typed command and completes it with Tab, in the order typed', async () => {
    h = await firstKeys(new FakeConnection(stateWith(demoSessions())), [':', 'd', 'e', 'tab']);
    expect(footer(h)).toMatch(/^:del▏\s+del\s+delete$/);
  });

  it(': runs a command with flags through the CLI parser (sort --reverse)', async () => {
    h = await firstKeys(
      new FakeConnection(stateWith(demoSessions())),
      [':', ...'sort name --reverse', 'enter'].map((c) => (c === ' ' ? 'space' : c)),
    );
    expect(h.dashboard.model().view.prompt).toBeNull();
    expect(h.text()).toMatch(/NAME ↓/);
  });

  it('x opens the export dialog', async () => {
    h = await firstKeys(new FakeConnection(stateWith(demoSessions())), ['x']);
    expect(h.text()).toContain('Export the table');
  });

  it('U opens the usage dialog with the daemon report', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    const none = emptyDict<UsageAccount>();
    connection.on('usage', (p) => usageReport(none, p.since!, p.until!));
    h = await firstKeys(connection, ['U']);
    await vi.waitFor(async () => {
      await h!.settle();
      expect(h!.text()).toMatch(/Usage, last 7 days/);
    });
  });

  it('c opens the relaunch dialog for the selected session', async () => {
    h = await firstKeys(new FakeConnection(stateWith(demoSessions())), ['c']);
    expect(h.dashboard.model().view.modal?.type).toBe('relaunch');
  });

  it('? opens the help', async () => {
    h = await firstKeys(new FakeConnection(stateWith(demoSessions())), ['?']);
    expect(h.text()).toMatch(/┌─+ Keys ─+┐/);
  });

  it('n opens the launch form, which lists the saved profiles and loads one', async () => {
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'skaha-lazy-')), 'profiles');
    try {
      await saveProfile(dir, 'fit', { kind: 'headless', image: 'images.canfar.net/skaha/terminal:1.1.1', cores: 2, ram: 8, cmd: 'python' });
      h = await firstKeys(new FakeConnection(stateWith(demoSessions())), ['n', 'up', 'f', 'i', 't', 'enter'], { profilesDir: dir, env: { NO_COLOR: '1' } });
      await vi.waitFor(async () => {
        await h!.settle();
        expect(h!.text()).toContain('loaded profile fit');
      });
    } finally {
      await rm(path.dirname(dir), { recursive: true, force: true });
    }
  });
});

describe('quitting or failing while the keys part loads', () => {
  it('Ctrl-C quits at once; keys kept and a load ending after the quit do nothing, and no rejection goes unhandled', async () => {
    const unhandled = vi.fn<(reason: unknown) => void>();
    process.on('unhandledRejection', unhandled);
    try {
      for (const end of ['arrive', 'fail'] as const) {
        const held = heldFeatures();
        const hh = await startHeadless(new FakeConnection(stateWith(demoSessions())), { features: held.source });
        hh.dashboard.handleKey('x');
        hh.dashboard.handleKey('C-c');
        await expect(hh.dashboard.done).resolves.toBe(0);
        if (end === 'arrive') await held.arrive();
        else held.fail('gone');
        await hh.settle();
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(hh.dashboard.model().view.modal).toBeNull();
        expect(footer(hh)).not.toContain('could not load');
        await hh.destroy();
      }
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('a failed load is said in the footer, and the next key loads again and works', async () => {
    const held = heldFeatures();
    h = await startHeadless(new FakeConnection(stateWith(demoSessions())), { features: held.source });
    h.dashboard.handleKey('x');
    held.fail('ENOENT: no such file');
    await h.settle();
    expect(footer(h)).toContain("could not load the dashboard's keys and dialogs: ENOENT: no such file");
    expect(h.dashboard.model().view.modal).toBeNull();
    h.dashboard.handleKey('x');
    expect(held.calls()).toBe(2);
    await held.arrive();
    await h.settle();
    expect(h.text()).toContain('Export the table');
  });
});
