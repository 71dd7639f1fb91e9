import { startBenchDaemon } from '../harness/daemon-proc.js';
import { sleep } from '../harness/paths.js';
import { startSim, type SimProcess } from '../harness/sim-proc.js';
import { row, type BenchCase, type BenchRow } from '../harness/types.js';
import { closeAll, openRawClients } from '../harness/ws-clients.js';

const WINDOW_MS = 20_000;
const SESSIONS = 20;
/** Fast cadence so a short window holds many requests: sessions every second, stats every 5 s. */
const CONFIG = { polling: { fastMs: 1_000, normalMs: 1_000, slowMs: 1_000, fastAfterActionMs: 0, statsMs: 5_000 } };

/** Pure: whether two request counts per endpoint are equal but for at most one request per endpoint (a window edge). */
export function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => Math.abs((a[k] ?? 0) - (b[k] ?? 0)) <= 1);
}

/** Pure: the per-endpoint difference `after - before`. */
export function countsSince(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after)
      .map(([k, n]) => [k, n - (before[k] ?? 0)])
      .filter(([, n]) => (n as number) > 0),
  );
}

/** Requests the simulator saw, per endpoint, during one window with `clients` attached. */
async function window(sim: SimProcess, socketPath: string, clients: number): Promise<Record<string, number>> {
  const attached = await openRawClients(socketPath, clients, { hello: true });
  await sleep(1_000);
  const before = await sim.call<Record<string, number>>('requestCounts');
  await sleep(WINDOW_MS);
  const after = await sim.call<Record<string, number>>('requestCounts');
  await closeAll(attached);
  return countsSince(before, after);
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const show = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

/** Case 3: the daemon asks Skaha as often with 10 clients as with 1. */
export const requests: BenchCase = {
  name: 'requests',
  title: 'requests per minute to Skaha with 1 and with 10 attached clients, over the same window',
  async run(): Promise<BenchRow[]> {
    const sim = await startSim({ sessions: SESSIONS });
    const daemon = await startBenchDaemon({ sim: sim.info, config: CONFIG });
    try {
      await sleep(2_000);
      const one = await window(sim, daemon.paths.socketPath, 1);
      const ten = await window(sim, daemon.paths.socketPath, 10);
      const perMinute = (counts: Record<string, number>) => (total(counts) * 60_000) / WINDOW_MS;
      return [
        row({
          case: 'requests',
          label: 'requests/min, 10 clients',
          value: perMinute(ten),
          unit: '/min',
          baseline: { label: '1 client', value: perMinute(one), unit: '/min' },
          target: 'equal (±1 per endpoint)',
          met: sameCounts(one, ten),
          note: `${WINDOW_MS / 1000} s windows of the built daemon polling every 1 s (stats every 5 s), scaled to a minute; 1 client: ${show(one)}; 10 clients: ${show(ten)}; ±1 request per endpoint is where a window edge cuts a poll`,
        }),
      ];
    } finally {
      await daemon.stop();
      await sim.stop();
    }
  },
};
