import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonStateStore } from '../../../daemon/store/json-state-store.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { compileForNode } from '../../helpers/compile-for-node.js';

let work: string;

// The child runs the real store compiled from this checkout (tsc into a temp dir), so the test
// does not depend on a full `npm run build` and exercises exactly the code under test.
const CHILD = `
import { JsonStateStore } from './daemon/store/json-state-store.js';
import { reduce } from './src/state/reduce.js';
import { systemClock } from './src/ports/clock.js';
const store = new JsonStateStore(process.argv[2], { clock: systemClock(), minIntervalMs: 0 });
const { state: loaded, warning } = await store.load();
if (warning) process.stdout.write('WARN ' + warning + '\\n');
let state = loaded;
for (let i = 1; ; i++) {
  const sessions = Array.from({ length: 1 + ((i * 37) % 300) }, (_, k) => ({
    id: 's' + k, name: 'n' + k, kind: 'notebook', status: 'Running', image: 'img', user: 'u',
    startedAt: null, expiresAt: null, url: null, cpu: { requested: 1, used: (i % 10) / 10 },
    ramGB: { requested: 2, used: 1 }, gpus: { requested: 0 }, fixed: true,
  }));
  state = reduce(state, { type: 'poll.succeeded', sessions, at: Date.now() + i });
  state = reduce(state, { type: 'launch.requested', launchId: 'L' + i, request: { name: 'j', image: 'i', kind: 'headless', registryAuth: { username: 'u', secret: 'CHILD-SECRET' } }, at: Date.now() });
  store.save(state);
  await store.flush();
  process.stdout.write('W ' + i + '\\n');
}
`;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'skaha-crash-'));
  compileForNode(work, ['daemon/store/json-state-store.ts', 'src/state/reduce.ts', 'src/ports/clock.ts']);
  writeFileSync(join(work, 'child.mjs'), CHILD);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Starts the writer, waits for `writes` completed writes, then SIGKILLs it mid-loop. */
function runAndKill(file: string, writes: number): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(work, 'child.mjs'), file], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(`W ${writes}\n`)) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? done(out) : fail(new Error(`child exited ${code}: ${err}`))));
  });
}

describe('JsonStateStore under kill -9', () => {
  it('always leaves a file that loads, across 50 kills in the middle of writes', async () => {
    const file = join(work, 'home', 'state.json');
    for (let round = 0; round < 50; round++) {
      const out = await runAndKill(file, 1 + ((round * 7) % 5));
      expect(out, `round ${round}: the child found a bad file`).not.toContain('WARN');
      const store = new JsonStateStore(file, { clock: new FakeClock() });
      const result = await store.load();
      await store.close();
      expect(result.warning, `round ${round}`).toBeNull();
      expect(Object.keys(result.state.sessions).length).toBeGreaterThan(0);
      expect(JSON.stringify(result.state)).not.toContain('CHILD-SECRET');
    }
  }, 120_000);
});
