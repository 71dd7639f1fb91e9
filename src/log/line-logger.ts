import { terminalText } from '../domain/terminal-text.js';
import { LOG_LEVELS, type Logger, type LogLevel } from '../ports/logger.js';

/** Options of createLineLogger. */
export interface LineLoggerOptions {
  level: LogLevel;
  /** Writes one finished line (no trailing newline). */
  write: (line: string) => void;
  /** Values that must never be printed (tokens, registry secrets); replaced by «redacted». */
  secrets?: () => readonly string[];
  now?: () => number;
}

const REDACTED = '«redacted»';

/** Replaces every occurrence of each secret (at least 6 characters, to avoid mangling ordinary words). */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 6) out = out.split(secret).join(REDACTED);
  return out;
}

function formatFields(fields: Record<string, unknown> | undefined): string {
  if (!fields) return '';
  const parts = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? JSON.stringify(v) : v instanceof Error ? JSON.stringify(v.message) : JSON.stringify(v)}`);
  return parts.length ? ' ' + parts.join(' ') : '';
}

/** A Logger writing `TIME LEVEL message key=value…` lines at or above `level`, with secrets scrubbed and controls shown as visible escapes (logs get read on terminals). */
export function createLineLogger(options: LineLoggerOptions): Logger & { setLevel(level: LogLevel): void } {
  let threshold = LOG_LEVELS.indexOf(options.level);
  const now = options.now ?? Date.now;
  const emit = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (LOG_LEVELS.indexOf(level) < threshold) return;
    const line = `${new Date(now()).toISOString()} ${level.toUpperCase().padEnd(5)} ${message}${formatFields(fields)}`;
    options.write(terminalText(redact(line.replace(/[\r\n]+/g, ' '), options.secrets?.() ?? [])));
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    setLevel(level) {
      threshold = LOG_LEVELS.indexOf(level);
    },
  };
}
