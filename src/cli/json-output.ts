// The normalised JSON the CLI prints with --json: fixed keys in a fixed order, nothing else.

import type { PublicSession, Session } from '../domain/session.js';
import type { Image, PlatformStats, ResourceContext, SessionEvent } from '../domain/platform.js';
import type { LaunchResult } from '../domain/launch.js';
import { toAppError } from '../domain/errors.js';
import { toGiB } from '../domain/memory.js';
import type { FailureInfo, PendingCode } from '../state/insight.js';
import type { SessionAnswer } from './session-answers.js';

const num = (value: number | null | undefined): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const str = (value: string | null | undefined): string | null => (typeof value === 'string' ? value : null);

/** Why a session is Pending, as `--json` prints it (`since` ISO-8601, null when no daemon watched it). */
export interface PendingJson {
  code: PendingCode;
  reason: string;
  since: string | null;
  detail: string | null;
  /** The remaining wait estimated from past waits: `remainingMs` (null when there is no estimate) and how many waits it rests on. */
  estimate: { remainingMs: number | null; basis: number } | null;
}

/** A session as `--json` prints it: the Session keys, then what skaha-tui adds (`ramGiB`, `pending`, `failure`). */
export interface SessionJson extends Session {
  /** Memory in GiB, the unit of `--ram` and the context options (`ramGB` is the server's decimal GB). */
  ramGiB: { requested: number | null; used: number | null };
  /** Set while Pending: why, since when. */
  pending: PendingJson | null;
  /** Set once Failed: why, and whether the cause was inferred. */
  failure: Pick<FailureInfo, 'code' | 'cause' | 'inferred' | 'detail'> | null;
}

const isoOf = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString().replace(/\.000Z$/, 'Z'));

function pendingJson(answer: SessionAnswer | undefined): PendingJson | null {
  const p = answer?.pending;
  if (!p) return null;
  const e = p.estimate;
  const estimate = e === null ? null : { remainingMs: e.kind === 'estimate' ? Math.round(e.remainingMs) : null, basis: e.basis };
  return { code: p.code, reason: p.reason, since: isoOf(p.since), detail: p.detail, estimate };
}

/** A session as `--json` prints it: exactly the documented keys (extra fields such as appId are dropped), with the answers when given. */
export function sessionJson(session: Session, answer?: SessionAnswer): SessionJson {
  const f = answer?.failure;
  return {
    ...plainSessionJson(session),
    // Two decimals: Skaha gives decimal GB to two, so a third decimal of GiB would be noise (8.59 GB is 8 GiB).
    ramGiB: { requested: toGiB(num(session.ramGB?.requested), 2), used: toGiB(num(session.ramGB?.used), 2) },
    pending: pendingJson(answer),
    failure: f ? { code: f.code, cause: f.cause, inferred: f.inferred, detail: f.detail } : null,
  };
}

function plainSessionJson(session: Session): Session {
  return {
    id: session.id,
    name: session.name,
    kind: session.kind,
    status: session.status,
    image: session.image,
    user: str(session.user),
    startedAt: str(session.startedAt),
    expiresAt: str(session.expiresAt),
    url: session.url ? session.url : null,
    cpu: { requested: num(session.cpu?.requested), used: num(session.cpu?.used) },
    ramGB: { requested: num(session.ramGB?.requested), used: num(session.ramGB?.used) },
    gpus: { requested: num(session.gpus?.requested) },
    fixed: typeof session.fixed === 'boolean' ? session.fixed : null,
  };
}

/** Another user's session as `ps --all-users --json` prints it. */
export function publicSessionJson(session: PublicSession): PublicSession {
  return { user: str(session.user), kind: session.kind, status: session.status, startedAt: str(session.startedAt) };
}

/** Platform stats as `--json` prints them. */
export function statsJson(stats: PlatformStats): PlatformStats {
  const side = (s: PlatformStats['cpu'] | undefined) => ({
    allocated: num(s?.allocated),
    capacity: num(s?.capacity),
    maxPerSession: num(s?.maxPerSession),
  });
  return { cpu: side(stats.cpu), ramGB: side(stats.ramGB) };
}

/** One event row as `--json` prints it. */
export function eventJson(event: SessionEvent): SessionEvent {
  return {
    type: event.type,
    reason: event.reason,
    message: event.message,
    firstTime: str(event.firstTime),
    lastTime: str(event.lastTime),
  };
}

/** One image as `--json` prints it. */
export function imageJson(image: Image): Image {
  return { id: image.id, types: [...image.types], digest: str(image.digest) };
}

/** The resource context as `--json` prints it. */
export function contextJson(context: ResourceContext): ResourceContext {
  const opts = (o: ResourceContext['cores']) => ({
    default: num(o.default),
    defaultRequest: num(o.defaultRequest),
    defaultLimit: num(o.defaultLimit),
    options: [...o.options],
  });
  return {
    cores: opts(context.cores),
    ramGB: opts(context.ramGB),
    gpus: { options: [...context.gpus.options] },
    maxInteractiveSessions: num(context.maxInteractiveSessions),
  };
}

/** One replica's launch outcome as `--json` prints it: `{name, id}` or `{name, error: {code, message}}`. */
export function launchResultJson(result: LaunchResult): LaunchResult {
  if ('id' in result) return { name: result.name, id: result.id };
  return { name: result.name, error: { code: result.error.code, message: result.error.message } };
}

/** The `{"error":{"code","message"}}` object printed on stderr under --json. */
export function errorJson(error: unknown): { error: { code: string; message: string } } {
  const e = toAppError(error);
  return { error: { code: e.code, message: e.message } };
}

// JSON.stringify escapes C0 controls but writes DEL and C1 (U+0080–U+009F, e.g. the CSI U+009B) raw;
// outside strings JSON has no such characters, so escaping them everywhere keeps every string exact.
const RAW_IN_JSON = /[\u007f-\u009f]/g;
const jsonEscape = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** JSON text as the CLI writes it: no raw control character reaches the terminal, and JSON.parse gives the exact strings back. */
export function terminalJson(value: unknown, indent?: number): string {
  return (JSON.stringify(value, null, indent) ?? 'null').replace(RAW_IN_JSON, jsonEscape);
}

/** A value as the CLI prints JSON: indented two spaces, newline-terminated. */
export function jsonText(value: unknown): string {
  return `${terminalJson(value, 2)}\n`;
}

/** A value as one compact JSON line (used for errors on stderr, one per failure). */
export function jsonLine(value: unknown): string {
  return `${terminalJson(value)}\n`;
}
