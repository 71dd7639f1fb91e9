import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePrivateFileChunks } from '../../../daemon/store/write-private-file.js';
import { encodeHistories, historyChunks } from '../../../daemon/store/history-codec.js';
import { HistoryFile } from '../../../daemon/store/history-file.js';
import { appendUsage, emptyStats, type UsageHistory } from '../../../src/state/usage.js';
import { accountAfterSample } from '../../../src/state/usage-accounts.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { makeSession, T0 } from '../../state/builders.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skaha-streamed-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function history(points: number, from = T0): UsageHistory {
  let h: UsageHistory | undefined;
  for (let i = 0; i < points; i++) h = appendUsage(h, { t: from + i * 15_000, cpu: i % 7, ram: i / 3 }, from + i * 15_000);
  return h!;
}

describe('writePrivateFileChunks', () => {
  it('writes the chunks in order, in many batches, 0600, over a leftover temp file, leaving no temp behind', async () => {
    const file = join(dir, 'history.bin');
    writeFileSync(`${file}.tmp-${process.pid}`, 'stale', { mode: 0o666 });
    const chunks = Array.from({ length: 3000 }, (_, i) => Buffer.from(`chunk ${i};`));
    await writePrivateFileChunks(file, chunks);
    expect(readFileSync(file, 'utf8')).toBe(Buffer.concat(chunks).toString());
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['history.bin']);
  });

  it('leaves the old file and no temp when the chunks fail part way', async () => {
    const file = join(dir, 'history.bin');
    writeFileSync(file, 'old');
    function* failing(): Generator<Uint8Array> {
      yield Buffer.alloc(2 << 20);
      throw new Error('encoding broke');
    }
    await expect(writePrivateFileChunks(file, failing())).rejects.toThrow('encoding broke');
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['history.bin']);
  });
});

describe('history file chunks', () => {
  it('are views of the series storage that keep holding their version while newer versions append', () => {
    const usage = { a: history(700), b: history(5) };
    const account = accountAfterSample(undefined, makeSession({ id: 'a' }), T0 + 3600_000)!;
    const histories = { usage, statsHistory: emptyStats(), accounts: { a: account } };
    const before = encodeHistories(histories);
    const chunks = [...historyChunks(histories)];
    // Newer versions append into the same blocks.
    let a = usage.a;
    for (let i = 0; i < 50; i++) a = appendUsage(a, { t: T0 + (700 + i) * 15_000, cpu: 99, ram: 99 });
    expect(Buffer.concat(chunks).equals(before)).toBe(true);
  });

  it('are what the history file writes', async () => {
    mkdirSync(join(dir, 'state'));
    const file = join(dir, 'state', 'history.bin');
    const histories = { usage: { a: history(400) }, statsHistory: emptyStats(), accounts: {} };
    const store = new HistoryFile(file, { clock: new FakeClock(T0) });
    store.save(histories);
    await store.flush();
    expect(readFileSync(file).equals(encodeHistories(histories))).toBe(true);
  });
});
