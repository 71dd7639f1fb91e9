import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withFileLock } from '../../../src/config/oidc/file-lock.js';
import { rejectionOf } from '../../helpers/rejection.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const lockIn = () => {
  dir = mkdtempSync(join(tmpdir(), 'lock-'));
  return join(dir, 'config.yaml.lock');
};

describe('withFileLock: one writer of the canfar config at a time', () => {
  it('holds an O_EXCL lock file naming its pid while the work runs, and removes it afterwards, also after a failure', async () => {
    const lock = lockIn();
    const seen = await withFileLock(lock, async () => readFileSync(lock, 'utf8'));
    expect(seen).toMatch(new RegExp(`^${process.pid} [0-9a-f]{16}\\n$`));
    expect(existsSync(lock)).toBe(false);
    await expect(withFileLock(lock, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(lock)).toBe(false);
  });

  it('a second holder waits for the first (the pause is injected: no real sleeping) and runs after it', async () => {
    const lock = lockIn();
    const order: string[] = [];
    let release = (): void => undefined;
    const first = withFileLock(lock, async () => {
      order.push('first in');
      await new Promise<void>((resolve) => (release = resolve));
      order.push('first out');
    });
    await new Promise((r) => setImmediate(r));
    let pauses = 0;
    const second = withFileLock(lock, async () => void order.push('second'), {
      sleep: async () => {
        if (++pauses === 3) release();
        await new Promise((r) => setImmediate(r));
      },
    });
    await Promise.all([first, second]);
    expect(order).toEqual(['first in', 'first out', 'second']);
    expect(pauses).toBeGreaterThanOrEqual(3);
  });

  it('gives up after the wait with TOKEN_REFRESH_FAILED naming the holder, leaving its lock alone', async () => {
    const lock = lockIn();
    writeFileSync(lock, `${process.pid} someone-else\n`);
    const err = await rejectionOf(withFileLock(lock, async () => 'never', { waitMs: 0, sleep: async () => undefined }));
    expect(err).toMatchObject({ code: 'TOKEN_REFRESH_FAILED' });
    expect(err.message).toContain(`process ${process.pid}`);
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid} someone-else\n`);
  });

  it('takes over a lock whose holder is dead or which is older than the stale age', async () => {
    const lock = lockIn();
    writeFileSync(lock, '4194303 dead\n');
    expect(await withFileLock(lock, async () => 'ran', { isAlive: (pid) => pid !== 4194303, waitMs: 0 })).toBe('ran');
    writeFileSync(lock, `${process.pid} hung\n`);
    const old = (Date.now() - 10 * 60_000) / 1000;
    utimesSync(lock, old, old);
    expect(await withFileLock(lock, async () => 'ran again', { staleMs: 60_000, waitMs: 0 })).toBe('ran again');
    expect(existsSync(lock)).toBe(false);
  });
});
