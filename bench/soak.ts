#!/usr/bin/env node
// `npm run soak -- --minutes N [--every M]`: the built daemon against the simulator with 500
// churning sessions polled every second, two attached clients (one draws histories as the
// dashboard does) and a `logs --follow`. It prints the daemon's own RSS, heap, handles and
// event-loop delay (`daemon.metrics`) at the start and every M minutes (default 5), then the growth
// after the first 5 minutes: it samples every 30 s and compares the median RSS of minutes 5–10 with
// that of the last 5 minutes. Exit 0 when it grew at most 5 %, else 1; 2 for bad flags.
import { spawn } from 'node:child_process';
import { connectDaemon } from '../src/daemon-client/connect-daemon.js';
import type { DaemonConnection } from '../src/daemon-client/daemon-connection.js';
import { startBenchDaemon } from './harness/daemon-proc.js';
import { BIN, sleep, waitFor } from './harness/paths.js';
import { startSim } from './harness/sim-proc.js';
import { sampleHeader, sampleLine, soakSummary, type SoakSample } from './harness/soak-report.js';

const USAGE = 'usage: npm run soak -- [--minutes N] [--every M]   (defaults: 30 minutes, a sample every 5)';
const SESSIONS = 500;
const WARMUP_MS = 5 * 60_000;
const WINDOW_MS = 5 * 60_000;
const SAMPLE_EVERY_MS = 30_000;
const TARGET_PERCENT = 5;

/** The soak's length and sampling interval, from `--minutes N` and `--every M`. */
function parseArgs(argv: string[]): { minutes: number; every: number } {
  const out = { minutes: 30, every: 5 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i] === '--minutes' ? 'minutes' : argv[i] === '--every' ? 'every' : null;
    const value = Number(argv[i + 1]);
    if (!key || !(value > 0) || !Number.isFinite(value)) throw new Error(`${argv[i]} ${argv[i + 1] ?? ''}: expected --minutes N or --every M with N, M > 0`);
    out[key] = value;
  }
  return out;
}

/** Every 10 s, the first client asks for one more session's history and the platform's, as the dashboard does on a selection change. */
function drawHistories(connection: DaemonConnection): NodeJS.Timeout {
  let n = 0;
  return setInterval(() => {
    const ids = Object.keys(connection.state?.sessions ?? {});
    if (ids.length === 0) return;
    void connection.request('history', { ids: [ids[n++ % ids.length]], stats: n % 6 === 0 }).catch(() => undefined);
  }, 10_000);
}

async function main(): Promise<number> {
  let args: { minutes: number; every: number };
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const sim = await startSim({ sessions: SESSIONS });
  const followed = sim.info.ids[0];
  await sim.call('churn', { everyMs: 5_000, perTick: 10, keep: [followed] });
  await sim.call('growLog', followed, { initialBytes: 50_000, bytesPerTick: 200, tickMs: 1_000, lineBytes: 100 });
  const second = 1_000;
  const daemon = await startBenchDaemon({
    sim: sim.info,
    config: { polling: { fastMs: second, normalMs: second, slowMs: second, fastAfterActionMs: 0, statsMs: 10 * second, catalogueMs: 30 * 60 * second } },
  });
  const clients: DaemonConnection[] = [];
  let follow: ReturnType<typeof spawn> | null = null;
  let drawer: NodeJS.Timeout | null = null;
  try {
    for (const name of ['soak-dashboard', 'soak-watch'])
      clients.push(await connectDaemon({ socketPath: daemon.paths.socketPath, clientName: name, requestTimeoutMs: 60_000 }));
    await waitFor('the first poll', () => (clients[0].state?.lastPollAt ?? null) !== null, 30_000, 100);
    drawer = drawHistories(clients[0]);
    follow = spawn(process.execPath, [BIN, 'logs', '--follow', followed], { env: daemon.env, stdio: ['ignore', 'ignore', 'ignore'] });
    await waitFor('the log follow', async () => (await clients[1].request('daemon.metrics', {})).logFollows > 0, 30_000, 200);
    console.log(`soak: ${args.minutes} min, ${SESSIONS} sessions churning 10 every 5 s, 1 s polls, 2 clients, following ${followed}; daemon pid ${daemon.pid}`);
    console.log(sampleHeader());
    const samples: SoakSample[] = [];
    const started = Date.now();
    let printedUpTo = -Infinity;
    const sample = async (force = false) => {
      const metrics = await clients[1].request('daemon.metrics', {});
      const taken = { atMs: Date.now() - started, metrics };
      samples.push(taken);
      // Every sample counts for the growth; a line is printed at the start and every --every minutes.
      if (force || taken.atMs >= printedUpTo + args.every * 60_000 - SAMPLE_EVERY_MS / 2) {
        printedUpTo = Math.max(0, Math.round(taken.atMs / 60_000) * 60_000);
        console.log(sampleLine(taken));
      }
    };
    await sample(true);
    const end = started + args.minutes * 60_000;
    for (let next = started + SAMPLE_EVERY_MS; next < end - 1_000; next += SAMPLE_EVERY_MS) {
      await sleep(next - Date.now());
      await sample();
    }
    await sleep(Math.max(0, end - Date.now()));
    await sample(true);
    const summary = soakSummary(samples, WARMUP_MS, WINDOW_MS, TARGET_PERCENT);
    console.log(summary.text);
    console.log(
      `simulator: ${await sim.call<number>('churned')} sessions replaced; ${await sim.call<number>('requestCount', 'session.list')} session listings served`,
    );
    return summary.met ? 0 : 1;
  } finally {
    if (drawer) clearInterval(drawer);
    follow?.kill('SIGINT');
    await Promise.all(clients.map((c) => c.close()));
    await daemon.stop();
    await sim.stop();
  }
}

process.exitCode = await main();
