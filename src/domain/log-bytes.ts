/**
 * A log snapshot as the bytes it was read in: the response's chunks, not joined. Following a log
 * needs only what is new at its end, so a follower copies and decodes a few KB instead of joining
 * and decoding the whole (capped, up to 8 MB) snapshot on every refresh. The chunks are never
 * written to; every read that returns bytes returns a copy.
 */
export class LogBytes {
  /** Its length in bytes. */
  readonly length: number;

  private constructor(
    private readonly chunks: readonly Buffer[],
    /** True when the client's cap cut the log's head (the bytes then start with a marker line). */
    readonly truncated: boolean,
  ) {
    let length = 0;
    for (const chunk of chunks) length += chunk.length;
    this.length = length;
  }

  /** The log made of `chunks` in order (kept, not copied: they must not change afterwards). */
  static of(chunks: readonly Buffer[], truncated: boolean): LogBytes {
    return new LogBytes(
      chunks.filter((chunk) => chunk.length > 0),
      truncated,
    );
  }

  /** A text's UTF-8 bytes as a log. */
  static fromText(text: string, truncated = false): LogBytes {
    return new LogBytes([Buffer.from(text, 'utf8')], truncated);
  }

  /** A copy of the bytes [from, to) (clamped to the log). */
  slice(from: number, to: number = this.length): Buffer {
    const start = Math.max(0, from);
    const end = Math.min(this.length, to);
    const out = Buffer.allocUnsafe(Math.max(0, end - start));
    let at = 0;
    this.visit(start, end, (chunk, a, b) => {
      chunk.copy(out, at, a, b);
      at += b - a;
    });
    return out;
  }

  /** The bytes [from, to) decoded as UTF-8 (a range inside one chunk is decoded in place). */
  text(from = 0, to: number = this.length): string {
    let start = 0;
    for (const chunk of this.chunks) {
      const end = start + chunk.length;
      if (from >= start && to <= end) return chunk.toString('utf8', from - start, to - start);
      if (end > from) break;
      start = end;
    }
    return this.slice(from, to).toString('utf8');
  }

  /** Whether the bytes starting at `at` are `part` (false when they would run past either end). */
  matches(part: Buffer, at: number): boolean {
    if (at < 0 || at + part.length > this.length) return false;
    let same = true;
    let i = 0;
    this.visit(at, at + part.length, (chunk, a, b) => {
      same &&= chunk.compare(part, i, i + b - a, a, b) === 0;
      i += b - a;
    });
    return same;
  }

  /** Where the last occurrence of `part` starts, or -1; searches from the end and joins only as much as it must. */
  lastIndexOf(part: Buffer): number {
    if (part.length === 0) return this.length;
    for (let window = Math.max(64 * 1024, part.length * 2); ; window *= 4) {
      const from = Math.max(0, this.length - window);
      const found = this.slice(from).lastIndexOf(part);
      if (found >= 0) return from + found;
      if (from === 0) return -1;
    }
  }

  /** The index of the last `byte`, or -1. */
  lastIndexOfByte(byte: number): number {
    let end = this.length;
    for (let i = this.chunks.length - 1; i >= 0; i--) {
      const chunk = this.chunks[i];
      end -= chunk.length;
      const found = chunk.lastIndexOf(byte);
      if (found >= 0) return end + found;
    }
    return -1;
  }

  /** Calls `each` with every chunk's part of [from, to), in order. */
  private visit(from: number, to: number, each: (chunk: Buffer, a: number, b: number) => void): void {
    let start = 0;
    for (const chunk of this.chunks) {
      const end = start + chunk.length;
      if (end > from && start < to) each(chunk, Math.max(from, start) - start, Math.min(to, end) - start);
      if (end >= to) return;
      start = end;
    }
  }
}
