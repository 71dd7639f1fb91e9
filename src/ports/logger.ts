/** Log levels, quietest last. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** One log level. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where diagnostics go; messages must never contain a secret. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** A logger that drops everything. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
