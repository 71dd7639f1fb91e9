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

/** Reads the whole stream but keeps only its last `maxBytes`, so memory stays bounded. */
export async function readTail(body: BodyStream, maxBytes: number): Promise<{ data: Buffer; totalBytes: number; truncated: boolean }> {
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
  const all = Buffer.concat(chunks, kept);
  if (total <= maxBytes) return { data: all, totalBytes: total, truncated: false };
  let tail = all.subarray(all.length - maxBytes);
  // Start at a line boundary when one is near, else at least at a UTF-8 character boundary.
  const newline = tail.indexOf(0x0a);
  if (newline >= 0 && newline < Math.min(4096, tail.length - 1)) tail = tail.subarray(newline + 1);
  else while (tail.length > 0 && (tail[0] & 0xc0) === 0x80) tail = tail.subarray(1);
  return { data: Buffer.from(tail), totalBytes: total, truncated: true };
}

/** The marker line put above a truncated log. */
export function truncationMarker(keptBytes: number, totalBytes: number): string {
  return `[skaha-tui: log truncated — showing the last ${keptBytes} of ${totalBytes} bytes]\n`;
}
