import type { BenchCase } from '../harness/types.js';
import { burst } from './burst.js';
import { cliCache } from './cli-cache.js';
import { dashboardCpu } from './dashboard-cpu.js';
import { dashboardStart } from './dashboard-start.js';
import { fanOut } from './fan-out.js';
import { logFollow } from './log-follow.js';
import { memory } from './memory.js';
import { pollCost } from './poll-cost.js';
import { requests } from './requests.js';
import { usage } from './usage.js';

/** Every benchmark case, in table order. */
export const BENCH_CASES: BenchCase[] = [pollCost, fanOut, requests, memory, dashboardCpu, dashboardStart, logFollow, cliCache, burst, usage];
