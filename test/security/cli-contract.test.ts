// The CLI contract for validation errors: a value the rules refuse exits 2 (like any usage error), says which
// field and rule, and sends nothing. Before issue 9 these exited 1, so scripts could not tell them from failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from '../cli/spawn-cli.js';
import { securityHome, skahaTui, type SecurityHome } from './daemon-process.js';
import { startHostileSkaha, type HostileSkaha } from './hostile-skaha.js';

let skaha: HostileSkaha;
let home: SecurityHome;

beforeAll(async () => {
  assertBuilt();
  skaha = await startHostileSkaha();
  home = securityHome(skaha);
});
afterAll(async () => {
  await skaha?.close();
  home?.cleanup();
});

const REFUSED: Array<[string, string[], RegExp]> = [
  ['--cores -1', ['launch', 'headless', 'skaha/astroml', '--cores', '-1'], /^error: cores: /],
  ['--cores 2.5', ['launch', 'headless', 'skaha/astroml', '--cores', '2.5'], /^error: cores: /],
  ['--ram 0', ['launch', 'headless', 'skaha/astroml', '--ram', '0'], /^error: ram: /],
  ['--gpus -2', ['launch', 'headless', 'skaha/astroml', '--gpus', '-2'], /^error: gpus: /],
  ['--replicas 0', ['launch', 'headless', 'skaha/astroml', '--replicas', '0'], /^error: replicas: /],
  ['an invalid name', ['launch', 'notebook', 'skaha/astroml', '--name', 'bad name!'], /^error: name: /],
  ['--env on a notebook', ['launch', 'notebook', 'skaha/astroml', '--env', 'A=1'], /^error: env: /],
  ['an env value holding =', ['launch', 'headless', 'skaha/astroml', '--env', 'A=b=c'], /^error: env: /],
];

describe('validation errors exit 2', { timeout: 60_000 }, () => {
  it.each(REFUSED)('launch with %s exits 2, names the field, and sends nothing', async (_what, args, message) => {
    const before = skaha.server.requests.length;
    const r = await skahaTui([...args, '--no-daemon'], home.env());
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(skaha.server.requests.length, 'requests sent').toBe(before);
  });

  it('--json gives the VALIDATION_ERROR as JSON, with exit 2', async () => {
    const r = await skahaTui(['launch', 'headless', 'skaha/astroml', '--replicas', '0', '--json', '--no-daemon'], home.env());
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr)).toMatchObject({ error: { code: 'VALIDATION_ERROR' } });
  });
});
