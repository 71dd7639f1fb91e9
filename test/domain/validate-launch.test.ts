import { describe, expect, it } from 'vitest';
import { validateLaunch } from '../../src/domain/validate-launch.js';
import { normaliseImage } from '../../src/domain/normalise-image.js';
import type { LaunchRequest } from '../../src/domain/launch.js';
import type { ResourceContext } from '../../src/domain/platform.js';
import { isAppError } from '../../src/domain/errors.js';

const base: LaunchRequest = { name: 'job', image: 'skaha/terminal:1.1.1', kind: 'headless' };
const context: ResourceContext = {
  cores: { default: 2, defaultRequest: 1, defaultLimit: 8, options: [1, 2, 4, 8] },
  ramGB: { default: 8, defaultRequest: 4, defaultLimit: 32, options: [1, 2, 4, 8, 16, 32] },
  gpus: { options: [1, 2] },
  maxInteractiveSessions: 3,
};

function rejects(request: Partial<LaunchRequest>, field: string, rule: RegExp, ctx?: ResourceContext): void {
  let caught: unknown;
  try {
    validateLaunch({ ...base, ...request }, ctx);
  } catch (error) {
    caught = error;
  }
  expect(isAppError(caught), 'expected a VALIDATION_ERROR').toBe(true);
  if (!isAppError(caught)) return;
  expect(caught.code).toBe('VALIDATION_ERROR');
  expect(caught.field).toBe(field);
  expect(caught.message.startsWith(`${field}: `)).toBe(true);
  expect(caught.message).toMatch(rule);
}

describe('validateLaunch: one test per rule', () => {
  it('name is required', () => rejects({ name: '' }, 'name', /required/));
  it('name only [A-Za-z0-9-]', () => rejects({ name: 'my_job' }, 'name', /letters, digits and "-"/));
  it('name at most 63 characters', () => rejects({ name: 'a'.repeat(64) }, 'name', /at most 63/));
  it('name plus replica suffix at most 63 characters', () => rejects({ name: 'a'.repeat(61), replicas: 10 }, 'name', /replica suffix "-10"/));
  it('kind must be launchable', () => rejects({ kind: 'desktop-app' as LaunchRequest['kind'] }, 'kind', /must be one of/));
  it('image needs 2–3 parts', () => rejects({ image: 'ubuntu' }, 'image', /project\/name/));
  it('image at most 3 parts', () => rejects({ image: 'a/b/c/d' }, 'image', /project\/name/));
  it('image is required', () => rejects({ image: '' }, 'image', /required/));
  it('cores must be a whole number in range', () => rejects({ cores: 0 }, 'cores', /whole number from 1 to 256/));
  it('cores among the /context options', () => rejects({ cores: 3 }, 'cores', /options 1, 2, 4, 8/, context));
  it('ram among the /context options', () => rejects({ ram: 12 }, 'ram', /options/, context));
  it('ram must be a whole number in range', () => rejects({ ram: 1.5 }, 'ram', /whole number/));
  it('gpus among the /context options', () => rejects({ gpus: 4 }, 'gpus', /options 1, 2/, context));
  it('cmd only for headless', () => rejects({ kind: 'notebook', cmd: 'ls' }, 'cmd', /only allowed for headless/));
  it('args only for headless', () => rejects({ kind: 'carta', args: '-l' }, 'args', /only allowed for headless/));
  it('env only for headless', () => rejects({ kind: 'notebook', env: ['A=1'] }, 'env', /only allowed for headless/));
  it('env entries are KEY=VALUE', () => rejects({ env: ['NOVALUE'] }, 'env', /KEY=VALUE/));
  it('env key must not be empty', () => rejects({ env: ['=x'] }, 'env', /empty KEY/));
  it('env value containing "=" is refused (the server drops it)', () => rejects({ env: ['B=k=v'] }, 'env', /contains "=".*silently drops/));
  it('env REPLICA_ID/REPLICA_COUNT are reserved', () => rejects({ env: ['REPLICA_ID=3'] }, 'env', /set by skaha-tui/));
  it('replicas 1–512', () => rejects({ replicas: 513 }, 'replicas', /1 to 512/));
  it('replicas > 1 only for headless', () => rejects({ kind: 'notebook', replicas: 2 }, 'replicas', /only allowed for headless/));
  it('registry username without ":"', () => rejects({ registryAuth: { username: 'a:b', secret: 's' } }, 'registryAuth.username', /no ":"/));

  it('a value containing "=" is refused without echoing the value', () => {
    expect(() => validateLaunch({ ...base, env: ['TOKEN=abc=private-value'] })).toThrow(/TOKEN/);
    expect(() => validateLaunch({ ...base, env: ['TOKEN=abc=private-value'] })).not.toThrow(/private-value/);
  });
});

describe('validateLaunch: normalisation and warnings', () => {
  it('normalises images like the official client', () => {
    expect(normaliseImage('skaha/astroml')).toBe('images.canfar.net/skaha/astroml:latest');
    expect(normaliseImage('skaha/terminal:1.1.1')).toBe('images.canfar.net/skaha/terminal:1.1.1');
    expect(normaliseImage('docker.io/library/ubuntu:22.04')).toBe('docker.io/library/ubuntu:22.04');
    expect(normaliseImage('localhost:5000/p/x')).toBe('localhost:5000/p/x:latest');
    expect(normaliseImage('images.canfar.net/p/x@sha256:abc')).toBe('images.canfar.net/p/x@sha256:abc');
  });

  it('keeps valid values, drops gpus 0, and does not lowercase the name', () => {
    const { request, warnings } = validateLaunch(
      { ...base, name: 'My-Job', cores: 2, ram: 8, gpus: 0, cmd: '/bin/sh', args: '-c echo hi', env: ['A=x y'], replicas: 3 },
      context,
    );
    expect(request).toEqual({
      name: 'My-Job',
      image: 'images.canfar.net/skaha/terminal:1.1.1',
      kind: 'headless',
      cores: 2,
      ram: 8,
      cmd: '/bin/sh',
      args: '-c echo hi',
      env: ['A=x y'],
      replicas: 3,
    });
    expect(warnings).toEqual([]);
  });

  it('warns that desktop and firefly ignore cores and ram', () => {
    expect(validateLaunch({ name: 'd', image: 'skaha/desktop', kind: 'desktop', cores: 2 }).warnings[0]).toMatch(/desktop sessions ignore cores and ram/);
    expect(validateLaunch({ name: 'f', image: 'skaha/firefly', kind: 'firefly', ram: 4 }).warnings[0]).toMatch(/firefly sessions ignore/);
  });

  it('without a context any whole cores/ram in range pass (the server decides)', () => {
    expect(validateLaunch({ ...base, cores: 3, ram: 12 }).request).toMatchObject({ cores: 3, ram: 12 });
  });
});
