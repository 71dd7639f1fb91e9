import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SkahaClient } from '../../src/client/skaha-client.js';
import { badRequestHint, GENERIC_BAD_REQUEST_HINT } from '../../src/client/bad-request-hints.js';
import { createConnection } from '../../src/config/create-connection.js';
import type { LaunchResult } from '../../src/domain/launch.js';
import { startSimulator, type RunningSimulator } from '../../src/sim/index.js';

// The simulator answers with the server's exact 400 texts (skaha-api.md §2.7).
let sim: RunningSimulator;
let client: SkahaClient;
let withRegistry: SkahaClient;

beforeAll(async () => {
  sim = await startSimulator({ seed: 8, maxInteractiveSessions: 1 });
  client = new SkahaClient(createConnection({ url: sim.baseUrl, token: sim.token }));
  withRegistry = new SkahaClient(createConnection({ url: sim.baseUrl, token: sim.token, registryAuth: { username: 'alice', secret: 'not base64:' } }));
});
afterAll(async () => {
  await client.close();
  await withRegistry.close();
  await sim.close();
});

function message(result: LaunchResult | undefined): string {
  if (!result || !('error' in result)) throw new Error(`expected a failed launch, got ${JSON.stringify(result)}`);
  return result.error.message;
}

describe('each known 400 of Skaha gets its own hint', () => {
  it('at the interactive cap: which sessions count, and ps / delete', async () => {
    const [first] = await client.launch({ name: 'one', image: 'skaha/astroml:latest', kind: 'notebook' });
    expect('id' in first).toBe(true);
    const text = message((await client.launch({ name: 'two', image: 'skaha/astroml:latest', kind: 'notebook' }))[0]);
    expect(text).toMatch(/400 Bad Request — User \S+ has reached the maximum of 1 active sessions\. — /);
    expect(text).toContain('counts your Pending and Running interactive sessions');
    expect(text).toContain('headless jobs and desktop-apps do not count');
    expect(text).toContain('`skaha-tui ps`');
    expect(text).toContain('`skaha-tui delete ID`');
    expect(text).not.toContain(GENERIC_BAD_REQUEST_HINT);
  });

  it('an image the server does not know, without registry credentials: the catalogue or a private image', async () => {
    const text = message((await client.launch({ name: 'typo', image: 'skaha/astroml:lates', kind: 'headless' }))[0]);
    expect(text).toContain('No authentication provided for unknown or private image.');
    expect(text).toContain('the image is not in the public image catalogue');
    expect(text).toContain('`skaha-tui images`');
    expect(text).not.toContain(GENERIC_BAD_REQUEST_HINT);
  });

  it('with registry credentials sent, the same kind of 400 reads "the registry refused the image or the credentials"', async () => {
    const text = message((await withRegistry.launch({ name: 'priv', image: 'myproject/private:1', kind: 'headless' }))[0]);
    expect(text).toContain('the registry refused the image or the credentials');
    expect(
      badRequestHint('No authentication provided for unknown or private image.  Use x-skaha-registry-auth request header', { registryAuthSent: true }),
    ).toContain('the registry refused the image or the credentials');
  });

  it('a registry outside the allowed ones, a bad resource value, a bad name', async () => {
    expect(message((await client.launch({ name: 'x', image: 'docker.io/library/ubuntu:22.04', kind: 'headless' }))[0])).toMatch(
      /must come from one of \[images\.canfar\.net\] — use an image from one of images\.canfar\.net/,
    );
    const hints = [
      "Invalid value for 'cores': 3",
      "name can only contain alpha-numeric chars and '-'",
      'Invalid session type: vm',
      'No active job for user alice with session abc',
    ].map((t) => badRequestHint(t, { registryAuthSent: false }));
    expect(hints[0]).toContain('`skaha-tui context`');
    expect(hints[1]).toContain('letters, digits and "-"');
    expect(hints[2]).toContain('notebook, desktop, carta');
    expect(hints[3]).toContain('can be renewed');
  });

  it('any other 400 keeps the generic hint', () => {
    expect(badRequestHint("Missing parameter 'name'", { registryAuthSent: false })).toBe(GENERIC_BAD_REQUEST_HINT);
    expect(badRequestHint('something new', { registryAuthSent: true })).toBe(GENERIC_BAD_REQUEST_HINT);
  });
});
