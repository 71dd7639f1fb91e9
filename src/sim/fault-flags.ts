import { parseFaults } from './faults.js';
import type { SimFaults } from './types.js';

/** The `--fault` forms the CLI accepts, for `--help`. */
export const FAULT_FLAG_HELP = [
  'latency=MS              add MS milliseconds before every answer',
  'status:ENDPOINT=CODE    answer ENDPOINT with HTTP CODE (e.g. status:session=500)',
  'hang:ENDPOINT           never answer ENDPOINT',
  'reset:ENDPOINT          reset the connection',
  'malformed:ENDPOINT      cut JSON answers in half',
  'truncated:ENDPOINT      stop the body before its Content-Length',
  'huge:ENDPOINT[=BYTES]   answer with a huge body (default 100 MB)',
  'flaky=RATE[:CODE]       fail a seeded fraction RATE of requests (default 500)',
  'stats-unavailable       view=stats answers 503',
  'expired-token           every token gets 401',
  'fail-jobs               new headless jobs exit 1',
  'fail-replicas=N[,N…]    new headless jobs with one of these REPLICA_IDs exit 1',
  'queue=SECONDS           new sessions wait SECONDS in the Kueue queue (no pod yet)',
  'preempt=AFTER[:QUEUED]  new sessions are preempted AFTER s of running, queued QUEUED s (default 60)',
  'trouble=NAME            new sessions get a trouble: oom, crash-loop, image-pull, unschedulable',
  'renew=OUTCOME           renews answer: ok, error (500) or ignored (200, nothing changes)',
];

const LISTS = ['hang', 'reset', 'malformed', 'truncated', 'huge'] as const;

/** Adds one `--fault` value to `faults`; throws a RangeError saying what is wrong. */
export function applyFaultFlag(faults: SimFaults, spec: string): SimFaults {
  const [head, value] = spec.includes('=') ? [spec.slice(0, spec.indexOf('=')), spec.slice(spec.indexOf('=') + 1)] : [spec, undefined];
  const [name, endpoint] = head.includes(':') ? [head.slice(0, head.indexOf(':')), head.slice(head.indexOf(':') + 1)] : [head, undefined];
  const number = (text: string | undefined, what: string): number => {
    const n = Number(text);
    if (text === undefined || text.trim() === '' || !Number.isFinite(n)) throw new RangeError(`--fault ${spec}: ${what} must be a number`);
    return n;
  };
  const next: Record<string, unknown> = { ...faults };
  if (name === 'latency') next.latencyMs = number(value, 'latency');
  else if (name === 'status') {
    if (!endpoint) throw new RangeError(`--fault ${spec}: use status:ENDPOINT=CODE`);
    next.status = { ...faults.status, [endpoint]: number(value, 'the status') };
  } else if ((LISTS as readonly string[]).includes(name)) {
    if (!endpoint) throw new RangeError(`--fault ${spec}: use ${name}:ENDPOINT (an endpoint key, a group such as session, or *)`);
    const key = name as (typeof LISTS)[number];
    next[key] = [...(faults[key] ?? []), endpoint];
    if (name === 'huge' && value !== undefined) next.hugeBytes = number(value, 'the size');
  } else if (name === 'flaky') {
    const [rate, code] = (value ?? '').split(':');
    next.flakyRate = number(rate, 'the rate');
    if (code !== undefined) next.flakyStatus = number(code, 'the status');
  } else if (name === 'stats-unavailable' || name === 'stats503') next.statsUnavailable = true;
  else if (name === 'expired-token') next.expiredToken = true;
  else if (name === 'fail-jobs') next.failJobs = true;
  else if (name === 'fail-replicas') next.failReplicas = (value ?? '').split(',').map((n) => number(n, 'each replica number'));
  else if (name === 'queue') next.queueSeconds = number(value, 'the queue time');
  else if (name === 'preempt') {
    const [after, queued] = (value ?? '').split(':');
    next.preempt = { afterSeconds: number(after, 'the running time'), queuedSeconds: queued === undefined ? 60 : number(queued, 'the queued time') };
  } else if (name === 'trouble' || name === 'renew') next[name] = value;
  else throw new RangeError(`--fault ${spec}: unknown fault "${name}"`);
  try {
    return parseFaults(next);
  } catch (error) {
    throw new RangeError(`--fault ${spec}: ${(error as Error).message}`);
  }
}
