import { randomBytes } from 'node:crypto';
import { readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../domain/errors.js';
import { thrownCode } from '../../domain/thrown-code.js';

/** Options of withFileLock. Times are wall-clock: the lock is shared with other processes. */
export interface FileLockOptions {
  /** A lock older than this is taken over (its holder hung or died without cleaning up). */
  staleMs?: number;
  /** How long to wait for a lock held by a live process before giving up. */
  waitMs?: number;
  /** Pause between attempts; injectable so tests do not wait. */
  sleep?: (ms: number) => Promise<unknown>;
  /** Whether a process id is alive (tests may stub it). */
  isAlive?: (pid: number) => boolean;
}

/**
 * Runs `fn` while holding `lockFile` (created with O_EXCL, holding our pid and a nonce). A lock whose
 * holder is dead or which is older than `staleMs` is broken; a live one is waited for up to `waitMs`,
 * then TOKEN_REFRESH_FAILED. The lock is removed in `finally`, and only if it is still ours.
 */
export async function withFileLock<T>(lockFile: string, fn: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const staleMs = options.staleMs ?? 120_000;
  const waitMs = options.waitMs ?? 5_000;
  const pause = options.sleep ?? ((ms: number) => sleep(ms));
  const isAlive = options.isAlive ?? processAlive;
  const content = `${process.pid} ${randomBytes(8).toString('hex')}\n`;
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(lockFile, content, { flag: 'wx', mode: 0o600 });
      break;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') {
        throw new AppError('TOKEN_REFRESH_FAILED', `cannot create the lock ${lockFile}: ${thrownCode(error) || 'error'} — check the folder's permissions`);
      }
    }
    const holder = await lockHolder(lockFile);
    const stale = holder !== null && (Date.now() - holder.mtimeMs > staleMs || (holder.pid !== null && !isAlive(holder.pid)));
    if (attempt < 1000 && (holder === null || stale)) {
      // Break only the lock we judged stale, not one that replaced it meanwhile.
      if (stale && (await readFile(lockFile, 'utf8').catch(() => null)) === holder.text) await unlink(lockFile).catch(() => undefined);
      continue;
    }
    if (Date.now() - started >= waitMs || attempt >= 1000) {
      throw new AppError(
        'TOKEN_REFRESH_FAILED',
        `the canfar config is locked by another program (${lockFile}${holder?.pid ? `, process ${holder.pid}` : ''}) — the token is refreshed again later`,
      );
    }
    await pause(50);
  }
  try {
    return await fn();
  } finally {
    if ((await readFile(lockFile, 'utf8').catch(() => null)) === content) await unlink(lockFile).catch(() => undefined);
  }
}

async function lockHolder(lockFile: string): Promise<{ text: string; pid: number | null; mtimeMs: number } | null> {
  try {
    const [text, info] = await Promise.all([readFile(lockFile, 'utf8'), stat(lockFile)]);
    const pid = Number(/^\s*(\d{1,10})\b/.exec(text)?.[1]);
    return { text, pid: Number.isSafeInteger(pid) && pid > 0 ? pid : null, mtimeMs: info.mtimeMs };
  } catch {
    // Gone between the attempt and the look: try again at once.
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}
