import type { ErrorJson } from '../../domain/errors.js';
import { PROTOCOL_VERSION } from '../version.js';
import { num, object, oneOf } from '../check.js';
import { errorCheck } from '../error-check.js';

/** The frame type of Refused. */
export const REFUSED = 'refused';

/** Daemon → client, answer to a bad hello (e.g. version mismatch); the daemon then closes the socket. */
export interface RefusedFrame {
  type: typeof REFUSED;
  /** The daemon's protocol version. */
  protocol: number;
  error: ErrorJson;
}

const check = object({ type: oneOf([REFUSED]), protocol: num(0, Number.MAX_SAFE_INTEGER, true), error: errorCheck });

/** The first problem that keeps `value` from being a Refused, or null. */
export function refusedProblem(value: unknown): string | null {
  return check(value, 'refused');
}

/** Whether a value is a valid Refused frame. */
export function isRefused(value: unknown): value is RefusedFrame {
  return refusedProblem(value) === null;
}

/** Builds the refusal of a bad hello. */
export function makeRefused(error: ErrorJson): RefusedFrame {
  return { type: REFUSED, protocol: PROTOCOL_VERSION, error };
}
