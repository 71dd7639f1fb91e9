import { nullable, num, object, oneOf, str } from '../check.js';
import type { ConnectionIdentity } from '../../domain/connection-identity.js';
import { PROTOCOL_VERSION } from '../version.js';
import { clientSnapshot } from '../patch.js';
import type { DaemonState } from '../../state/state.js';
import { stateProblem } from '../state-check.js';

/** The frame type of Welcome. */
export const WELCOME = 'welcome';

/** Daemon → client, answer to a matching hello: versions, the daemon's connection identity and the state snapshot (without histories: ask `history` for those). */
export interface WelcomeFrame {
  type: typeof WELCOME;
  protocol: number;
  daemonVersion: string;
  /** The server and credential the daemon uses (never the secret); null while it has no connection. */
  identity: ConnectionIdentity | null;
  snapshot: DaemonState;
}

const identityCheck = object({
  server: str(1, 2048),
  credential: object({ kind: oneOf(['token', 'certificate', 'none']), source: str(1, 40), fingerprint: nullable(str(1, 64)) }),
});

const check = object({
  type: oneOf([WELCOME]),
  protocol: num(0, Number.MAX_SAFE_INTEGER, true),
  daemonVersion: str(1, 100),
  identity: nullable(identityCheck),
});

/** The first problem that keeps `value` from being a Welcome, or null. */
export function welcomeProblem(value: unknown): string | null {
  return check(value, 'welcome') ?? stateProblem((value as { snapshot?: unknown }).snapshot, 'welcome.snapshot');
}

/** Whether a value is a valid Welcome frame. */
export function isWelcome(value: unknown): value is WelcomeFrame {
  return welcomeProblem(value) === null;
}

/** Builds the welcome for a state (its emitted-keys bookkeeping and its histories left out), naming the daemon's connection. */
export function makeWelcome(daemonVersion: string, state: DaemonState, identity: ConnectionIdentity | null = null): WelcomeFrame {
  return { type: WELCOME, protocol: PROTOCOL_VERSION, daemonVersion, identity, snapshot: clientSnapshot(state) };
}
