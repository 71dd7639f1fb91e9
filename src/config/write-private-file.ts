import { open, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';

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

// Chunks go to the file in batches of at most this many (under the usual IOV_MAX of 1024) or this many bytes.
const BATCH_CHUNKS = 512;
const BATCH_BYTES = 1 << 20;

async function writeBatch(handle: FileHandle, batch: Uint8Array[]): Promise<void> {
  const rest = batch;
  while (rest.length > 0) {
    let { bytesWritten } = await handle.writev(rest);
    // A short write leaves the rest of the batch for the next call.
    while (rest.length > 0 && bytesWritten >= rest[0].length) bytesWritten -= rest.shift()!.length;
    if (rest.length > 0 && bytesWritten > 0) rest[0] = rest[0].subarray(bytesWritten);
  }
}

/**
 * writePrivateFile for content given as chunks, written in batches as the iterable yields them and never
 * joined into one buffer (the history file is megabytes of column views).
 */
export async function writePrivateFileChunks(file: string, chunks: Iterable<Uint8Array>): Promise<void> {
  const temp = `${file}.tmp-${process.pid}`;
  try {
    await rm(temp, { force: true });
    const handle = await open(temp, 'wx', 0o600);
    try {
      let batch: Uint8Array[] = [];
      let bytes = 0;
      for (const chunk of chunks) {
        if (chunk.length === 0) continue;
        batch.push(chunk);
        bytes += chunk.length;
        if (batch.length < BATCH_CHUNKS && bytes < BATCH_BYTES) continue;
        await writeBatch(handle, batch);
        batch = [];
        bytes = 0;
      }
      await writeBatch(handle, batch);
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
