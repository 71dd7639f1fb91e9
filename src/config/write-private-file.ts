import { rename, rm, writeFile } from 'node:fs/promises';

/**
 * Replaces `file` atomically with `data`, readable by its owner only: a fresh 0600 temp file beside it
 * (never one left over, whose mode could be wider), renamed over it. The temp file goes when the write fails.
 */
export async function writePrivateFile(file: string, data: string | Uint8Array): Promise<void> {
  const temp = `${file}.tmp-${process.pid}`;
  try {
    await rm(temp, { force: true });
    await writeFile(temp, data, { mode: 0o600, flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
