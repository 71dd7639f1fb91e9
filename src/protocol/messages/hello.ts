import { num, object, oneOf, str } from '../check.js';
import { PROTOCOL_VERSION } from '../version.js';

/** The frame type of Hello. */
export const HELLO = 'hello';

/** Client → daemon, first frame: the client's protocol version and a name for logs. */
export interface HelloFrame {
  type: typeof HELLO;
  protocol: number;
  client: string;
}

const check = object({ type: oneOf([HELLO]), protocol: num(0, Number.MAX_SAFE_INTEGER, true), client: str(1, 100) });

/** The first problem that keeps `value` from being a Hello, or null. */
export function helloProblem(value: unknown): string | null {
  return check(value, 'hello');
}

/** Whether a value is a valid Hello frame. */
export function isHello(value: unknown): value is HelloFrame {
  return helloProblem(value) === null;
}

/** Builds the hello a client sends first, with this build's protocol version. */
export function makeHello(client: string): HelloFrame {
  return { type: HELLO, protocol: PROTOCOL_VERSION, client };
}
