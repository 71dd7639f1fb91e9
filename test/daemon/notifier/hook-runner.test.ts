import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hookEnvironment, runHooks } from '../../../daemon/notify/hook-runner.js';
import { silentLogger, type Logger } from '../../../src/ports/logger.js';

const event = { kind: 'session:ready', sessionId: 'ab12cd34', sessionName: 'mynb', status: 'Running', url: 'https://x/y' };

function recordingLogger() {
  const warnings: Array<{ message: string; fields?: Record<string, unknown> }> = [];
  const logger: Logger = { ...silentLogger, warn: (message, fields) => void warnings.push({ message, fields }) };
  return { logger, warnings };
}

describe('runHooks', () => {
  it('gives a hook the event as JSON on stdin and its fields in the environment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skaha-hook-'));
    const out = join(dir, 'out');
    const command = `cat > ${out}.json; printf '%s|%s|%s|%s' "$SKAHA_EVENT" "$SKAHA_SESSION_ID" "$SKAHA_SESSION_NAME" "$SKAHA_STATUS" > ${out}.env`;
    await runHooks([{ command, events: ['session:ready'] }], event, silentLogger);
    expect(JSON.parse(readFileSync(`${out}.json`, 'utf8'))).toEqual(event);
    expect(readFileSync(`${out}.env`, 'utf8')).toBe('session:ready|ab12cd34|mynb|Running');
  });

  it('runs only the hooks that asked for the event kind, or for everything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skaha-hook-'));
    await runHooks(
      [
        { command: `touch ${dir}/expiring`, events: ['session:expiring'] },
        { command: `touch ${dir}/all`, events: ['*'] },
      ],
      event,
      silentLogger,
    );
    expect(existsSync(join(dir, 'expiring'))).toBe(false);
    expect(existsSync(join(dir, 'all'))).toBe(true);
  });

  it('logs a failing hook and a hook that overruns its time limit, and returns normally', async () => {
    const { logger, warnings } = recordingLogger();
    const started = Date.now();
    await runHooks(
      [
        { command: 'echo broken >&2; exit 3', events: ['*'] },
        { command: 'sleep 30', events: ['*'], timeoutMs: 200 },
      ],
      event,
      logger,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(warnings).toHaveLength(2);
    expect(warnings.find((w) => w.fields?.exitCode === 3)?.fields?.stderr).toBe('broken');
    expect(warnings.find((w) => w.fields?.timedOut === true)?.message).toMatch(/sleep 30/);
  });

  it('does not pass the daemon credentials to hooks', () => {
    const env = hookEnvironment({ kind: 'x' }, { SKAHA_TOKEN: 't0k3n', CANFAR_TOKEN: 't', SKAHA_REGISTRY_SECRET: 's', PATH: '/bin' });
    expect(env).toEqual({ PATH: '/bin', SKAHA_EVENT: 'x' });
  });
});
