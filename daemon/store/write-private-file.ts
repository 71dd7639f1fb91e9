import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writePrivateFile, writePrivateFileChunks } from '../../src/config/write-private-file.js';

/** The writers live in src/config (profiles use them too); re-exported for the daemon's stores. */
export { writePrivateFile, writePrivateFileChunks };

/** A lowdb adapter for a text file written with writePrivateFile (0600, atomic); read returns null when it is absent. */
export class PrivateTextFile implements Adapter<string> {
  constructor(private readonly file: string) {}

  async read(): Promise<string | null> {
    try {
      return await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  write(text: string): Promise<void> {
    return writePrivateFile(this.file, text);
  }
}
