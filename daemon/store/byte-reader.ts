/** Reads a binary file's bytes in order, throwing an Error that says what is wrong with them. */
export class ByteReader {
  at = 0;
  constructor(private readonly buf: Buffer) {}

  /** Bytes not read yet. */
  get remaining(): number {
    return this.buf.length - this.at;
  }

  /** Throws when fewer than `bytes` are left. */
  need(bytes: number): void {
    if (this.at + bytes > this.buf.length) throw new Error(`it ends early (at byte ${this.at} of ${this.buf.length})`);
  }

  /** The next unsigned byte. */
  u8(): number {
    this.need(1);
    return this.buf.readUInt8(this.at++);
  }

  /** The next little-endian u16. */
  u16(): number {
    this.need(2);
    this.at += 2;
    return this.buf.readUInt16LE(this.at - 2);
  }

  /** The next little-endian u32. */
  u32(): number {
    this.need(4);
    this.at += 4;
    return this.buf.readUInt32LE(this.at - 4);
  }

  /** The next little-endian double. */
  f64(): number {
    this.need(8);
    this.at += 8;
    return this.buf.readDoubleLE(this.at - 8);
  }

  /** Copies the next `count` items into the start of `target` (typed arrays need aligned memory, the file gives none). */
  into<T extends Float32Array | Float64Array>(target: T, count: number): T {
    const bytes = count * target.BYTES_PER_ELEMENT;
    this.need(bytes);
    new Uint8Array(target.buffer, 0, bytes).set(this.buf.subarray(this.at, this.at + bytes));
    this.at += bytes;
    return target;
  }

  /** The next `bytes` as UTF-8 text. */
  text(bytes: number): string {
    this.need(bytes);
    this.at += bytes;
    return this.buf.toString('utf8', this.at - bytes, this.at);
  }
}

/** A little-endian u32 as 4 bytes (from the shared buffer pool: thousands of these make one file). */
export function u32(value: number): Buffer {
  const b = Buffer.allocUnsafe(4);
  b.writeUInt32LE(value);
  return b;
}
