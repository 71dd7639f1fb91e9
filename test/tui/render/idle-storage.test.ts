// The idle flag in the sessions table (the WHY cell) and home storage in the header.
import { describe, expect, it } from 'vitest';
import { headerLines, type HeaderInput } from '../../../tui/render/header.js';
import { sessionsTableLines } from '../../../tui/render/sessions-table.js';
import { buildTable } from '../../../tui/render/table-rows.js';
import { renderContext } from '../../../tui/render/context.js';
import { stripTags } from '../../../tui/render/paint.js';
import { utcClock } from '../../../tui/render/cells.js';
import { initialView } from '../../../tui/view-state.js';
import { emptyInsight } from '../../../src/state/insight.js';
import type { StorageStatus } from '../../../src/state/storage.js';
import type { DaemonState } from '../../../src/state/state.js';
import type { ConnectionStatus } from '../../../src/daemon-client/daemon-connection.js';
import { makeSession, T0 } from '../../helpers/builders.js';
import { stateWith } from '../helpers/states.js';

const ctx = renderContext({ now: T0, clock: utcClock });
const HOUR = 3_600_000;
const connected: ConnectionStatus = { state: 'connected', since: T0, attempt: 0, lastError: null, nextRetryAt: null };

describe('idle flag in the sessions table', () => {
  const idle = makeSession({ id: 'nb000001', name: 'analysis', cpu: { requested: 8, used: 0.02 } });
  const busy = makeSession({ id: 'nb000002', name: 'busy', cpu: { requested: 8, used: 3 } });
  const flex = makeSession({ id: 'nb000003', name: 'flexy', cpu: { requested: null, used: 0.01 }, ramGB: { requested: null, used: 1 }, fixed: false });
  const spell = (since: number, flaggedAt: number | null, threshold = 0.4) => ({ ...emptyInsight(), idle: { since, threshold, flaggedAt } });

  function table(state: DaemonState): { raw: string[]; plain: string[] } {
    const view = initialView();
    const raw = sessionsTableLines(buildTable(state, view), view, { width: 160, height: 10 }, ctx, { synced: true, insights: state.insights });
    return { raw, plain: raw.map(stripTags) };
  }

  it('a flagged session says how long, how little of how much, and the key to delete it, in amber', () => {
    const state = stateWith([idle, busy, flex], { insights: { nb000001: spell(T0 - 7 * HOUR, T0 - HOUR), nb000003: spell(T0 - 6 * HOUR, T0, 0.05) } });
    const { raw, plain } = table(state);
    expect(plain[0]).toMatch(/\bWHY\b/);
    expect(plain.find((l) => l.includes('analysis'))).toMatch(/idle 7h: 0\.02 of 8 cores — d to delete/);
    expect(raw.find((l) => l.includes('analysis'))).toMatch(/\{yellow-fg\}idle 7h/);
    expect(plain.find((l) => l.includes('flexy'))).toMatch(/idle 6h: 0\.01 cores \(flexible\) — d to delete/);
    expect(plain.find((l) => l.includes('busy'))).not.toMatch(/idle/);
  });

  it('a spell not yet long enough is not flagged', () => {
    const { plain } = table(stateWith([idle], { insights: { nb000001: spell(T0 - 5 * HOUR, null) } }));
    expect(plain.join('\n')).not.toMatch(/idle/);
  });
});

describe('home storage in the header', () => {
  const status = (usedGiB: number | null, quotaGiB: number | null, unknown: string | null = null): StorageStatus => ({
    usedBytes: usedGiB === null ? null : usedGiB * 2 ** 30,
    quotaBytes: quotaGiB === null ? null : quotaGiB * 2 ** 30,
    nodeDate: null,
    node: '/arc/nodes/home/alice',
    user: 'alice',
    readAt: usedGiB === null ? null : T0,
    checkedAt: T0,
    unknown,
    high: false,
  });
  function line(storage: StorageStatus | null): { raw: string; plain: string } {
    const state = stateWith([], { storage });
    const view = initialView();
    const input: HeaderInput = {
      state,
      connection: connected,
      view,
      table: buildTable(state, view),
      serverUrl: 'https://ws-uv.canfar.net/skaha',
      user: 'alice',
      readonly: false,
      demo: false,
    };
    const raw = headerLines(input, 200, ctx)[1];
    return { raw, plain: stripTags(raw) };
  }

  it('shows use, quota and share: plain under 80 %, amber from 80 %, red from 90 %', () => {
    expect(line(status(37.5, 100)).plain).toMatch(/home 37\.5\/100 GiB \(38%\)$/);
    expect(line(status(37.5, 100)).raw).not.toMatch(/-fg\}37\.5/);
    expect(line(status(80, 100)).raw).toMatch(/\{yellow-fg\}80\.0\/100 GiB \(80%\)/);
    expect(line(status(91.2, 100)).raw).toMatch(/\{red-fg\}91\.2\/100 GiB \(91%\)/);
  });

  it('says "storage unknown" without a storage service, and keeps the last figures after a failed read', () => {
    expect(line(status(null, null, 'this server has no storage service')).plain).toMatch(/storage unknown$/);
    expect(line(status(12, 100, 'could not read it: timeout')).plain).toMatch(/home 12\.0\/100 GiB \(12%\)$/);
    expect(line(status(500, null)).plain).toMatch(/home 500 GiB used$/);
    // Not tried yet, or switched off (storage.enabled: false): no item at all.
    expect(line(null).plain).not.toMatch(/home|storage/);
  });
});
