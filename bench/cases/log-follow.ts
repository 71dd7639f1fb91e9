import { logRefreshInterval } from '../../src/logs/log-diff.js';
import { startChild } from '../harness/child.js';
import { startBenchDaemon, steadyPolling } from '../harness/daemon-proc.js';
import { sleep, waitFor } from '../harness/paths.js';
import { processCpuNs, processRssMB } from '../harness/proc.js';
import { startSim } from '../harness/sim-proc.js';
import { deltas, median } from '../harness/stats.js';
import { ratioRow, row, type BenchCase, type BenchRow } from '../harness/types.js';
import { openRawClient } from '../harness/ws-clients.js';

const LOG_BYTES = 10_000_000;
const LINE_BYTES = 128;
const GROWTH_PER_SECOND = 1024;
const WINDOW_MS = 30_000;
const REFRESH_MS = 500;
const TARGET = 1.5;
const BARE_FETCHES = 10;

/** Pure: the number in a bench log line (`[bench] line N …`), or null for any other line. */
export function lineNumber(line: string): number | null {
  const match = /^\[bench\] line (\d+) /.exec(line);
  return match ? Number(match[1]) : null;
}

/** Pure: whether lines hold consecutive bench line numbers starting at `first`. */
export function consecutive(lines: readonly string[], first: number): boolean {
  return lines.every((line, i) => lineNumber(line) === first + i);
}

/** Pure: the bytes lines take in the log (each with its newline). */
export function lineBytes(lines: readonly string[]): number {
  return lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
}

/** One refresh as the subscribed client saw it: the new lines, the frame's size, and the daemon's CPU (ns) at arrival. */
interface Refresh {
  lines: string[];
  frameBytes: number;
  daemonCpuNs: number;
}

/** Follows the growing log through the built daemon for the window; what each refresh brought. */
async function follow(
  sim: Awaited<ReturnType<typeof startSim>>,
  id: string,
): Promise<{ refreshes: Refresh[]; firstNew: number; lastLine: number; resets: number; rssMB: number }> {
  const daemon = await startBenchDaemon({ sim: sim.info, config: { ...steadyPolling(60_000), logs: { refreshMs: REFRESH_MS } } });
  try {
    const refreshes: Refresh[] = [];
    let resets = 0;
    const client = await openRawClient(daemon.paths.socketPath, {
      hello: true,
      onFrame: (arrival) => {
        if (arrival.text.includes('"topic":"logs:reset"') && arrival.text.includes('[bench] line')) resets++;
        if (!arrival.text.includes('"topic":"logs:append"')) return;
        const daemonCpuNs = processCpuNs(daemon.pid) ?? NaN;
        refreshes.push({ lines: JSON.parse(arrival.text).data.lines as string[], frameBytes: Buffer.byteLength(arrival.text), daemonCpuNs });
      },
    });
    // The first reset carries the (empty) buffer; the one after the first fetch carries the log.
    const reset = client.next((t) => t.includes('"topic":"logs:reset"') && t.includes('[bench] line'));
    client.request('1', 'logs.subscribe', { sessionId: id });
    const resetLines = JSON.parse((await reset).text).data.lines as string[];
    const firstNew = lineNumber(resetLines[resetLines.length - 1])! + 1;
    await sleep(WINDOW_MS);
    const grown = await sim.call<number>('stopLog');
    const lastLine = Math.floor(LOG_BYTES / LINE_BYTES) + grown / LINE_BYTES - 1;
    await waitFor('the last lines', () => refreshes.some((r) => lineNumber(r.lines[r.lines.length - 1]) === lastLine), 20_000, 50);
    const rssMB = processRssMB(daemon.pid) ?? NaN;
    await client.close();
    return { refreshes, firstNew, lastLine, resets, rssMB };
  } finally {
    await daemon.stop();
  }
}

/** Case 7: following a 10 MB log that grows by 1 KB/s. */
export const logFollow: BenchCase = {
  name: 'log-follow',
  title: 'a 10 MB log growing by 1 KB/s: bytes to the client and daemon CPU per refresh vs a bare download',
  async run(): Promise<BenchRow[]> {
    const sim = await startSim({});
    try {
      const id = await sim.call<string>('seedSession', {
        kind: 'headless',
        name: 'big-log',
        cmd: 'echo',
        args: 'big log follows',
        ageSeconds: 60,
        runSeconds: 86_400,
      });
      await sim.call('growLog', id, { initialBytes: LOG_BYTES, bytesPerTick: GROWTH_PER_SECOND, tickMs: 1_000, lineBytes: LINE_BYTES });
      const { refreshes, firstNew, lastLine, resets, rssMB } = await follow(sim, id);
      const fetcher = await startChild('fetch-child.js', {});
      // At the daemon's cadence: what a client without the daemon would download, as often.
      const gapMs = logRefreshInterval(REFRESH_MS, LOG_BYTES);
      const bare = await fetcher.call<{ cpuMs: number[]; bytes: number }>(
        'measure',
        { url: `${sim.info.baseUrl}/v1/session/${id}?view=logs`, token: sim.info.token, parse: 'text', gapMs },
        BARE_FETCHES,
        2,
      );
      await fetcher.stop();

      const received = refreshes.flatMap((r) => r.lines);
      const newBytes = (lastLine - firstNew + 1) * LINE_BYTES;
      const exact = resets === 1 && consecutive(received, firstNew) && lineBytes(received) === newBytes;
      const frameOverhead = refreshes.reduce((s, r) => s + r.frameBytes, 0) / lineBytes(received) - 1;
      const cpuMs = deltas(refreshes.map((r) => r.daemonCpuNs)).map((ns) => ns / 1e6);
      return [
        row({
          case: 'log-follow',
          label: 'log bytes to the client per refresh',
          value: lineBytes(received) / refreshes.length,
          unit: 'B',
          baseline: { label: 'new log bytes per refresh', value: newBytes / refreshes.length, unit: 'B' },
          target: 'all new bytes, only them',
          met: exact,
          note: `${refreshes.length} refreshes in ${WINDOW_MS / 1000} s (refreshMs ${REFRESH_MS}, stretched for a 10 MB log); lines received ${exact ? 'are exactly' : 'are NOT'} the ${newBytes} bytes appended after the subscription, in order, no extra reset; JSON framing adds ${(frameOverhead * 100).toFixed(0)}%; daemon RSS at the end ${rssMB.toFixed(0)} MB`,
        }),
        ratioRow(
          {
            case: 'log-follow',
            label: 'daemon CPU per refresh',
            value: median(cpuMs),
            unit: 'ms',
            baseline: { label: `undici GET of the ${(bare.bytes / 1e6).toFixed(1)} MB log, read as text`, value: median(bare.cpuMs), unit: 'ms' },
            note: `CPU of whole refresh cycles: the built daemon's (all threads, /proc schedstat) between consecutive logs:append arrivals, median of ${cpuMs.length}; baseline: a child process downloading the log at the same cadence (${(gapMs / 1000).toFixed(1)} s), CPU between downloads (process.cpuUsage, all threads), median of ${BARE_FETCHES}`,
          },
          TARGET,
        ),
      ];
    } finally {
      await sim.stop();
    }
  },
};
