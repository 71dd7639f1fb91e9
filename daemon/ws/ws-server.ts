import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { AppError } from '../../src/domain/errors.js';
import type { TimerHandle } from '../../src/ports/clock.js';
import { encode, type DaemonFrame } from '../../src/protocol/codec.js';
import { listenExclusive } from '../instance/socket-lock.js';
import { ClientConnection, type ClientDeps } from './client-connection.js';
import { checkUpgrade, type UpgradeRefusal } from './upgrade-check.js';

/** Options of the daemon's websocket server: what each client connection needs, plus the listeners. */
export interface WsServerOptions extends Pick<ClientDeps, 'clock' | 'logger' | 'frameLimitBytes' | 'helloTimeoutMs' | 'welcome' | 'onRequest' | 'onClose'> {
  socketPath: string;
  /** The optional loopback TCP listener (port 0 picks one). */
  tcp: { host: string; port: number } | null;
  /** The bearer token TCP clients must send; required when `tcp` is set. */
  tcpToken: string | null;
  allowedOrigins: () => readonly string[];
  pingIntervalMs: number;
  /** Upgrades wait for this (the daemon loads its state after it has claimed the socket). */
  gate?: Promise<void>;
}

function respondHttp(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(426, { 'content-type': 'text/plain', connection: 'close' });
  res.end('this is the skaha-tui daemon: connect with a websocket client (see docs/protocol.md)\n');
}

function rejectUpgrade(socket: Duplex, refusal: NonNullable<UpgradeRefusal> | { status: 503; reason: string }): void {
  const body = `${refusal.reason}\n`;
  socket.end(
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** The websocket server: a Unix socket (single instance, 0600), optional loopback TCP with a token, heartbeat and broadcast. */
export class WsServer {
  /** The TCP address actually bound, when TCP is on. */
  tcpAddress: { host: string; port: number } | null = null;
  private readonly wss: WebSocketServer;
  private readonly clients = new Map<string, ClientConnection>();
  private readonly servers: Server[] = [];
  private pingTimer: TimerHandle | null = null;
  private nextId = 1;
  private closing = false;

  constructor(private readonly options: WsServerOptions) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.frameLimitBytes, perMessageDeflate: false, clientTracking: false });
    this.wss.on('error', (error) => options.logger.warn('websocket server error', { error: error.message }));
  }

  /** Listens on the Unix socket (DAEMON_ALREADY_RUNNING when another daemon has it), then on TCP when asked. */
  async listen(): Promise<void> {
    const unix = this.httpServer(null);
    await listenExclusive(unix, this.options.socketPath);
    this.servers.push(unix);
    if (this.options.tcp) {
      try {
        if (!this.options.tcpToken) throw new AppError('CONFIG_ERROR', 'the TCP listener needs a bearer token');
        const tcp = this.httpServer(this.options.tcpToken);
        await listenTcp(tcp, this.options.tcp.host, this.options.tcp.port);
        this.servers.push(tcp);
        const address = tcp.address() as AddressInfo;
        this.tcpAddress = { host: address.address, port: address.port };
      } catch (error) {
        // Give the Unix socket back, so a corrected start is not told a daemon already runs.
        await this.close(1001, 'startup failed');
        throw error;
      }
    }
    this.scheduleHeartbeat();
  }

  /** How many clients have said hello. */
  clientCount(): number {
    let n = 0;
    for (const client of this.clients.values()) if (client.ready) n++;
    return n;
  }

  /** Sends a frame to every client that has said hello (encoded once, to JSON and to UTF-8 bytes). */
  broadcast(frame: DaemonFrame): void {
    if (this.clients.size === 0) return;
    const bytes = Buffer.from(encode(frame));
    for (const client of this.clients.values()) if (client.ready) client.sendText(bytes);
  }

  /** Sends a frame to one client, if it is still connected. */
  sendTo(clientId: string, frame: DaemonFrame): void {
    const client = this.clients.get(clientId);
    if (client?.ready) client.send(frame);
  }

  /** Closes every client with `code` (1001 at shutdown) and stops listening; the socket file is removed. */
  async close(code: number, reason: string): Promise<void> {
    this.closing = true;
    if (this.pingTimer !== null) this.options.clock.clearTimeout(this.pingTimer);
    this.pingTimer = null;
    const clients = [...this.clients.values()];
    for (const client of clients) client.close(code, reason);
    await Promise.all(clients.map((client) => client.closed(1_000)));
    await Promise.all(
      this.servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      ),
    );
    this.servers.length = 0;
  }

  private httpServer(token: string | null): Server {
    const server = createServer(respondHttp);
    server.on('clientError', (_error, socket) => socket.destroy());
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => undefined);
      const refusal = checkUpgrade(req.headers, { token, allowedOrigins: this.options.allowedOrigins() });
      if (refusal) {
        this.options.logger.info('websocket upgrade refused', { status: refusal.status, reason: refusal.reason, origin: req.headers.origin });
        return rejectUpgrade(socket, refusal);
      }
      void (this.options.gate ?? Promise.resolve()).then(() => {
        if (this.closing) return rejectUpgrade(socket, { status: 503, reason: 'the daemon is shutting down' });
        try {
          this.wss.handleUpgrade(req, socket, head, (ws) => this.adopt(ws));
        } catch (error) {
          this.options.logger.warn('websocket upgrade failed', { error: (error as Error).message });
          socket.destroy();
        }
      });
    });
    return server;
  }

  private adopt(ws: WebSocket): void {
    const id = `c${this.nextId++}`;
    const client = new ClientConnection(id, ws, {
      clock: this.options.clock,
      logger: this.options.logger,
      frameLimitBytes: this.options.frameLimitBytes,
      helloTimeoutMs: this.options.helloTimeoutMs,
      welcome: this.options.welcome,
      onRequest: this.options.onRequest,
      onReady: () => undefined,
      onClose: (closed) => {
        this.clients.delete(closed.id);
        this.options.onClose(closed);
      },
    });
    this.clients.set(id, client);
  }

  private scheduleHeartbeat(): void {
    this.pingTimer = this.options.clock.setTimeout(() => {
      for (const client of this.clients.values()) client.heartbeat();
      if (!this.closing) this.scheduleHeartbeat();
    }, this.options.pingIntervalMs);
  }
}

function listenTcp(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const why = error.code === 'EADDRINUSE' ? 'the port is in use' : error.message;
      reject(new AppError('CONFIG_ERROR', `cannot listen on ${host}:${port}: ${why} — pick another port with --listen or listen.tcp`, { cause: error }));
    };
    server.once('error', onError);
    server.listen({ host, port }, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
