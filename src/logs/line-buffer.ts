import { detachString } from './detach.js';

/** The last N lines of a log, in a fixed-size ring: appends never grow memory past the limit. */
export class LineBuffer {
  private readonly ring: string[];
  private start = 0;
  private size = 0;

  constructor(readonly limit: number) {
    this.ring = new Array<string>(limit);
  }

  /** Adds lines at the end, dropping the oldest beyond the limit. */
  push(lines: readonly string[]): void {
    const from = Math.max(0, lines.length - this.limit);
    for (let i = from; i < lines.length; i++) {
      const slot = (this.start + this.size) % this.limit;
      // Kept lines are copies: a line cut from a 10 MB snapshot must not keep the snapshot alive.
      this.ring[slot] = detachString(lines[i]);
      if (this.size < this.limit) this.size++;
      else this.start = (this.start + 1) % this.limit;
    }
  }

  /** Drops everything. */
  clear(): void {
    this.start = 0;
    this.size = 0;
    this.ring.fill('');
  }

  /** Lines held, oldest first. */
  lines(): string[] {
    const out = new Array<string>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.ring[(this.start + i) % this.limit];
    return out;
  }

  /** How many lines are held. */
  get length(): number {
    return this.size;
  }
}
