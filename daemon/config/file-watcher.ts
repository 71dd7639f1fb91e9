import { watch, type FSWatcher } from 'chokidar';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Options of watchFiles. */
export interface WatchFilesOptions {
  /** Quiet time after the last change before `onChange` runs (editors write in bursts). */
  debounceMs?: number;
  /** How often folders that do not exist yet are looked for (default 1 s). */
  missingDirPollMs?: number;
  onError?: (error: Error) => void;
}

/** Stops a watch. */
export type StopWatching = () => Promise<void>;

/**
 * Watches files that may not exist yet (by watching their folders), calling `onChange` once per burst
 * of changes with the files that changed; resolves once the watcher is ready. A folder that does not
 * exist yet is looked for until it appears, then watched (its wanted files count as changed).
 */
export async function watchFiles(files: string[], onChange: (changed: string[]) => void, options: WatchFilesOptions = {}): Promise<StopWatching> {
  const wanted = new Set(files.map((f) => resolve(f)));
  const dirs = [...new Set([...wanted].map((f) => dirname(f)))];
  const debounceMs = options.debounceMs ?? 250;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = new Set<string>();
  const onEvent = (path: string) => {
    const full = resolve(path);
    if (!wanted.has(full)) return;
    pending.add(full);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const changed = [...pending];
      pending = new Set();
      onChange(changed);
    }, debounceMs);
  };
  // chokidar misses a folder created right after it started watching a missing one, so missing
  // folders are polled for instead and handed to chokidar once they exist.
  const missing = new Set(dirs.filter((dir) => !existsSync(dir)));
  const watcher: FSWatcher = watch(
    dirs.filter((dir) => !missing.has(dir)),
    {
      ignoreInitial: true,
      depth: 0,
      // Atomic saves (write temp + rename) must look like one change of the real file.
      atomic: true,
      ignored: (path, stats) => Boolean(stats?.isFile()) && !wanted.has(resolve(path)),
    },
  );
  watcher.on('add', onEvent).on('change', onEvent).on('unlink', onEvent);
  watcher.on('error', (error) => options.onError?.(error as Error));
  if (missing.size < dirs.length) await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  const lookForMissing = () => {
    for (const dir of [...missing]) {
      if (!existsSync(dir)) continue;
      missing.delete(dir);
      watcher.add(dir);
      for (const file of wanted) if (dirname(file) === dir && existsSync(file)) onEvent(file);
    }
    if (missing.size === 0) clearInterval(poll);
  };
  const poll = setInterval(lookForMissing, options.missingDirPollMs ?? 1_000);
  poll.unref();
  if (missing.size === 0) clearInterval(poll);
  return async () => {
    if (timer) clearTimeout(timer);
    clearInterval(poll);
    await watcher.close();
  };
}
