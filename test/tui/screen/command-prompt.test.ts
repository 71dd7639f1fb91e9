// The `:` prompt driven as a user drives it: typing, Tab, ↑/↓, Enter, Esc; each command reaching the
// dashboard's own action; the history file; aliases from the config.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeConnection } from '../helpers/fake-connection.js';
import { useHeadlessDashboard } from '../helpers/headless-harness.js';
import { demoSessions, stateWith } from '../helpers/states.js';
import type { Headless } from '../helpers/headless.js';
import { saveProfile } from '../../../src/config/profiles.js';
import { sanitiseLaunchRequest } from '../../../src/state/launches.js';
import { makeSession, T0 } from '../../helpers/builders.js';
import { waitUntil } from '../../helpers/wait-until.js';
import { usageReport } from '../../../src/state/usage-report.js';
import type { UsageAccount } from '../../../src/state/usage-accounts.js';
import { emptyDict } from '../../../src/domain/dict.js';

const start = useHeadlessDashboard();
let dir: string;
let historyFile: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'skt-prompt-'));
  historyFile = path.join(dir, 'state', 'prompt-history');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sent = (c: FakeConnection, method: string) => c.sent.filter((r) => r.method === method).map((r) => r.params);
const footer = (h: Headless) => h.lines().at(-1) ?? '';

/** Types text into the prompt one key at a time (a space is the key 'space'). */
async function type(h: Headless, text: string): Promise<void> {
  for (const c of text) await h.keys(c === ' ' ? 'space' : c);
}

/** The whole help text: the open help dialog paged through to its end. */
async function helpText(h: Headless): Promise<string> {
  let text = h.text();
  for (let i = 0; i < 8; i++) {
    await h.keys('pagedown');
    text += `\n${h.text()}`;
  }
  return text;
}

/** Waits for the launch form (a profile is read from disk first). */
const formOpen = (h: Headless) =>
  waitUntil(async () => {
    await h.settle();
    return h.dashboard.model().view.modal?.type === 'launch';
  }, 'the form');

async function run(h: Headless, line: string): Promise<void> {
  await h.keys(':');
  await type(h, line);
  await h.keys('enter');
}

describe('the : prompt', () => {
  it('opens at the bottom with :, shows what is typed, and Esc closes it without running anything', async () => {
    const { h, connection } = await start();
    await h.keys(':');
    expect(footer(h)).toBe(':▏');
    await type(h, 'delete nb-main');
    expect(footer(h)).toBe(':delete nb-main▏');
    await h.keys('escape');
    expect(h.dashboard.model().view.prompt).toBeNull();
    expect(h.dashboard.model().view.modal).toBeNull();
    expect(sent(connection, 'delete')).toEqual([]);
  });

  it('Tab completes commands, flags, kinds, session names and ids, and lists the choices when it cannot choose', async () => {
    const { h } = await start();
    await h.keys(':');
    await type(h, 'de');
    await h.keys('tab');
    expect(footer(h)).toMatch(/^:del▏\s+del\s+delete$/);
    await type(h, 'ete car');
    await h.keys('tab');
    expect(footer(h)).toBe(':delete carta-soon ▏');
    await type(h, 'fit');
    await h.keys('tab');
    expect(footer(h)).toMatch(/:delete carta-soon fit▏\s+fit\s+fit-1\s+fit-2\s+fit-3/);
    await h.keys('C-u');
    await type(h, 'renew hl00000');
    await h.keys('tab');
    expect(footer(h)).toMatch(/hl000003\s+hl000004\s+hl000005/);
    await h.keys('C-u');
    await type(h, 'launch he');
    await h.keys('tab');
    expect(footer(h)).toBe(':launch headless ▏');
    await type(h, '--na');
    await h.keys('tab');
    expect(footer(h)).toBe(':launch headless --name ▏');
    await h.keys('C-u');
    await type(h, 'sort ex');
    await h.keys('tab');
    expect(footer(h)).toBe(':sort expires ▏');
    await h.keys('C-u');
    await type(h, 'export m');
    await h.keys('tab');
    expect(footer(h)).toBe(':export md ▏');
  });

  it('delete NAME and renew ID open the usual confirmation for exactly those sessions; y sends it', async () => {
    const { h, connection } = await start();
    await run(h, 'delete carta-soon');
    expect(h.text()).toContain('Delete 1 session?');
    expect(sent(connection, 'delete')).toEqual([]);
    await h.keys('y');
    expect(sent(connection, 'delete')).toEqual([{ ids: ['cr000006'] }]);
    await run(h, 'renew nb000001');
    expect(h.text()).toContain('Renew 1 session?');
    await h.keys('y');
    expect(sent(connection, 'renew')).toEqual([{ ids: ['nb000001'] }]);
  });

  it('delete with no session works on the selection, as d does', async () => {
    const { h } = await start();
    await h.keys('j');
    await run(h, 'rm');
    expect(h.dashboard.model().view.modal).toMatchObject({ type: 'confirm', action: 'delete', ids: ['cr000006'] });
  });

  it('logs, events and open NAME select the session (unfolding its replica group) and do what l, e and o do', async () => {
    const { h, connection } = await start();
    await run(h, 'logs fit-3');
    expect(sent(connection, 'logs.subscribe')).toEqual([expect.objectContaining({ sessionId: 'hl000005' })]);
    await run(h, 'events carta-soon');
    expect(h.dashboard.model().view).toMatchObject({ selected: 'cr000006', detailsMode: 'events' });
    await run(h, 'open nb-main');
    expect(h.opened).toEqual([expect.stringContaining('/nb000001/')]);
    // fit is the name of a replica group of three.
    await run(h, 'open fit');
    expect(footer(h)).toContain("'fit' names 3 sessions (hl000003, hl000004, hl000005): give one id");
    await run(h, 'open nothing');
    expect(footer(h)).toContain("no session has the id or name 'nothing'");
  });

  it('filter and sort set the view; filter alone clears it', async () => {
    const { h } = await start();
    await run(h, 'filter fit');
    expect(h.dashboard.model().view.filter).toBe('fit');
    expect(h.text()).not.toContain('nb-main');
    await run(h, 'sort name --reverse');
    expect(h.dashboard.model().view.sort).toEqual({ column: 'name', descending: true });
    await run(h, 'filter');
    expect(h.dashboard.model().view.filter).toBe('');
  });

  it('launch opens the form filled from the same flags the CLI takes', async () => {
    const { h, connection } = await start();
    await run(h, "launch headless skaha/terminal:1.1.1 --name job1 --cores 2 --ram 8 --env MODE=fast -r 3 -- python 'run it.py' --fast");
    expect(h.dashboard.model().view.modal).toMatchObject({
      type: 'launch',
      form: {
        kind: 'headless',
        image: 'skaha/terminal:1.1.1',
        name: 'job1',
        fixed: true,
        cores: 2,
        ram: 8,
        env: 'MODE=fast',
        replicas: '3',
        cmd: 'python',
        args: 'run it.py --fast',
      },
    });
    expect(sent(connection, 'launch')).toEqual([]);
  });

  it('profile NAME and launch --profile NAME fill the form from a saved profile, flags on top; Tab completes profile names', async () => {
    const profiles = path.join(dir, 'profiles');
    await saveProfile(profiles, 'fit', {
      kind: 'headless',
      image: 'images.canfar.net/skaha/terminal:1.1.1',
      cores: 2,
      ram: 8,
      cmd: 'python',
      args: 'fit.py',
      env: ['MODE=fast'],
      replicas: 3,
    });
    await saveProfile(profiles, 'fast', { kind: 'notebook', image: 'images.canfar.net/skaha/astroml:latest' });
    const { h } = await start(undefined, { profilesDir: profiles });
    await h.keys(':');
    await type(h, 'profile f');
    await waitUntil(async () => {
      await h.keys('tab');
      return /fast\s+fit/.test(footer(h));
    }, 'the profile names');
    await type(h, 'i');
    await h.keys('tab');
    expect(footer(h)).toBe(':profile fit ▏');
    await type(h, '--replicas 5');
    await h.keys('enter');
    await formOpen(h);
    expect(h.dashboard.model().view.modal).toMatchObject({
      form: { profile: 'fit', kind: 'headless', cmd: 'python', args: 'fit.py', env: 'MODE=fast', replicas: '5', cores: 2, fixed: true },
    });
    await h.keys('escape');
    await h.keys(':');
    await type(h, 'launch --profile fa');
    await h.keys('tab');
    expect(footer(h)).toBe(':launch --profile fast ▏');
    await type(h, '--name nb7');
    await h.keys('enter');
    await formOpen(h);
    expect(h.dashboard.model().view.modal).toMatchObject({ form: { kind: 'notebook', image: 'images.canfar.net/skaha/astroml:latest', name: 'nb7' } });
    await h.keys('escape');
    await run(h, 'profile nosuch');
    await waitUntil(async () => {
      await h.settle();
      return /nosuch/.test(footer(h));
    }, 'the error');
    expect(h.dashboard.model().view.modal).toBeNull();
  });

  it('relaunch NAME opens the relaunch dialog (c) for that session; relaunch GROUP --failed the rerun of its failed replicas', async () => {
    const job = (id: string, name: string, status: string) => makeSession({ id, name, kind: 'headless', status, url: null, expiresAt: null });
    const sessions = [...demoSessions(), job('arr00001', 'arr-1', 'Completed'), job('arr00002', 'arr-2', 'Failed')];
    const request = { kind: 'headless', image: 'images.canfar.net/skaha/terminal:1.1.1', name: 'arr', replicas: 2, cmd: 'python', args: 'run.py' } as const;
    const launches = [
      {
        id: 'L1',
        at: T0 - 700_000,
        error: null,
        request: sanitiseLaunchRequest(request),
        results: [
          { name: 'arr-1', id: 'arr00001' },
          { name: 'arr-2', id: 'arr00002' },
        ],
      },
    ];
    const { h } = await start(new FakeConnection(stateWith(sessions, { launches })));
    await run(h, 'relaunch nb-main');
    expect(h.text()).toContain('Launch nb-main (nb000001) again?');
    await h.keys('escape', 'a');
    await run(h, 'rerun arr --failed');
    expect(h.text()).toContain('Rerun 1 failed replica of arr (of 2)?');
    await h.keys('escape');
    await run(h, 'relaunch nb-main --failed');
    expect(footer(h)).toContain('nb-main is not a replica group');
  });

  it('usage opens the usage view (U) for 7 or 30 days; storage says the home storage the daemon last read', async () => {
    const connection = new FakeConnection(
      stateWith(demoSessions(), {
        storage: {
          usedBytes: 40 * 2 ** 30,
          quotaBytes: 100 * 2 ** 30,
          nodeDate: null,
          node: '/arc/nodes/home/alice',
          user: 'alice',
          readAt: T0,
          checkedAt: T0,
          unknown: null,
          high: false,
        },
      }),
    );
    connection.on('usage', (p) => usageReport(emptyDict<UsageAccount>(), p.since!, p.until!));
    const { h } = await start(connection);
    await h.keys(':');
    await type(h, 'usage --since 3');
    await h.keys('tab');
    expect(footer(h)).toBe(':usage --since 30d ▏');
    await h.keys('enter');
    expect(h.dashboard.model().view.modal).toMatchObject({ type: 'usage', days: 30 });
    const [asked] = sent(connection, 'usage') as Array<{ since: number; until: number }>;
    expect(asked.until - asked.since).toBe(30 * 86_400_000);
    await h.keys('escape');
    await run(h, 'usage --since 2d');
    expect(footer(h)).toContain("invalid value '2d' for '--since' (choose from 7d, 30d)");
    await run(h, 'storage');
    expect(footer(h)).toContain('home storage 40 GiB of 100 GiB (40%), read 2026-11-22T12:00:00Z');
  });

  it('says what is wrong: an unknown command with the closest one, a bad flag, an unknown session, a CLI-only option', async () => {
    const { h } = await start();
    await run(h, 'delet nb-main');
    expect(footer(h)).toContain("unknown command 'delet': did you mean delete?");
    await run(h, 'delete --force nb-main');
    expect(footer(h)).toContain("unknown option '--force' for 'delete'");
    await run(h, 'delete nosuch');
    expect(footer(h)).toContain("no session has the id or name 'nosuch'");
    await run(h, 'sort colour');
    expect(footer(h)).toContain("unknown sort column 'colour'");
    await run(h, 'delete nb-main --token abc');
    expect(footer(h)).toContain('--token is an option of the skaha-tui command line, not of the prompt');
    expect(h.dashboard.model().view.modal).toBeNull();
    await run(h, 'delete --help');
    expect(footer(h)).toContain('delete [SESSION]...   (same as d · skaha-tui delete)');
    await run(h, 'help sort');
    expect(footer(h)).toContain('sort COLUMN [--reverse]   (same as s, < > · S)');
  });

  it('refuses launch, delete and renew in --readonly, as their keys do', async () => {
    const { h } = await start(undefined, { readonly: true });
    await run(h, 'delete nb-main');
    expect(h.dashboard.model().view.modal).toBeNull();
    expect(footer(h)).toMatch(/read-only/);
  });

  it('keeps the history across runs (owner-only, bounded), recalls it with ↑/↓, and never stores --env values or tokens', async () => {
    const first = await start(undefined, { promptHistoryFile: historyFile });
    await run(first.h, 'filter fit');
    await run(first.h, 'launch headless img --env API_TOKEN=s3cret -e MODE=fast');
    await first.h.keys('escape');
    await run(first.h, 'delete nb-main --token hunter2');
    await first.h.dashboard.stop();
    expect(statSync(historyFile).mode & 0o777).toBe(0o600);
    const stored = readFileSync(historyFile, 'utf8');
    expect(stored).toBe('filter fit\nlaunch headless img --env API_TOKEN=… -e MODE=…\n');
    expect(stored).not.toContain('s3cret');
    expect(stored).not.toContain('hunter2');

    const { h } = await start(undefined, { promptHistoryFile: historyFile });
    await h.keys(':');
    await type(h, 'so');
    await h.keys('up');
    expect(footer(h)).toBe(':launch headless img --env API_TOKEN=… -e MODE=…▏');
    await h.keys('up');
    expect(footer(h)).toBe(':filter fit▏');
    await h.keys('up');
    expect(footer(h)).toBe(':filter fit▏');
    await h.keys('down', 'down');
    expect(footer(h)).toBe(':so▏');
    await h.keys('up', 'up', 'enter');
    expect(h.dashboard.model().view.filter).toBe('fit');
  });

  it('runs aliases from the config file, completes them, lists them in help, and picks up a changed config', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    let aliases: Record<string, string> = { nb: 'launch notebook --cores 2', gone: 'filter !Completed' };
    connection.on('config.get', () => ({ commands: { aliases } }));
    const { h } = await start(connection);
    await h.keys(':', 'n');
    await h.keys('tab');
    expect(footer(h)).toBe(':nb ▏');
    await type(h, '--name x1');
    await h.keys('enter');
    expect(h.dashboard.model().view.modal).toMatchObject({ type: 'launch', form: { kind: 'notebook', cores: 2, name: 'x1', fixed: true } });
    await h.keys('escape', '?');
    expect(await helpText(h)).toMatch(/:nb\s+alias \(config file\) for: launch notebook --cores 2/);
    await h.keys('escape');
    aliases = { mine: 'filter nb' };
    const state = connection.state!;
    connection.pushState({ ...state, config: { ...state.config, changedAt: 1 } });
    await h.settle();
    await run(h, 'mine');
    expect(h.dashboard.model().view.filter).toBe('nb');
    await run(h, 'nb');
    expect(footer(h)).toContain("unknown command 'nb'");
  });

  it('help and quit do what ? and q do; ? lists every prompt command with its key or CLI equivalent', async () => {
    const { h } = await start();
    await run(h, 'help');
    const text = await helpText(h);
    expect(text).toContain('Command prompt (:)');
    expect(text).toMatch(/:delete\s+\[d · skaha-tui delete\] delete sessions by id or name/);
    for (const name of [
      'launch',
      'relaunch',
      'profile',
      'usage',
      'storage',
      'renew',
      'logs',
      'events',
      'open',
      'filter',
      'sort',
      'export',
      'refresh',
      'help',
      'quit',
    ])
      expect(text).toMatch(new RegExp(`:${name}\\s+\\[`));
    await h.keys('escape');
    await run(h, 'quit');
    await expect(h.dashboard.done).resolves.toBe(0);
  });
});
