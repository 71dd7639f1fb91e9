// The baseline of the daemon's reads: a bare undici GET of the same URL, read whole, JSON-parsed when asked.
import { Agent, request } from 'undici';
import { serveChild } from './child.js';
import { sleep } from './paths.js';

/** What one baseline fetch does. */
export interface FetchSpec {
  url: string;
  token: string;
  /** JSON.parse the body (a session listing) or only read it as text (a log). */
  parse: 'json' | 'text';
  /** Pause before each fetch, to run at the daemon's cadence (0: back to back). */
  gapMs: number;
}

await serveChild(async () => {
  const agent = new Agent({ keepAliveTimeout: 60_000 });
  const cpuNow = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  /**
   * CPU ms of each of `times` fetch cycles (after `warmup` unrecorded ones): from the end of one
   * fetch to the end of the next, pause included — measured the way the daemon's cycles are — and the body size.
   */
  async function measure(spec: FetchSpec, times: number, warmup: number): Promise<{ cpuMs: number[]; bytes: number }> {
    const cpuMs: number[] = [];
    let bytes = 0;
    let last = cpuNow();
    for (let i = 0; i < warmup + times; i++) {
      if (spec.gapMs > 0) await sleep(spec.gapMs);
      const res = await request(spec.url, { dispatcher: agent, headers: { authorization: `Bearer ${spec.token}` } });
      const text = await res.body.text();
      if (spec.parse === 'json') JSON.parse(text);
      const now = cpuNow();
      if (i >= warmup) cpuMs.push(now - last);
      last = now;
      bytes = text.length;
    }
    return { cpuMs, bytes };
  }
  return { info: {}, methods: { measure }, close: () => agent.close() };
});
