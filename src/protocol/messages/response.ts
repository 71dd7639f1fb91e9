import type { ErrorJson } from '../../domain/errors.js';
import { bool, isRecord, object, oneOf, str } from '../check.js';
import { errorCheck } from '../error-check.js';

/** The frame type of Response. */
export const RESPONSE = 'response';

/** Daemon → client: the answer to the request with the same `id`; exactly one per request. */
export type ResponseFrame<R = unknown> =
  { type: typeof RESPONSE; id: string; ok: true; result: R } | { type: typeof RESPONSE; id: string; ok: false; error: ErrorJson };

/** The id the daemon uses when it answers a frame whose id it could not read. */
export const UNKNOWN_REQUEST_ID = '';

const head = object({ type: oneOf([RESPONSE]), id: str(0, 128), ok: bool });

/** The first problem that keeps `value` from being a Response, or null. */
export function responseProblem(value: unknown): string | null {
  const problem = head(value, 'response');
  if (problem || !isRecord(value)) return problem;
  if (value.ok) return 'result' in value ? null : 'response.result is missing';
  return errorCheck(value.error, 'response.error');
}

/** Whether a value is a valid Response frame. */
export function isResponse(value: unknown): value is ResponseFrame {
  return responseProblem(value) === null;
}

/** Builds a successful response. */
export function okResponse<R>(id: string, result: R): ResponseFrame<R> {
  return { type: RESPONSE, id, ok: true, result };
}

/** Builds an error response from an AppError or its JSON (only code, message, status and field go out). */
export function errorResponse(id: string, error: ErrorJson | { toJSON(): ErrorJson }): ResponseFrame<never> {
  const json = 'toJSON' in error && typeof error.toJSON === 'function' ? error.toJSON() : (error as ErrorJson);
  const out: ErrorJson = { code: json.code, message: json.message };
  if (json.status !== undefined) out.status = json.status;
  if (json.field !== undefined) out.field = json.field;
  return { type: RESPONSE, id, ok: false, error: out };
}
