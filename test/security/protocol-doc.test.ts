// Issue 9, the protocol doc: it speaks the current protocol everywhere, and its example client is a
// file that works against a real daemon (this test runs it), shown in the doc word for word.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/protocol/version.js';
import { assertBuilt, BIN, ROOT } from '../cli/spawn-cli.js';
import { hasRawControl, securityHome, startDaemonProcess } from './daemon-process.js';
import { startHostileSkaha, wireSession } from './hostile-skaha.js';
import { useSecurityRig } from './security-rig.js';

// The docs of the build under test (SKAHA_TUI_TEST_BIN names another checkout's dist/bin/skaha-tui.js).
const BUILD_ROOT = resolve(dirname(BIN), '..', '..');
const DOC = join(BUILD_ROOT, 'docs/protocol.md');
const EXAMPLE = join(BUILD_ROOT, 'docs/examples/client.mjs');

const rig = useSecurityRig();

function runNode(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('docs/protocol.md', { timeout: 60_000 }, () => {
  it('names the current protocol version wherever it names one', () => {
    const doc = readFileSync(DOC, 'utf8');
    expect(doc).toContain(`# The skaha-tui daemon protocol (version ${PROTOCOL_VERSION})`);
    expect(doc).toContain(`\`PROTOCOL_VERSION\` (now ${PROTOCOL_VERSION})`);
    const inFrames = [...doc.matchAll(/"protocol":\s*(\d+)/g)].map((m) => Number(m[1]));
    expect(inFrames.length).toBeGreaterThan(3);
    expect(new Set(inFrames)).toEqual(new Set([PROTOCOL_VERSION]));
    const inCode = [...doc.matchAll(/const PROTOCOL = (\d+);/g)].map((m) => Number(m[1]));
    expect(inCode).toEqual([PROTOCOL_VERSION]);
  });

  it('shows the example client word for word, and that client works against a real daemon', async () => {
    const example = readFileSync(EXAMPLE, 'utf8');
    expect(readFileSync(DOC, 'utf8')).toContain(`\`\`\`js\n${example}\`\`\``);
    assertBuilt();
    const skaha = (rig.skaha = await startHostileSkaha());
    skaha.sessions.push(wireSession({ id: 'abcd1234', name: 'first' }), wireSession({ id: 'efgh5678', name: 'evil\u001b]0;owned\u0007' }));
    const home = (rig.home = securityHome(skaha));
    rig.daemon = await startDaemonProcess(home, home.env());
    const run = await runNode([EXAMPLE, join(home.runtimeDir, 'daemon.sock')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^sessions: 2\n/);
    expect(run.stdout).toContain('abcd1234 "first" "Running"');
    expect(run.stdout).toMatch(/refreshed: \d{4}-\d\d-\d\dT/);
    expect(run.stdout).toMatch(/usage history of "(first|evil\\u001b\]0;owned\\u0007)": [1-9]\d* points/);
    expect(hasRawControl(run.stdout)).toBe(false);
  });
});
