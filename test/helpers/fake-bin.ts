import { chmodSync, mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temp dir holding fake executables that record their arguments, to put first on PATH. */
export interface FakeBin {
  dir: string;
  /** Each recorded call: its arguments, one per array entry. */
  calls(program: string): string[][];
  /** Each recorded call's environment, as `env` prints it (NAME=value lines). */
  env(program: string): string[];
}

const END_OF_ENV = '--- end of env ---';

/** Creates fake programs that append their arguments (NUL-separated, one call per line) and their environment to logs. */
export function createFakeBin(programs: string[], exitCode = 0): FakeBin {
  const dir = mkdtempSync(join(tmpdir(), 'skaha-fakebin-'));
  for (const program of programs) {
    const log = join(dir, `${program}.calls`);
    const envLog = join(dir, `${program}.env`);
    const script =
      `#!/bin/sh\nfor a in "$@"; do printf '%s\\0' "$a"; done >> '${log}'\necho >> '${log}'\n` +
      `env >> '${envLog}'\necho '${END_OF_ENV}' >> '${envLog}'\nexit ${exitCode}\n`;
    writeFileSync(join(dir, program), script);
    chmodSync(join(dir, program), 0o755);
  }
  return {
    dir,
    calls(program) {
      const log = join(dir, `${program}.calls`);
      if (!existsSync(log)) return [];
      return readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('\0').filter((_, i, all) => i < all.length - 1));
    },
    env(program) {
      const log = join(dir, `${program}.env`);
      if (!existsSync(log)) return [];
      return readFileSync(log, 'utf8').split(`${END_OF_ENV}\n`).filter(Boolean);
    },
  };
}
