import { bool, num, object, oneOf, optional, str } from '../check.js';
import { PROTOCOL_VERSION } from '../version.js';

/** The frame type of Hello. */
export const HELLO = 'hello';

/** Client → daemon, first frame: the client's protocol version and a name for logs. */
export interface HelloFrame {
  type: typeof HELLO;
  protocol: number;
  client: string;
  /** False: snapshots leave the usage and platform histories empty (a script or CLI command that draws no chart). */
  histories?: boolean;
}

const check = object({ type: oneOf([HELLO]), protocol: num(0, Number.MAX_SAFE_INTEGER, true), client: str(1, 100), histories: optional(bool) });

/** The first problem that keeps `value` from being a Hello, or null. */
export function helloProblem(value: unknown): string | null {
  return check(value, 'hello');
}

/** Whether a value is a valid Hello frame. */
export function isHello(value: unknown): value is HelloFrame {
  return helloProblem(value) === null;
}

/** Builds the hello a client sends first, with this build's protocol version (and `histories: false` when asked). */
export function makeHello(client: string, histories = true): HelloFrame {
  return histories ? { type: HELLO, protocol: PROTOCOL_VERSION, client } : { type: HELLO, protocol: PROTOCOL_VERSION, client, histories: false };
}
