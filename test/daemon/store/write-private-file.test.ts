import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePrivateFile } from '../../../daemon/store/write-private-file.js';
import { JsonStateStore } from '../../../daemon/store/json-state-store.js';
import { initialState } from '../../../src/state/state.js';
import { FakeClock } from '../../helpers/fake-clock.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skaha-private-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const mode = (file: string) => statSync(file).mode & 0o777;

describe('writePrivateFile', () => {
  it('replaces a world-readable file with a 0600 one, even over a leftover temp file, and leaves no temp behind', async () => {
    const file = join(dir, 'state.json');
    writeFileSync(file, 'old', { mode: 0o644 });
    writeFileSync(`${file}.tmp-${process.pid}`, 'stale', { mode: 0o666 });
    await writePrivateFile(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(mode(file)).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('is what the state store writes with: state.json is 0600', async () => {
    const file = join(dir, 'state', 'state.json');
    const store = new JsonStateStore(file, { clock: new FakeClock(0), minIntervalMs: 0 });
    await store.load();
    store.save({ ...initialState(), lastPollAt: 1 });
    await store.close();
    expect(mode(file)).toBe(0o600);
    expect(mode(join(dir, 'state'))).toBe(0o700);
  });
});
