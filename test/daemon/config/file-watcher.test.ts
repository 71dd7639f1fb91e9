import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchFiles } from '../../../daemon/config/file-watcher.js';
import { loadDaemonConfig } from '../../../daemon/config/load-daemon-config.js';

/** Resolves with the next batch of changed files, or rejects after `ms`. */
function nextChange(batches: string[][], ms = 5_000): Promise<string[]> {
  const seen = batches.length;
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = setInterval(() => {
      if (batches.length > seen) {
        clearInterval(check);
        resolve(batches[seen]);
      } else if (Date.now() - started > ms) {
        clearInterval(check);
        reject(new Error('no change seen'));
      }
    }, 20);
  });
}

describe('watchFiles', () => {
  it('sees a file created, changed in a burst (once), atomically replaced, and ignores other files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skaha-watch-'));
    const file = join(dir, 'config.json');
    const batches: string[][] = [];
    const stop = await watchFiles([file], (changed) => batches.push(changed), { debounceMs: 100 });
    try {
      writeFileSync(file, '{}');
      expect(await nextChange(batches)).toEqual([file]);
      writeFileSync(join(dir, 'other.json'), '{}');
      for (let i = 0; i < 5; i++) writeFileSync(file, JSON.stringify({ logLevel: 'debug', i }));
      expect(await nextChange(batches)).toEqual([file]);
      writeFileSync(join(dir, 'config.json.tmp'), '{"logLevel":"warn"}');
      renameSync(join(dir, 'config.json.tmp'), file);
      expect(await nextChange(batches)).toEqual([file]);
      expect(batches).toHaveLength(3);
    } finally {
      await stop();
    }
  });
});

describe('watchFiles on a folder that does not exist yet', () => {
  it('sees the file once the folder is created (regression: a config dir made after the daemon started was never watched)', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'skaha-watch-')), 'later');
    const file = join(dir, 'config.json');
    const batches: string[][] = [];
    const stop = await watchFiles([file], (changed) => batches.push(changed), { debounceMs: 50, missingDirPollMs: 50 });
    try {
      mkdirSync(dir);
      writeFileSync(file, '{}');
      expect(await nextChange(batches)).toEqual([file]);
      writeFileSync(file, '{"logLevel":"debug"}');
      expect(await nextChange(batches)).toEqual([file]);
    } finally {
      await stop();
    }
  });
});

describe('loadDaemonConfig', () => {
  it('reads defaults from a missing file, problems from broken JSON, and the config from a good file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skaha-conf-'));
    const file = join(dir, 'config.json');
    expect((await loadDaemonConfig(file)).problems).toEqual([]);
    writeFileSync(file, '{"logLevel": "debug",');
    expect((await loadDaemonConfig(file)).problems[0]).toMatch(/config\.json: is not valid JSON/);
    writeFileSync(file, '{"logLevel": "debug"}');
    const good = await loadDaemonConfig(file);
    expect(good.problems).toEqual([]);
    expect(good.config.logLevel).toBe('debug');
  });
});
