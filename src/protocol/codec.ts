import { AppError } from '../domain/errors.js';
import { describe, isRecord } from './check.js';
import { HELLO, helloProblem, type HelloFrame } from './messages/hello.js';
import { WELCOME, welcomeProblem, type WelcomeFrame } from './messages/welcome.js';
import { REFUSED, refusedProblem, type RefusedFrame } from './messages/refused.js';
import { REQUEST, requestProblem, type AnyRequest } from './messages/request.js';
import { RESPONSE, responseProblem, type ResponseFrame } from './messages/response.js';
import { EVENT, eventProblem, type AnyEvent } from './messages/event.js';
import { MAX_FRAME_BYTES } from './version.js';

/** Every frame on the websocket. */
export type Frame = HelloFrame | WelcomeFrame | RefusedFrame | AnyRequest | ResponseFrame | AnyEvent;

/** Frames the daemon sends. */
export type DaemonFrame = WelcomeFrame | RefusedFrame | ResponseFrame | AnyEvent;

/** A frame that failed to decode: DAEMON_PROTOCOL_ERROR plus the request id when one could be read. */
export class FrameError extends AppError {
  override readonly name = 'FrameError';
  /** The `id` of the offending frame when it was a readable request, so the error can be answered. */
  readonly requestId: string | null;

  constructor(message: string, requestId: string | null = null) {
    super('DAEMON_PROTOCOL_ERROR', message);
    this.requestId = requestId;
  }
}

const PROBLEMS: Record<Frame['type'], (value: unknown) => string | null> = {
  [HELLO]: helloProblem,
  [WELCOME]: welcomeProblem,
  [REFUSED]: refusedProblem,
  [REQUEST]: requestProblem,
  [RESPONSE]: responseProblem,
  [EVENT]: eventProblem,
};

function byteLength(text: string, limit: number): number {
  // Cheap bound first: a UTF-16 unit is at most 3 UTF-8 bytes.
  return text.length * 3 <= limit ? text.length : new TextEncoder().encode(text).length;
}

/** Decodes and validates one text frame; never throws: garbage yields a FrameError saying what is wrong. */
export function decode(input: string | Uint8Array, maxBytes: number = MAX_FRAME_BYTES): Frame | FrameError {
  const size = typeof input === 'string' ? byteLength(input, maxBytes) : input.byteLength;
  if (size > maxBytes) return new FrameError(`frame of ${size} bytes exceeds the ${maxBytes}-byte limit`);
  let value: unknown;
  try {
    value = JSON.parse(typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input));
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : 'unreadable';
    return new FrameError(`frame is not valid UTF-8 JSON: ${reason}`);
  }
  if (!isRecord(value)) return new FrameError(`frame must be a JSON object, got ${describe(value)}`);
  const requestId = value.type === REQUEST && typeof value.id === 'string' && value.id.length <= 128 ? value.id : null;
  const type = value.type;
  if (typeof type !== 'string' || !Object.hasOwn(PROBLEMS, type)) {
    const shown = typeof type === 'string' ? `"${type.slice(0, 40)}"` : 'missing';
    return new FrameError(`frame type ${shown} is not one of ${Object.keys(PROBLEMS).join(', ')}`, requestId);
  }
  const problem = PROBLEMS[type as Frame['type']](value);
  if (problem) return new FrameError(`invalid ${type} frame: ${problem}`, requestId);
  if (type === REQUEST && value.params === undefined) value.params = {};
  return value as unknown as Frame;
}

/** Whether decode returned an error. */
export function isFrameError(value: Frame | FrameError): value is FrameError {
  return value instanceof FrameError;
}

/** Encodes a frame as JSON text. */
export function encode(frame: Frame): string {
  return JSON.stringify(frame);
}
