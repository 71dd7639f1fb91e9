// A Skaha simulator in its own process, so its CPU never counts against what a case measures.
import { seedDemo, startSimulator, type SeedSessionSpec } from '../../src/sim/index.js';
import { serveChild } from './child.js';
import { churnSpec, logLines, platformSpecs } from './platform.js';

/** Options of the simulator child. */
export interface SimChildOptions {
  seed?: number;
  speed?: number;
  /** Running sessions of the first user to seed at start. */
  sessions?: number;
  /** Seed the demo platform instead (what `skaha-tui demo` shows). */
  demo?: boolean;
}

/** What the simulator child reports when ready. */
export interface SimChildInfo extends Record<string, unknown> {
  baseUrl: string;
  token: string;
  ids: string[];
}

await serveChild(async (options: SimChildOptions) => {
  const sim = await startSimulator({ port: 0, seed: options.seed ?? 7, speed: options.speed ?? 1 });
  const ids = options.demo ? seedDemo(sim, options.speed ?? 1) : platformSpecs(options.sessions ?? 0).map((spec) => sim.seedSession(spec));
  let growth: NodeJS.Timeout | null = null;
  let grownBytes = 0;
  let churning: NodeJS.Timeout | null = null;
  let churned = 0;
  return {
    info: { baseUrl: sim.baseUrl, token: sim.token, ids } satisfies SimChildInfo,
    methods: {
      seedSession: (spec: SeedSessionSpec) => sim.seedSession(spec),
      requestCount: (endpoint?: string) => sim.requestCount(endpoint),
      requestCounts: () => sim.requestCounts(),
      resetRequests: () => sim.resetRequests(),
      /** Gives `id` a log of `initialBytes`, then appends `bytesPerTick` every `tickMs` until stopLog. */
      growLog(id: string, o: { initialBytes: number; bytesPerTick: number; tickMs: number; lineBytes: number }) {
        let line = 0;
        const initialLines = Math.floor(o.initialBytes / o.lineBytes);
        sim.appendLog(id, logLines(line, initialLines, o.lineBytes));
        line += initialLines;
        const perTick = Math.max(1, Math.round(o.bytesPerTick / o.lineBytes));
        growth = setInterval(() => {
          sim.appendLog(id, logLines(line, perTick, o.lineBytes));
          line += perTick;
          grownBytes += perTick * o.lineBytes;
        }, o.tickMs);
        return initialLines * o.lineBytes;
      },
      /**
       * Every `everyMs`, deletes the `perTick` oldest sessions (through the API, as a user would,
       * sparing `keep`) and seeds as many new ones, so the count stays while sessions come and go.
       */
      churn(o: { everyMs: number; perTick: number; keep: string[] }) {
        const queue = ids.filter((id) => !o.keep.includes(id));
        churning = setInterval(() => {
          for (const id of queue.splice(0, o.perTick)) {
            void fetch(`${sim.baseUrl}/v1/session/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${sim.token}` } }).catch(() => undefined);
          }
          for (let i = 0; i < o.perTick; i++) queue.push(sim.seedSession(churnSpec(churned++)));
        }, o.everyMs);
      },
      /** How many sessions the churn replaced so far. */
      churned: () => churned,
      /** Stops the growth; returns how many bytes were appended after the initial log. */
      stopLog() {
        if (growth) clearInterval(growth);
        growth = null;
        return grownBytes;
      },
    },
    async close() {
      if (growth) clearInterval(growth);
      if (churning) clearInterval(churning);
      await sim.close();
    },
  };
});
