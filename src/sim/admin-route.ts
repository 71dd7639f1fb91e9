import type { RequestLog } from './request-log.js';
import type { SimWorld } from './world.js';

/** What an admin handler works on. */
export interface AdminContext {
  world: SimWorld;
  requests: RequestLog;
  /** The parsed JSON body (`{}` when empty). */
  body: Record<string, unknown>;
  /** Path parts matched by the route's pattern (a session id). */
  params: string[];
}

/** An admin answer before it is written: status and a JSON value. */
export interface AdminAnswer {
  status: number;
  value: unknown;
}

/** One admin route: its path pattern and a handler per method. */
export interface AdminRoute {
  /** How the route is documented, e.g. `/_sim/sessions/{id}/preempt`. */
  path: string;
  pattern: RegExp;
  methods: Record<string, (ctx: AdminContext) => AdminAnswer>;
}
