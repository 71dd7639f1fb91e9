// The baseline of the daemon's fan-out: a bare ws server on a Unix socket that sends one frame to every client.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { serveChild } from './child.js';
import { tempDir } from './paths.js';

await serveChild(async () => {
  const dir = tempDir('skb-ws-');
  const socketPath = join(dir.dir, 'bare.sock');
  const server = createServer();
  const wss = new WebSocketServer({ server, perMessageDeflate: false });
  const clients = new Set<WebSocket>();
  wss.on('connection', (ws) => {
    clients.add(ws);
    ws.on('close', () => clients.delete(ws));
    ws.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    info: { socketPath },
    methods: {
      clients: () => clients.size,
      /** Sends `text` to every client; returns the monotonic time (ns) just before the first send. */
      broadcast(text: string): bigint {
        const hrNs = process.hrtime.bigint();
        for (const ws of clients) ws.send(text);
        return hrNs;
      },
    },
    async close() {
      for (const ws of clients) ws.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      dir.remove();
    },
  };
});
