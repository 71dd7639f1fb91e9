// A minimal Skaha in its own process whose session listing jumps between sizes on request (the
// `burst` case): bodies are serialised once per size, so the server costs nothing measurable.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveChild } from './child.js';

/** What the burst server reports when ready. */
export interface BurstServerInfo extends Record<string, unknown> {
  baseUrl: string;
  token: string;
}

const TOKEN = 'burst-bench-token';

/** `count` running notebooks: `base` ones first (the same on every size), then `burst-<n>`. */
function listing(count: number): string {
  const sessions = Array.from({ length: count }, (_, i) => {
    const id = i < 3 ? `base${String(i).padStart(4, '0')}` : `b${String(i).padStart(7, '0')}`;
    return {
      id,
      userid: 'bench',
      runAsUID: '1000',
      runAsGID: '1000',
      supplementalGroups: [],
      image: 'images.canfar.net/skaha/astroml:latest',
      type: 'notebook',
      status: 'Running',
      name: i < 3 ? `base-${i}` : `burst-${i}`,
      startTime: '2026-12-07T10:00:00Z',
      expiryTime: '2026-12-11T10:00:00Z',
      connectURL: `https://workload.example/session/notebook/${id}/lab?token=${id}`,
      requestedRAM: '8',
      requestedCPUCores: '2',
      requestedGPUCores: '0',
      ramInUse: '1.5',
      cpuCoresInUse: '0.25',
      isFixedResources: true,
    };
  });
  return JSON.stringify(sessions);
}

const STATS = JSON.stringify({ cores: { requestedCPUCores: '10', cpuCoresAvailable: '64' }, ram: { requestedRAM: '40G', ramAvailable: '512G' } });
const CONTEXT = JSON.stringify({ cores: { options: [1, 2, 4] }, memoryGB: { options: [1, 2, 4, 8] }, gpus: { options: [] } });

await serveChild(async () => {
  const bodies = new Map<number, string>();
  let current = 3;
  const body = (count: number) => {
    if (!bodies.has(count)) bodies.set(count, listing(count));
    return bodies.get(count)!;
  };
  body(current);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, text: string, type = 'application/json') => res.writeHead(status, { 'content-type': type }).end(text);
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(401, 'Unauthorized\n', 'text/plain');
    if (url.pathname === '/skaha/v1/session') return send(200, url.searchParams.get('view') === 'stats' ? STATS : body(current));
    if (url.pathname === '/skaha/v1/context') return send(200, CONTEXT);
    if (url.pathname === '/skaha/v1/image' || url.pathname === '/skaha/v1/repository') return send(200, '[]');
    return send(404, 'not found\n', 'text/plain');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    info: { baseUrl: `http://127.0.0.1:${port}/skaha`, token: TOKEN } satisfies BurstServerInfo,
    methods: {
      /** Prepares the listing of `count` sessions (so switching to it later costs nothing). */
      prepare: (count: number) => void body(count),
      /** Lists `count` sessions from now on. */
      setCount: (count: number) => void (current = count),
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
});
