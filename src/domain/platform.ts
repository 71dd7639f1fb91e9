/** Platform-wide allocation and capacity, from `GET /session?view=stats`. */
export interface PlatformStats {
  cpu: { allocated: number | null; capacity: number | null; maxPerSession: number | null };
  ramGB: { allocated: number | null; capacity: number | null; maxPerSession: number | null };
}

/** One row of a session's Kubernetes events (`?view=events`). */
export interface SessionEvent {
  type: string;
  reason: string;
  message: string;
  /** ISO-8601 timestamp as the server printed it, or null for `<none>`/`<nil>`. */
  firstTime: string | null;
  lastTime: string | null;
}

/** A container image from the catalogue (`GET /image`). */
export interface Image {
  id: string;
  types: string[];
  digest: string | null;
}

/** The options for one resource (cores, RAM in GB) from `/context`. */
export interface ResourceOptions {
  default: number | null;
  defaultRequest: number | null;
  defaultLimit: number | null;
  options: number[];
}

/** Resource choices the server accepts, from `GET /context`. */
export interface ResourceContext {
  cores: ResourceOptions;
  ramGB: ResourceOptions;
  gpus: { options: number[] };
  maxInteractiveSessions: number | null;
}

/** A log snapshot, capped by the client; `truncated` says the head was cut. */
export interface SessionLogs {
  text: string;
  truncated: boolean;
}

/** The VOSI availability answer. */
export interface Availability {
  available: boolean;
  note: string | null;
}
