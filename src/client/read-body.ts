/** A response body that can be iterated and abandoned. */
export type BodyStream = AsyncIterable<Uint8Array> & { destroy(error?: Error): unknown };

/** Reads at most `maxBytes`; on overflow stops reading, destroys the stream (closing the connection) and reports it. */
export async function readCapped(body: BodyStream, maxBytes: number): Promise<{ data: Buffer; overflow: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      body.destroy();
      return { data: Buffer.alloc(0), overflow: true };
    }
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
  }
  return { data: Buffer.concat(chunks, size), overflow: false };
}

/** Copies `length` bytes starting at `offset` of the chunks' concatenation into `out` at `at`. */
function copyFrom(chunks: readonly Buffer[], offset: number, length: number, out: Buffer, at: number): void {
  for (const chunk of chunks) {
    if (length <= 0) return;
    if (offset >= chunk.length) {
      offset -= chunk.length;
      continue;
    }
    const n = Math.min(chunk.length - offset, length);
    chunk.copy(out, at, offset, offset + n);
    at += n;
    length -= n;
    offset = 0;
  }
}

/**
 * Reads the whole stream but keeps only its last `maxBytes`, so memory stays bounded. A truncated
 * tail starts at a line (or at least a UTF-8 character) and gets `marker(keptBytes, totalBytes)` on
 * top. The kept bytes are returned as the chunks they came in (the first one cut where the tail
 * starts), not joined: a follower of a 10 MB log every few seconds reads only their end.
 */
export async function readTail(
  body: BodyStream,
  maxBytes: number,
  marker: (keptBytes: number, totalBytes: number) => string = () => '',
): Promise<{ chunks: Buffer[]; totalBytes: number; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let kept = 0;
  let total = 0;
  for await (const chunk of body) {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    chunks.push(buf);
    kept += buf.length;
    total += buf.length;
    // Drop whole head chunks that are no longer needed for the tail.
    while (chunks.length > 1 && kept - chunks[0].length >= maxBytes) kept -= chunks.shift()!.length;
  }
  if (total <= maxBytes) return { chunks, totalBytes: total, truncated: false };
  let start = kept - maxBytes;
  // Start at a line boundary when one is near, else at least at a UTF-8 character boundary.
  const near = Buffer.allocUnsafe(Math.min(4096, maxBytes));
  copyFrom(chunks, start, near.length, near, 0);
  const newline = near.indexOf(0x0a);
  if (newline >= 0 && newline < Math.min(4096, maxBytes - 1)) start += newline + 1;
  else for (let i = 0; i < near.length && start < kept && (near[i] & 0xc0) === 0x80; i++) start++;
  const head = Buffer.from(marker(kept - start, total));
  while (chunks.length > 0 && start >= chunks[0].length) start -= chunks.shift()!.length;
  if (chunks.length > 0) chunks[0] = chunks[0].subarray(start);
  return { chunks: [head, ...chunks], totalBytes: total, truncated: true };
}

/** The marker line put above a truncated log (ASCII, so an ASCII log stays a compact one-byte string in V8). */
export function truncationMarker(keptBytes: number, totalBytes: number): string {
  return `[skaha-tui: log truncated - showing the last ${keptBytes} of ${totalBytes} bytes]\n`;
}
