import { rootCertificates } from 'node:tls';
import { Agent, type Dispatcher } from 'undici';
import { AppError, isAppError } from '../domain/errors.js';
import { LogBytes } from '../domain/log-bytes.js';
import type { SessionLogs } from '../domain/platform.js';
import type { Connection } from '../config/connection.js';
import { redactSecrets } from '../config/secret.js';
import { silentLogger, type Logger } from '../ports/logger.js';
import { cutText, httpStatusError, transportError } from './http-errors.js';
import { readCapped, readTail, truncationMarker, type BodyStream } from './read-body.js';

/** Default cap on JSON and short text answers. */
export const DEFAULT_MAX_JSON_BYTES = 16 * 1024 * 1024;
/** Default cap on a log snapshot (the tail is kept). */
export const DEFAULT_MAX_LOG_BYTES = 8 * 1024 * 1024;
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** One HTTP call: a path under the versioned root (or the service root when `versioned` is false). */
export interface RequestSpec {
  method: 'GET' | 'POST' | 'DELETE';
  /** Already-encoded path, e.g. `/session/abc` or `/availability`. */
  path: string;
  versioned?: boolean;
  /** The path is from the server's origin (another service on the Skaha host, e.g. `/arc/nodes/…`), not under the service root. */
  origin?: boolean;
  /** A smaller cap on the answer than the JSON cap (bytes). */
  maxBytes?: number;
  query?: URLSearchParams;
  headers?: Record<string, string>;
  /** Extra secrets this request carries (e.g. a per-launch registry secret), scrubbed from any echoed error text. */
  secrets?: string[];
}

/** Options of the transport; the same as SkahaClient's. */
export interface TransportOptions {
  logger?: Logger;
  maxJsonBytes?: number;
  maxLogBytes?: number;
  userAgent?: string;
}

/** The request wrapper: a keep-alive undici Agent, auth, timeouts, status mapping and bounded bodies. */
export class HttpTransport {
  private readonly agent: Agent;
  private readonly logger: Logger;
  private readonly maxJsonBytes: number;
  private readonly maxLogBytes: number;
  private readonly userAgent: string;

  constructor(
    private readonly connection: Connection,
    options: TransportOptions = {},
  ) {
    const cred = connection.credential;
    // The combined proxy PEM serves as both cert (the chain) and key; Node picks the key block.
    const tls: { cert?: string; key?: string; ca?: string[] } = cred.kind === 'certificate' && cred.pem ? { cert: cred.pem, key: cred.pem } : {};
    if (connection.ca) tls.ca = [...rootCertificates, connection.ca];
    this.agent = new Agent({
      connect: { timeout: connection.timeouts.connectMs, ...tls },
      connections: Math.max(1, connection.concurrency),
      keepAliveTimeout: 10_000,
    });
    this.logger = options.logger ?? silentLogger;
    this.maxJsonBytes = options.maxJsonBytes ?? DEFAULT_MAX_JSON_BYTES;
    this.maxLogBytes = options.maxLogBytes ?? DEFAULT_MAX_LOG_BYTES;
    this.userAgent = options.userAgent ?? 'skaha-tui';
  }

  /** The full URL a spec resolves to (no secrets: auth travels in headers or TLS). */
  urlFor(spec: RequestSpec): string {
    const query = spec.query?.toString();
    return `${this.root(spec)}${spec.path}${query ? `?${query}` : ''}`;
  }

  /** The URL shown in messages and logs: POST parameters (a launch's env values) are left out. */
  shownUrl(spec: RequestSpec): string {
    return spec.method === 'POST' ? `${this.root(spec)}${spec.path}` : this.urlFor(spec);
  }

  private root(spec: RequestSpec): string {
    // Another service's path is still on the Skaha server's own origin: the credential goes nowhere else.
    if (spec.origin) return new URL(this.connection.baseUrl).origin;
    return spec.versioned === false ? this.connection.baseUrl : `${this.connection.baseUrl}/${this.connection.apiVersion}`;
  }

  /** Sends the request and parses a JSON answer (capped; PROTOCOL_ERROR when too big or malformed). */
  json(spec: RequestSpec): Promise<unknown> {
    return this.exchange(spec, async (res, url) => {
      const text = await this.readText(res, url, spec.method, spec.maxBytes);
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new AppError(
          'PROTOCOL_ERROR',
          `${spec.method} ${url}: the answer is not valid JSON (starts with ${JSON.stringify(cutText(this.redact(text, spec), 80))}) — check that the URL points at a Skaha service`,
          { method: spec.method, url, status: res.statusCode },
        );
      }
    });
  }

  /** Sends the request and returns the answer as text (capped like JSON). */
  text(spec: RequestSpec): Promise<string> {
    return this.exchange(spec, (res, url) => this.readText(res, url, spec.method, spec.maxBytes));
  }

  /** Sends the request and returns the log text, keeping only the tail when it is over the cap. */
  async logs(spec: RequestSpec): Promise<SessionLogs> {
    // Decoded from bytes that already hold the marker: marker + text would be a rope that V8 copies whole on the first search.
    const log = await this.logBytes(spec);
    return { text: log.text(), truncated: log.truncated };
  }

  /** Sends the request and returns the log's bytes, undecoded, keeping only the tail when it is over the cap. */
  logBytes(spec: RequestSpec): Promise<LogBytes> {
    return this.exchange(spec, async (res) => {
      const tail = await readTail(res.body as BodyStream, this.maxLogBytes, truncationMarker);
      return LogBytes.of(tail.chunks, tail.truncated);
    });
  }

  /** Sends the request and discards the answer body. */
  async send(spec: RequestSpec): Promise<void> {
    await this.exchange(spec, async (res) => {
      await readCapped(res.body as BodyStream, this.maxJsonBytes);
    });
  }

  /** Closes every pooled connection, aborting requests still in flight. */
  async close(): Promise<void> {
    await this.agent.destroy();
  }

  private async exchange<T>(spec: RequestSpec, consume: (res: Dispatcher.ResponseData, url: string) => Promise<T>): Promise<T> {
    const { origin, pathname, search } = new URL(this.urlFor(spec));
    const url = this.shownUrl(spec);
    const { totalMs } = this.connection.timeouts;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, totalMs);
    const started = Date.now();
    try {
      const res = await this.agent.request({
        origin,
        path: pathname + search,
        method: spec.method,
        headers: this.headers(spec),
        body: spec.method === 'POST' ? '' : undefined,
        signal: controller.signal,
        headersTimeout: totalMs,
        bodyTimeout: totalMs,
      });
      this.logger.debug('skaha request', { method: spec.method, url, status: res.statusCode, ms: Date.now() - started });
      if (res.statusCode >= 300) throw await this.statusError(res, url, spec);
      return await consume(res, url);
    } catch (error) {
      if (isAppError(error)) throw error;
      const appError = transportError(spec.method, url, error, this.connection.timeouts, timedOut);
      this.logger.debug('skaha request failed', { method: spec.method, url, code: appError.code });
      throw appError;
    } finally {
      clearTimeout(timer);
    }
  }

  private headers(spec: RequestSpec): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': this.userAgent, ...spec.headers };
    if (spec.method === 'POST') headers['content-type'] = 'application/x-www-form-urlencoded';
    const token = this.connection.credential.kind === 'token' ? this.connection.credential.token : undefined;
    if (token) headers.authorization = `Bearer ${token}`;
    return headers;
  }

  private async readText(res: Dispatcher.ResponseData, url: string, method: string, maxBytes = this.maxJsonBytes): Promise<string> {
    const declared = Number(res.headers['content-length']);
    const { data, overflow } = declared > maxBytes ? { data: Buffer.alloc(0), overflow: true } : await readCapped(res.body as BodyStream, maxBytes);
    if (overflow) {
      res.body.destroy();
      throw new AppError(
        'PROTOCOL_ERROR',
        `${method} ${url}: the answer is larger than ${maxBytes} bytes, so it was abandoned — check that the URL points at a Skaha service`,
        { method, url, status: res.statusCode },
      );
    }
    return data.toString('utf8');
  }

  private async statusError(res: Dispatcher.ResponseData, url: string, spec: RequestSpec): Promise<AppError> {
    const method = spec.method;
    const { data, overflow } = await readCapped(res.body as BodyStream, MAX_ERROR_BODY_BYTES);
    const text = overflow ? '(error body too large to show)' : this.redact(data.toString('utf8'), spec);
    if (res.statusCode < 400) {
      const location = String(res.headers.location ?? '');
      return new AppError(
        'PROTOCOL_ERROR',
        `${method} ${url}: unexpected redirect ${res.statusCode}${location ? ` to ${location}` : ''} — check the service URL`,
        { method, url, status: res.statusCode },
      );
    }
    const retryAfter = res.headers['retry-after'];
    const registryAuthSent = spec.headers?.['x-skaha-registry-auth'] !== undefined;
    return httpStatusError(method, url, res.statusCode, text, Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, { registryAuthSent });
  }

  private redact(text: string, spec: RequestSpec): string {
    const cred = this.connection.credential;
    const registry = this.connection.registryAuth;
    const registryHeader = registry ? Buffer.from(`${registry.username}:${registry.secret}`).toString('base64') : undefined;
    return redactSecrets(text, [cred.kind === 'token' ? cred.token : undefined, registry?.secret, registryHeader, ...(spec.secrets ?? [])]);
  }
}
