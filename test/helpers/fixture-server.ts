import http, { type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request the fixture server received. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Raw query string without `?` (exactly as sent). */
  rawQuery: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** The client's port: equal ports mean a reused (keep-alive) connection. */
  remotePort: number;
}

/** What a route answers; `json` sets `application/json`, a string `body` defaults to `text/plain`. */
export interface FixtureReply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  json?: unknown;
  /** Wait before answering. */
  delayMs?: number;
  /** Never answer (the socket stays open until close()). */
  hang?: boolean;
  /** Send the status, headers and this much of the body, then stall forever. */
  partial?: string;
  /** Reset the connection instead of answering. */
  reset?: boolean;
  /** Stream `totalBytes` of garbage (with backpressure); `contentLength` declares the size up front. */
  stream?: { totalBytes: number; chunkBytes?: number; contentLength?: boolean; contentType?: string };
}

/** A reply, or a function of the request that makes one. */
export type FixtureHandler = FixtureReply | ((req: RecordedRequest) => FixtureReply | Promise<FixtureReply>);

interface Route {
  method: string;
  path: string | RegExp;
  handler: FixtureHandler;
}

/** A real node:http server on 127.0.0.1, scripted per test, that records every request. */
export class FixtureServer {
  /** Every request received, in order. */
  readonly requests: RecordedRequest[] = [];
  /** Bytes of streamed bodies the kernel accepted before the client stopped reading. */
  streamedBytes = 0;
  private routes: Route[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: http.Server) {
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    server.on('request', (req, res) => void this.handle(req, res));
  }

  /** Starts a server on an ephemeral port. */
  static async start(): Promise<FixtureServer> {
    const server = http.createServer();
    const fixture = new FixtureServer(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fixture;
  }

  /** `http://127.0.0.1:<port>` */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Adds a route; a later route for the same request wins over an earlier one. Path is exact (no query) or a RegExp. */
  route(method: string, path: string | RegExp, handler: FixtureHandler): this {
    this.routes.unshift({ method: method.toUpperCase(), path, handler });
    return this;
  }

  /** Forgets routes and recorded requests. */
  reset(): void {
    this.routes = [];
    this.requests.length = 0;
    this.streamedBytes = 0;
  }

  /** Stops the server, destroying open (also hanging) connections. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const target = new URL(req.url ?? '/', 'http://fixture');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: target.pathname,
      rawQuery: (req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?') + 1) : '',
      query: target.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      remotePort: req.socket.remotePort ?? 0,
    };
    this.requests.push(recorded);
    const route = this.routes.find((r) => r.method === recorded.method && (typeof r.path === 'string' ? r.path === recorded.path : r.path.test(recorded.path)));
    const reply: FixtureReply = route
      ? typeof route.handler === 'function'
        ? await route.handler(recorded)
        : route.handler
      : { status: 404, body: `no fixture route for ${recorded.method} ${recorded.path}\n` };
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (reply.hang) return;
    if (reply.reset) {
      const socket = req.socket as Socket & { resetAndDestroy?: () => void };
      if (socket.resetAndDestroy) socket.resetAndDestroy();
      else socket.destroy();
      return;
    }
    if (reply.stream) return this.stream(res, reply);
    if (reply.partial !== undefined) {
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      res.write(reply.partial);
      return;
    }
    const headers: Record<string, string> = { ...reply.headers };
    let body: string | Buffer = reply.body ?? '';
    if (reply.json !== undefined) {
      body = JSON.stringify(reply.json);
      headers['content-type'] ??= 'application/json';
    } else headers['content-type'] ??= 'text/plain';
    res.writeHead(reply.status ?? 200, headers);
    res.end(body);
  }

  private async stream(res: ServerResponse, reply: FixtureReply): Promise<void> {
    const { totalBytes, chunkBytes = 64 * 1024, contentLength = false, contentType = 'application/json' } = reply.stream!;
    const headers: Record<string, string | number> = { 'content-type': contentType, ...reply.headers };
    if (contentLength) headers['content-length'] = totalBytes;
    res.writeHead(reply.status ?? 200, headers);
    const chunk = Buffer.alloc(chunkBytes, 0x61);
    chunk[0] = 0x5b; // "[" so it starts like JSON
    let closed = false;
    res.on('close', () => (closed = true));
    let sent = 0;
    while (sent < totalBytes && !closed) {
      const piece = chunk.subarray(0, Math.min(chunkBytes, totalBytes - sent));
      sent += piece.length;
      const ok = res.write(piece, (error) => {
        if (!error) this.streamedBytes += piece.length;
      });
      if (!ok) await drainOrClose(res);
    }
    if (!closed) res.end();
  }
}

function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Starts a fixture server (shorthand for FixtureServer.start()). */
export function startFixtureServer(): Promise<FixtureServer> {
  return FixtureServer.start();
}
