import { describe, expect, it } from 'vitest';
import { parseDesktopApp, parseList, parsePublicSession, parseSession } from '../../src/client/parse-session.js';

// §2.2: the current (v1, 2026) shape.
const V1 = {
  id: 'ab3kx9qz',
  userid: 'alice',
  runAsUID: '10001',
  runAsGID: '10001',
  supplementalGroups: [10001, 20002],
  image: 'images.canfar.net/skaha/astroml:latest',
  type: 'notebook',
  status: 'Running',
  name: 'mynb',
  startTime: '2026-07-01T12:00:05Z',
  expiryTime: '2026-07-05T12:00:05Z',
  connectURL: 'https://workload.example.org/session/notebook/ab3kx9qz/lab/tree/arc/home/alice?token=ab3kx9qz',
  requestedRAM: '8.59',
  requestedCPUCores: '2',
  requestedGPUCores: '0',
  ramInUse: '1.23',
  cpuCoresInUse: '0.005',
  isFixedResources: true,
};

// §2.2: the legacy v0 shape captured in the skaha client tests.
const V0 = {
  id: 'pud05npw',
  userid: 'brars',
  runAsUID: '166169204',
  runAsGID: '166169204',
  supplementalGroups: [],
  appid: '<none>',
  image: 'images.canfar.net/skaha/terminal:1.1.1',
  type: 'headless',
  status: 'Succeeded',
  name: 'job',
  startTime: '2025-07-09T06:18Z',
  expiryTime: '2025-07-23T06:18:03Z',
  connectURL: '',
  requestedRAM: '1G',
  requestedCPUCores: '1',
  requestedGPUCores: '0',
  ramInUse: '<none>',
  gpuRAMInUse: '<none>',
  cpuCoresInUse: '<none>',
  gpuUtilization: '<none>',
};

// §2.2: 2022 Science Portal fixture.
const Y2022 = {
  id: 'e37lmx4m',
  userid: 'bob',
  image: 'images.canfar.net/skaha/carta:3.0',
  type: 'carta',
  status: 'Running',
  name: 'c',
  startTime: '2021-02-02T17:49:55Z',
  connectURL: 'https://ws-uv.canfar.net/carta/e37lmx4m/',
  requestedRAM: '16G',
  requestedCPUCores: '2',
  requestedGPUCores: '<none>',
  coresInUse: '2m',
  ramInUse: '90Mi',
};

describe('parseSession', () => {
  it('parses the current v1 shape into numbers and UTC times', () => {
    expect(parseSession(V1)).toEqual({
      id: 'ab3kx9qz',
      name: 'mynb',
      kind: 'notebook',
      status: 'Running',
      image: 'images.canfar.net/skaha/astroml:latest',
      user: 'alice',
      startedAt: '2026-07-01T12:00:05Z',
      expiresAt: '2026-07-05T12:00:05Z',
      url: V1.connectURL,
      cpu: { requested: 2, used: 0.005 },
      ramGB: { requested: 8.59, used: 1.23 },
      gpus: { requested: 0 },
      fixed: true,
    });
  });

  it('a flexible session has no requested cpu/ram', () => {
    const { requestedRAM, requestedCPUCores, ...flex } = V1;
    const s = parseSession({ ...flex, isFixedResources: false })!;
    expect([requestedRAM, requestedCPUCores]).toHaveLength(2);
    expect(s.cpu.requested).toBeNull();
    expect(s.ramGB.requested).toBeNull();
    expect(s.fixed).toBe(false);
  });

  it('accepts the legacy v0 shape: <none> → null, no isFixedResources → fixed null, startTime without seconds padded, "" URL → null', () => {
    const s = parseSession(V0)!;
    expect(s).toMatchObject({ status: 'Succeeded', startedAt: '2025-07-09T06:18:00Z', url: null, fixed: null });
    expect(s.cpu).toEqual({ requested: 1, used: null });
    expect(s.ramGB).toEqual({ requested: 1, used: null });
    expect(s.gpus.requested).toBe(0);
  });

  it('accepts 2022 shapes: coresInUse "2m", ramInUse "90Mi", requestedRAM "16G", gpus <none>, no expiry', () => {
    const s = parseSession(Y2022)!;
    expect(s.cpu).toEqual({ requested: 2, used: 0.002 });
    expect(s.ramGB).toEqual({ requested: 16, used: 0.094 });
    expect(s.gpus.requested).toBeNull();
    expect(s.expiresAt).toBeNull();
    expect(s.user).toBe('bob');
  });

  it('missing optional fields become null; unknown kinds and statuses are kept', () => {
    const s = parseSession({ id: 'q1w2e3r4', type: 'quantum', status: 'Hibernating', name: 'x', image: 'i' })!;
    expect(s).toMatchObject({ kind: 'quantum', status: 'Hibernating', user: null, startedAt: null, expiresAt: null, url: null, fixed: null });
    expect(s.cpu).toEqual({ requested: null, used: null });
  });

  it('a pending session without startTime has null times', () => {
    const { startTime, expiryTime, ...pending } = V1;
    expect([startTime, expiryTime]).toHaveLength(2);
    expect(parseSession({ ...pending, status: 'Pending' })).toMatchObject({ startedAt: null, expiresAt: null });
  });

  it('offsets are converted to UTC; "<none>" times and garbage are null', () => {
    expect(parseSession({ id: 'a', startTime: '2025-07-09T08:18+02:00' })!.startedAt).toBe('2025-07-09T06:18:00Z');
    expect(parseSession({ id: 'a', startTime: '<none>', expiryTime: 'soon' })).toMatchObject({ startedAt: null, expiresAt: null });
  });

  it('rejects entries without an id, and parseList drops them', () => {
    expect(parseSession({ name: 'x' })).toBeNull();
    expect(parseSession('nope')).toBeNull();
    let skipped = 0;
    expect(parseList([V1, { name: 'x' }, 3], parseSession, (n) => (skipped = n))).toHaveLength(1);
    expect(skipped).toBe(2);
    expect(parseList({}, parseSession)).toBeNull();
  });
});

describe('desktop-apps and public sessions', () => {
  it('parses a desktop-app with its appid; legacy "<none>" appid → ""', () => {
    const app = parseDesktopApp({ ...V1, type: 'desktop-app', appid: 'x7q', connectURL: '' })!;
    expect(app).toMatchObject({ kind: 'desktop-app', appId: 'x7q', url: null });
    expect(parseDesktopApp(V0)!.appId).toBe('');
  });

  it('parses the reduced view=all entry', () => {
    expect(parsePublicSession({ userid: 'carol', type: 'desktop', status: 'Running', startTime: '2026-01-01T00:00Z' })).toEqual({
      user: 'carol',
      kind: 'desktop',
      status: 'Running',
      startedAt: '2026-01-01T00:00:00Z',
    });
  });
});
