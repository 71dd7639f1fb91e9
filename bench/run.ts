#!/usr/bin/env node
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_CASES } from './cases/index.js';
import { renderBenchTable } from './harness/report.js';
import type { BenchRow } from './harness/types.js';

/** Where results go: bench/results.json in the source tree (this file runs from dist/bench). */
const RESULTS_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'results.json');

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** Keeps rows of cases not run this time, so a single-case run updates the file instead of wiping it. */
function mergeRows(previous: BenchRow[], fresh: BenchRow[], ran: Set<string>): BenchRow[] {
  const order = BENCH_CASES.map((c) => c.name);
  return [...previous.filter((r) => !ran.has(r.case)), ...fresh].sort((a, b) => order.indexOf(a.case) - order.indexOf(b.case));
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !BENCH_CASES.some((c) => c.name === name));
  if (unknown.length) {
    console.error(`unknown case: ${unknown.join(', ')}. Cases: ${BENCH_CASES.map((c) => c.name).join(', ')}`);
    return 2;
  }
  const cases = wanted.length ? BENCH_CASES.filter((c) => wanted.includes(c.name)) : BENCH_CASES;
  const rows: BenchRow[] = [];
  for (const benchCase of cases) {
    process.stderr.write(`running ${benchCase.name}: ${benchCase.title} …\n`);
    const started = Date.now();
    rows.push(...(await benchCase.run()));
    process.stderr.write(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  console.log(renderBenchTable(rows));
  const previous: BenchRow[] = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')).rows ?? []) : [];
  const merged = mergeRows(previous, rows, new Set(cases.map((c) => c.name)));
  const results = {
    at: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    rows: merged,
  };
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(`${RESULTS_FILE}.tmp`, JSON.stringify(results, null, 2) + '\n');
  renameSync(`${RESULTS_FILE}.tmp`, RESULTS_FILE);
  console.log(`\nwrote ${RESULTS_FILE}`);
  return 0;
}

process.exitCode = await main();
