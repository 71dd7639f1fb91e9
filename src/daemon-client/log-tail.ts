import { closeSync, openSync, readSync, statSync } from 'node:fs';

const MAX_TAIL_BYTES = 64 * 1024;

/** The size of a file in bytes, 0 when it does not exist. */
export function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The last `lines` lines of a log file (read from `fromByte` on, at most 64 KiB); empty when there is none. */
export function readLogTail(file: string, lines = 20, fromByte = 0): string[] {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return [];
  }
  try {
    const size = statSync(file).size;
    const start = Math.max(fromByte, size - MAX_TAIL_BYTES, 0);
    const buffer = Buffer.alloc(Math.max(0, size - start));
    readSync(fd, buffer, 0, buffer.length, start);
    const text = buffer.toString('utf8').replace(/\n+$/, '');
    return text === '' ? [] : text.split('\n').slice(-lines);
  } finally {
    closeSync(fd);
  }
}
