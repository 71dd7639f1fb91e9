import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeHistories, encodeHistories, type Histories } from '../../../daemon/store/history-codec.js';
import { HistoryFile } from '../../../daemon/store/history-file.js';
import { appendStats, appendUsage, emptyStats, type UsageHistory } from '../../../src/state/usage.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { T0 } from '../../state/builders.js';

let dir: string;
let file: string;
let clock: FakeClock;

function usageOver(hours: number, seed: number): UsageHistory {
  let h: UsageHistory | undefined;
  for (let t = T0; t <= T0 + hours * 3600_000; t += 15_000)
    h = appendUsage(h, { t, cpu: ((t / 15_000 + seed) % 7) / 4, ram: seed % 3 === 0 ? null : 2 + seed }, t);
  return h!;
}

function histories(): Histories {
  let statsHistory = emptyStats();
  for (let t = T0; t <= T0 + 8 * 3600_000; t += 60_000)
    statsHistory = appendStats(statsHistory, { t, cpuAllocated: t % 977, cpuCapacity: 1000.25, ramAllocated: null, ramCapacity: 4096 });
  return { usage: { 'a-1': usageOver(8, 1), 'ünï-2': usageOver(2, 3) }, statsHistory, accounts: {} };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skaha-history-'));
  file = join(dir, 'history.bin');
  clock = new FakeClock(T0);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('history codec', () => {
  it('round-trips every point of every series, and the series go on as the originals do', () => {
    const original = histories();
    const bytes = encodeHistories(original);
    const decoded = decodeHistories(bytes);
    expect(Object.keys(decoded.usage)).toEqual(['a-1', 'ünï-2']);
    expect(decoded.usage['a-1'].tierPoints()).toEqual(original.usage['a-1'].tierPoints());
    expect(decoded.statsHistory.tierPoints()).toEqual(original.statsHistory.tierPoints());
    const next = { t: T0 + 9 * 3600_000, cpu: 1, ram: 1 };
    expect(decoded.usage['ünï-2'].append(next, next.t).tierPoints()).toEqual(original.usage['ünï-2'].append(next, next.t).tierPoints());
    // Compact: well under 24 bytes a point (a JSON point is ~75).
    const points = original.usage['a-1'].size + original.usage['ünï-2'].size + original.statsHistory.size;
    expect(bytes.length / points).toBeLessThan(30);
  });

  it('says what is wrong with bytes that are not a history file', () => {
    const bytes = encodeHistories(histories());
    expect(() => decodeHistories(Buffer.from('{"json": true}'))).toThrow(/not a skaha-tui history file/);
    expect(() => decodeHistories(bytes.subarray(0, bytes.length - 3))).toThrow(/ends early/);
    expect(() => decodeHistories(Buffer.concat([bytes, Buffer.from([1])]))).toThrow(/1 bytes after the last series/);
    const version = Buffer.from(bytes);
    version[4] = 99;
    expect(() => decodeHistories(version)).toThrow(/format 99/);
  });
});

describe('HistoryFile', () => {
  it('writes a change only after its interval, atomically and private, and not again when unchanged', async () => {
    const store = new HistoryFile(file, { clock, intervalMs: 300_000 });
    expect(await store.load()).toEqual({ histories: null, warning: null });
    const h = histories();
    store.save(h);
    clock.advance(299_000);
    await Promise.resolve();
    expect(existsSync(file)).toBe(false);
    clock.advance(1000);
    await store.flush();
    expect(store.writes).toBe(1);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['history.bin']);
    store.save(h);
    await store.flush();
    expect(store.writes).toBe(1);
    const again = await new HistoryFile(file, { clock }).load();
    expect(again.histories!.usage['a-1'].tierPoints()).toEqual(h.usage['a-1'].tierPoints());
  });

  it('writes at once on flush (shutdown), and moves a bad file aside with a warning', async () => {
    const store = new HistoryFile(file, { clock });
    store.save(histories());
    await store.flush();
    expect(store.writes).toBe(1);
    writeFileSync(file, 'garbage');
    const result = await new HistoryFile(file, { clock }).load();
    expect(result.histories).toBeNull();
    expect(result.warning).toMatch(/history file .* was not usable: it is not a skaha-tui history file; moved it to .*corrupt/);
    expect(readdirSync(dir).some((name) => name.startsWith('history.bin.corrupt-'))).toBe(true);
    expect(
      readFileSync(
        join(
          dir,
          readdirSync(dir).find((n) => n.includes('corrupt'))!,
        ),
        'utf8',
      ),
    ).toBe('garbage');
  });

  it('moves a history path that is a folder aside like a corrupt file', async () => {
    mkdirSync(join(file, 'inside'), { recursive: true });
    const result = await new HistoryFile(file, { clock }).load();
    expect(result.histories).toBeNull();
    expect(result.warning).toMatch(/history file .* was not usable: it could not be read \(.*EISDIR.*\); moved it to .*corrupt/);
    expect(existsSync(file)).toBe(false);
    expect(
      statSync(
        join(
          dir,
          readdirSync(dir).find((n) => n.includes('corrupt'))!,
          'inside',
        ),
      ).isDirectory(),
    ).toBe(true);
  });

  it('closes with one last write attempt and leaves no retry timer behind when that write fails', async () => {
    const store = new HistoryFile(join(dir, 'missing-folder', 'history.bin'), { clock });
    store.save(histories());
    expect(clock.pending()).toBe(1);
    await store.flush();
    // A failed write while running retries after the interval.
    expect(store.writes).toBe(0);
    expect(clock.pending()).toBe(1);
    await store.close();
    expect(store.writes).toBe(0);
    expect(clock.pending()).toBe(0);
    store.save(histories());
    expect(clock.pending()).toBe(0);
  });
});
