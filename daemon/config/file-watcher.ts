import { watch, type FSWatcher } from 'chokidar';
import { dirname, resolve } from 'node:path';

/** Options of watchFiles. */
export interface WatchFilesOptions {
  /** Quiet time after the last change before `onChange` runs (editors write in bursts). */
  debounceMs?: number;
  onError?: (error: Error) => void;
}

/** Stops a watch. */
export type StopWatching = () => Promise<void>;

/**
 * Watches files that may not exist yet (by watching their folders), calling `onChange` once per burst
 * of changes with the files that changed; resolves once the watcher is ready.
 */
export async function watchFiles(files: string[], onChange: (changed: string[]) => void, options: WatchFilesOptions = {}): Promise<StopWatching> {
  const wanted = new Set(files.map((f) => resolve(f)));
  const dirs = [...new Set([...wanted].map((f) => dirname(f)))];
  const debounceMs = options.debounceMs ?? 250;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = new Set<string>();
  const watcher: FSWatcher = watch(dirs, {
    ignoreInitial: true,
    depth: 0,
    // Atomic saves (write temp + rename) must look like one change of the real file.
    atomic: true,
    ignored: (path, stats) => Boolean(stats?.isFile()) && !wanted.has(resolve(path)),
  });
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
  watcher.on('add', onEvent).on('change', onEvent).on('unlink', onEvent);
  watcher.on('error', (error) => options.onError?.(error as Error));
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  return async () => {
    if (timer) clearTimeout(timer);
    await watcher.close();
  };
}
