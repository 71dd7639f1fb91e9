/** Real-shaped payloads (skaha-api.md §2) served by the fixture backend. */

/** A legacy v0 session (captured shape: `<none>` fields, no isFixedResources). */
export const LEGACY_V0 = {
  id: 'pud05npw',
  userid: 'fixture',
  runAsUID: '166169204',
  runAsGID: '166169204',
  supplementalGroups: [],
  appid: '<none>',
  image: 'images.canfar.net/skaha/terminal:1.1.1',
  type: 'headless',
  status: 'Succeeded',
  name: 'legacy',
  startTime: '2025-07-09T06:18:03Z',
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

/** A current fixed notebook whose startTime has no seconds (Java OffsetDateTime edge case). */
export const NO_SECONDS = {
  id: 'e37lmx4m',
  userid: 'fixture',
  runAsUID: '10001',
  runAsGID: '10001',
  supplementalGroups: [10001],
  image: 'images.canfar.net/skaha/astroml:latest',
  type: 'notebook',
  status: 'Running',
  name: 'nb',
  startTime: '2026-07-01T12:00Z',
  expiryTime: '2026-07-05T12:00:00Z',
  connectURL: 'https://workload.example.org/session/notebook/e37lmx4m/lab/tree/arc/home/fixture?token=e37lmx4m',
  requestedRAM: '8.59',
  requestedCPUCores: '2',
  requestedGPUCores: '0',
  ramInUse: '1.23',
  cpuCoresInUse: '0.005',
  isFixedResources: true,
};

/** A flexible desktop without requested fields and without usage metrics (soft-failed). */
export const FLEXIBLE = {
  id: 'gspc0n8m',
  userid: 'fixture',
  runAsUID: '10001',
  runAsGID: '10001',
  supplementalGroups: [],
  image: 'images.canfar.net/skaha/desktop:latest',
  type: 'desktop',
  status: 'Pending',
  name: 'desk',
  connectURL: 'https://workload.example.org/session/desktop/gspc0n8m/?password=gspc0n8m&path=session/desktop/gspc0n8m/',
  requestedGPUCores: '0',
  isFixedResources: false,
};

/** A 2022-era carta session (`coresInUse`, `90Mi`, `<none>` GPU). */
export const Y2022 = {
  id: 'k2m9x8c4',
  userid: 'fixture',
  image: 'images.canfar.net/skaha/carta:3.0',
  type: 'carta',
  status: 'Running',
  name: 'carta',
  startTime: '2022-02-02T17:49:55Z',
  connectURL: 'https://ws-uv.canfar.net/carta/k2m9x8c4/',
  requestedRAM: '16G',
  requestedCPUCores: '2',
  requestedGPUCores: '<none>',
  coresInUse: '2m',
  ramInUse: '90Mi',
};

/** The kubectl events table, with `<none>` timestamps. */
export const EVENTS_TABLE = [
  'TYPE     REASON      MESSAGE                                            FIRST-TIME             LAST-TIME',
  'Normal   Scheduled   Successfully assigned skaha-workload/x to node-3   2026-07-01T12:00:01Z   2026-07-01T12:00:01Z',
  'Normal   Pulling     Pulling image "images.canfar.net/skaha/astroml"    <none>                 <none>',
  '',
].join('\n');

/** §2.4 stats, plus the legacy `instances` block. */
export const STATS = {
  instances: { session: 2, desktopApp: 0, headless: 1, total: 3 },
  cores: { requestedCPUCores: 12.5, cpuCoresAvailable: 64.0, maxCPUCores: { cpuCores: 8.0, withRam: '24G' } },
  ram: { requestedRAM: '137.439G', ramAvailable: '549.756G', maxRAM: { ram: '24G', withCPUCores: 8.0 } },
};

/** File-mode context with a string maxInteractiveSessions (room for two launches next to the 3 interactive sessions above). */
export const CONTEXT = {
  cores: { default: 2, defaultRequest: 1, defaultLimit: 8, options: [1, 2, 4, 8, 16] },
  memoryGB: { default: 8, defaultRequest: 4, defaultLimit: 32, options: [1, 2, 4, 8, 16, 32] },
  gpus: { options: [1, 2, 4] },
  maxInteractiveSessions: '5',
};

/** A small catalogue. */
export const IMAGES = [
  { id: 'images.canfar.net/skaha/astroml:latest', types: ['notebook'], digest: 'sha256:936e8798f9d4' },
  { id: 'images.canfar.net/skaha/terminal:1.1.1', types: ['headless', 'notebook'], digest: 'sha256:deadbeef' },
  { id: 'images.canfar.net/skaha/desktop:latest', types: ['desktop'], digest: 'sha256:0123abcd' },
];

/** Image kinds the server's `/image?type=` accepts. */
export const IMAGE_TYPES = ['carta', 'notebook', 'desktop', 'contributed', 'headless', 'firefly', 'desktop-app'];

/** The VOSI availability document. */
export const AVAILABILITY =
  '<?xml version="1.0" encoding="UTF-8"?>\n<vosi:availability xmlns:vosi="http://www.ivoa.net/xml/VOSIAvailability/v1.0">\n  <vosi:available>true</vosi:available>\n  <vosi:note>Skaha Service Available.</vosi:note>\n</vosi:availability>\n';
