import { createLineLogger } from '../log/line-logger.js';
import type { Logger, LogLevel } from '../ports/logger.js';
import type { CliIo } from './io.js';
import type { GlobalFlags } from './parse-args.js';

/** The diagnostic level asked for: `--log-level` when given, else warn raised by each -v (info, then debug). */
export function logLevelFromFlags(flags: GlobalFlags): LogLevel {
  const named = flags['log-level'];
  if (named === 'error' || named === 'warn' || named === 'info' || named === 'debug') return named;
  const verbose = flags.verbose ?? 0;
  return verbose >= 2 ? 'debug' : verbose === 1 ? 'info' : 'warn';
}

/** The CLI's diagnostics: `TIME LEVEL message key=value` lines on stderr at or above `level`, secrets scrubbed. */
export function createCliLogger(io: CliIo, level: LogLevel, secrets: ReadonlySet<string>): Logger {
  return createLineLogger({
    level,
    write: (line) => void io.stderr.write(`${line}\n`),
    secrets: () => [...secrets],
    now: () => io.now(),
  });
}
