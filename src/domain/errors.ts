import { boundText, TEXT_LIMITS } from './bounded-text.js';

/** Every stable error code; these strings cross process boundaries (CLI --json, the websocket). */
export const ERROR_CODES = [
  'SKAHA_UNAUTHORIZED',
  'SKAHA_FORBIDDEN',
  'SKAHA_NOT_FOUND',
  'SKAHA_BAD_REQUEST',
  'SKAHA_UNAVAILABLE',
  'SKAHA_SERVER_ERROR',
  'NETWORK_ERROR',
  'TIMEOUT',
  'PROTOCOL_ERROR',
  'VALIDATION_ERROR',
  'SESSION_STATE',
  'CREDENTIALS_ERROR',
  'LOGIN_EXPIRED',
  'TOKEN_REFRESH_FAILED',
  'CONFIG_ERROR',
  'USAGE_ERROR',
  'DAEMON_UNAVAILABLE',
  'DAEMON_ALREADY_RUNNING',
  'DAEMON_PROTOCOL_ERROR',
  'DAEMON_UNTRUSTED',
  'STORE_ERROR',
  'INTERNAL_ERROR',
] as const;

/** A stable error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The serialised form of an AppError (`{code, message}` plus optional details). */
export interface ErrorJson {
  code: ErrorCode;
  message: string;
  status?: number;
  field?: string;
}

/** Optional details carried by an AppError; none of them may hold a secret. */
export interface ErrorDetails {
  status?: number;
  method?: string;
  url?: string;
  field?: string;
  /** For SKAHA_BAD_REQUEST: the server's text, verbatim. */
  serverText?: string;
  cause?: unknown;
}

/** Base of every error skaha-tui raises on purpose: a stable `code` plus a message that says what to do. */
export class AppError extends Error {
  override readonly name: string = 'AppError';
  readonly code: ErrorCode;
  readonly status?: number;
  readonly method?: string;
  readonly url?: string;
  readonly field?: string;
  readonly serverText?: string;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.status = details.status;
    this.method = details.method;
    this.url = details.url;
    this.field = details.field;
    this.serverText = details.serverText;
  }

  /** The wire form: code and message (bounded: it may quote the server), plus status and field when known. */
  toJSON(): ErrorJson {
    const json: ErrorJson = { code: this.code, message: boundText(this.message, TEXT_LIMITS.errorMessage) };
    if (this.status !== undefined) json.status = this.status;
    if (this.field !== undefined) json.field = this.field;
    return json;
  }
}

/** Whether a value is an AppError (also across module copies, by shape). */
export function isAppError(value: unknown): value is AppError {
  if (value instanceof AppError) return true;
  const code = (value as { code?: unknown } | null)?.code;
  return value instanceof Error && typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

/** Rebuilds an AppError from its wire form (unknown codes become INTERNAL_ERROR). */
export function errorFromJSON(json: unknown): AppError {
  const obj = (json ?? {}) as Partial<ErrorJson>;
  const code = (ERROR_CODES as readonly string[]).includes(obj.code as string) ? (obj.code as ErrorCode) : 'INTERNAL_ERROR';
  const message = typeof obj.message === 'string' ? obj.message : 'unknown error';
  return new AppError(code, message, { status: obj.status, field: obj.field });
}

/** Wraps anything thrown into an AppError, keeping AppErrors as they are. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('INTERNAL_ERROR', `unexpected error: ${message}`, { cause: error });
}

/** A validation failure naming the field and the rule it broke. */
export function validationError(field: string, rule: string): AppError {
  return new AppError('VALIDATION_ERROR', `${field}: ${rule}`, { field });
}

/** A missing, unreadable or expired credential, with what to do about it. */
export function credentialsError(message: string, cause?: unknown): AppError {
  return new AppError('CREDENTIALS_ERROR', message, { cause });
}
