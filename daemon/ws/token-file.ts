import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../src/domain/errors.js';

/**
 * The bearer token TCP clients must present: read from the token file (whitespace trimmed),
 * or created there (0600) with 32 random bytes when the file is missing or empty.
 */
export function ensureTokenFile(file: string): string {
  let text = '';
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new AppError(
        'CONFIG_ERROR',
        `cannot read the daemon token file ${file}: ${(error as Error).message} — fix its permissions or delete it to get a new token`,
      );
    }
  }
  if (text === '') {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    text = randomBytes(32).toString('base64url');
    writeFileSync(file, `${text}\n`, { mode: 0o600 });
  }
  // A token file others can read is a token others can use: tighten it every start.
  if ((statSync(file).mode & 0o777) !== 0o600) chmodSync(file, 0o600);
  return text;
}
