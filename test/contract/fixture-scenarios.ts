/** Real-shaped timelines of the platform behaviours (skaha-api.md §9), written by hand from the documented formats. */
import { TIMINGS, type Scenario } from './platform-backend.js';

/** What Skaha answers for a session at one moment: its JSON, its events table (null: 404, no pod) and its logs. */
export interface FixtureView {
  json: Record<string, unknown>;
  events: string | null;
  logs: string;
}

/** A session whose answers follow a timeline; `renew` answers a renew at a moment (and may move the expiry). */
export interface TimedSession {
  id: string;
  kind: string;
  view(now: number): FixtureView;
  renew(now: number): { status: number; body: string };
}

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const NONE = '<none>';
const HEADER = 'TYPE      REASON             MESSAGE                                                                   FIRST-TIME             LAST-TIME';

/** A kubectl custom-columns events table (columns padded like tabwriter does). */
function table(rows: Array<[string, string, string, string, string]>): string {
  if (rows.length === 0) return `${NONE}\n`;
  const pad = (cell: string, width: number): string => cell.padEnd(Math.max(width, cell.length + 3));
  return (
    [HEADER, ...rows.map(([type, reason, message, first, last]) => `${pad(type, 10)}${pad(reason, 19)}${pad(message, 74)}${pad(first, 23)}${last}`)].join(
      '\n',
    ) + '\n'
  );
}

/** The Session object in Gson order, leaving out absent fields. */
function sessionJson(id: string, kind: string, name: string, image: string, status: string, extra: Record<string, unknown>): Record<string, unknown> {
  const all: Record<string, unknown> = {
    id,
    userid: 'fixture',
    runAsUID: '10001',
    runAsGID: '10001',
    supplementalGroups: [],
    image,
    type: kind,
    status,
    name,
    startTime: extra.startTime,
    expiryTime: extra.expiryTime,
    connectURL: extra.connectURL,
    requestedRAM: extra.requestedRAM,
    requestedCPUCores: extra.requestedCPUCores,
    requestedGPUCores: '0',
    ramInUse: extra.ramInUse,
    cpuCoresInUse: extra.cpuCoresInUse,
    isFixedResources: extra.requestedRAM !== undefined,
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
}

const TERMINAL = 'images.canfar.net/skaha/terminal:1.1.1';
const NOTEBOOK = 'images.canfar.net/skaha/astroml:latest';
const podRows = (t0: number, image: string, firstPod = true): Array<[string, string, string, string, string]> => [
  ['Normal', 'Scheduled', `Successfully assigned skaha-workload/pod-${t0 % 1000} to k8s-worker-07`, NONE, NONE],
  ...(firstPod ? [['Normal', 'Pulling', `Pulling image "${image}"`, iso(t0 + 2000), iso(t0 + 2000)] as [string, string, string, string, string]] : []),
  [
    'Normal',
    'Pulled',
    firstPod
      ? `Successfully pulled image "${image}" in 9.1s (9.1s including waiting). Image size: 912345678 bytes.`
      : `Container image "${image}" already present on machine`,
    iso(t0 + 12_000),
    iso(t0 + 12_000),
  ],
  ['Normal', 'Created', 'Created container: terminal-1-1-1', iso(t0 + 15_000), iso(t0 + 15_000)],
  ['Normal', 'Started', 'Started container terminal-1-1-1', iso(t0 + 16_000), iso(t0 + 16_000)],
];
const running = (start: number, life: number) => ({
  startTime: iso(start),
  expiryTime: iso(start + life),
  connectURL: '',
  ramInUse: '0.61',
  cpuCoresInUse: '0.950',
});

/** A headless job: queued (no pod), then its pod pulls the image, then it runs. */
function queued(id: string, t0: number): TimedSession['view'] {
  const admitted = t0 + TIMINGS.queuedSeconds * 1000;
  const ready = admitted + TIMINGS.podPendingSeconds * 1000;
  return (now) => {
    if (now < admitted) return { json: sessionJson(id, 'headless', 'survey', TERMINAL, 'Pending', {}), events: null, logs: '' };
    const started = { startTime: iso(admitted), expiryTime: iso(admitted + 14 * DAY), connectURL: '' };
    if (now < ready)
      return { json: sessionJson(id, 'headless', 'survey', TERMINAL, 'Pending', started), events: table(podRows(admitted, TERMINAL).slice(0, 2)), logs: '' };
    return {
      json: sessionJson(id, 'headless', 'survey', TERMINAL, 'Running', running(admitted, 14 * DAY)),
      events: table(podRows(admitted, TERMINAL)),
      logs: 'starting: python survey.py\n',
    };
  };
}

/** A running job that Kueue preempts, queues again, and admits on a new pod. */
function preempted(id: string, t0: number): TimedSession['view'] {
  const start = t0 - 600_000;
  const preemptedAt = t0 + TIMINGS.preemptInSeconds * 1000;
  const admitted = preemptedAt + TIMINGS.requeuedSeconds * 1000;
  return (now) => {
    if (now < preemptedAt)
      return {
        json: sessionJson(id, 'headless', 'sweep', TERMINAL, 'Running', running(start, 14 * DAY)),
        events: table(podRows(start, TERMINAL)),
        logs: 'step 1\n',
      };
    if (now < admitted) return { json: sessionJson(id, 'headless', 'sweep', TERMINAL, 'Pending', {}), events: null, logs: '' };
    const status = now < admitted + 8000 ? 'Pending' : 'Running';
    return {
      json: sessionJson(id, 'headless', 'sweep', TERMINAL, status, running(admitted, 14 * DAY)),
      events: table(podRows(admitted, TERMINAL, false)),
      logs: '',
    };
  };
}

/** A fixed 4Gi job whose memory climbs to its limit ("4.29"), then Failed; the events say nothing about it. */
function oom(id: string, t0: number): TimedSession['view'] {
  const end = t0 + TIMINGS.oomRunSeconds * 1000;
  const fixed = { requestedRAM: '4.29', requestedCPUCores: '1' };
  return (now) => {
    const base = { ...fixed, startTime: iso(t0 - 5000), expiryTime: iso(t0 - 5000 + 14 * DAY), connectURL: '' };
    if (now >= end)
      return { json: sessionJson(id, 'headless', 'fit-model', TERMINAL, 'Failed', base), events: table(podRows(t0 - 20_000, TERMINAL)), logs: 'step 9\n' };
    const ram = Math.min(4.29, 1.29 + (3 * (now - t0)) / (0.8 * (end - t0)));
    return {
      json: sessionJson(id, 'headless', 'fit-model', TERMINAL, 'Running', { ...base, ramInUse: ram.toFixed(2), cpuCoresInUse: '0.990' }),
      events: table(podRows(t0 - 20_000, TERMINAL)),
      logs: 'step 1\n',
    };
  };
}

/** A container that exits 1 every time: runs 10 s, waits 10, 20, 40 s between restarts, then the Job fails (its pod deleted). */
function crashLoop(id: string, t0: number): TimedSession['view'] {
  const runs = [5, 25, 55, 105].map((s) => t0 + s * 1000);
  return (now) => {
    const started = { startTime: iso(t0), expiryTime: iso(t0 + 14 * DAY), connectURL: '' };
    if (now >= runs[3] + 10_000) return { json: sessionJson(id, 'headless', 'flaky', TERMINAL, 'Failed', started), events: null, logs: '' };
    const inRun = runs.some((r) => now >= r && now < r + 10_000);
    const crashes = runs.map((r) => r + 10_000).filter((c) => c <= now);
    const rows = podRows(t0 - 11_000, TERMINAL);
    if (crashes.length > 0)
      rows.push([
        'Warning',
        'BackOff',
        `Back-off restarting failed container terminal-1-1-1 in pod pod-${id}_skaha-workload(0d4c2b8e-5f1a-4c3e-9b7d-2a6f8e1c3d5b)`,
        iso(crashes[0]),
        iso(crashes.at(-1)!),
      ]);
    return {
      json: sessionJson(id, 'headless', 'flaky', TERMINAL, inRun ? 'Running' : 'Pending', started),
      events: table(rows),
      logs: inRun ? 'starting\n' : 'error: step 1 failed\ncommand terminated with exit code 1\n',
    };
  };
}

/** An image that does not exist: the pull fails and backs off; Pending for ever. */
function imagePull(id: string, t0: number): TimedSession['view'] {
  const image = 'images.canfar.net/skaha/astroml:2099.1';
  return (now) => {
    const last = iso(Math.max(t0 + 3000, now - 1000));
    const why = `rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`;
    const rows: Array<[string, string, string, string, string]> = [
      ['Normal', 'Scheduled', 'Successfully assigned skaha-workload/pod-r to k8s-worker-03', NONE, NONE],
      ['Normal', 'Pulling', `Pulling image "${image}"`, iso(t0 + 1000), last],
      ['Warning', 'Failed', `Failed to pull image "${image}": ${why}`, iso(t0 + 2000), last],
      ['Warning', 'Failed', 'Error: ErrImagePull', iso(t0 + 2000), last],
      ['Normal', 'BackOff', `Back-off pulling image "${image}"`, iso(t0 + 3000), last],
      ['Warning', 'Failed', 'Error: ImagePullBackOff', iso(t0 + 3000), last],
    ];
    return {
      json: sessionJson(id, 'headless', 'reprocess', image, 'Pending', { startTime: iso(t0), expiryTime: iso(t0 + 14 * DAY), connectURL: '' }),
      events: table(rows),
      logs: '',
    };
  };
}

/** A job too big for any node: FailedScheduling, Pending for ever. */
function unschedulable(id: string, t0: number): TimedSession['view'] {
  const message = '0/24 nodes are available: 24 Insufficient memory. preemption: 0/24 nodes are available: 24 No preemption victims found for incoming pod.';
  const fixed = { requestedRAM: '206.16', requestedCPUCores: '16', startTime: iso(t0), expiryTime: iso(t0 + 14 * DAY), connectURL: '' };
  return () => ({
    json: sessionJson(id, 'headless', 'big-mosaic', TERMINAL, 'Pending', fixed),
    events: table([['Warning', 'FailedScheduling', message, NONE, NONE]]),
    logs: '',
  });
}

/** A notebook whose expiry is `expiry` (movable by renew); Failed once it passes. */
function notebook(id: string, name: string, start: number, expiry: () => number): TimedSession['view'] {
  const url = `https://workload.example.org/session/notebook/${id}/lab/tree/arc/home/fixture?token=${id}`;
  return (now) => {
    const fields = { startTime: iso(start), expiryTime: iso(expiry()), connectURL: url };
    if (now >= expiry()) return { json: sessionJson(id, 'notebook', name, NOTEBOOK, 'Failed', fields), events: null, logs: '' };
    return {
      json: sessionJson(id, 'notebook', name, NOTEBOOK, 'Running', { ...fields, ramInUse: '1.02', cpuCoresInUse: '0.004' }),
      events: table(podRows(start, NOTEBOOK)),
      logs: '[I ServerApp] Jupyter Server is running\n',
    };
  };
}

/** A flexible desktop that has run for ten minutes (apps attach to it). */
function desktop(id: string, t0: number): TimedSession['view'] {
  const image = 'images.canfar.net/skaha/desktop:1.0.2';
  const url = `https://workload.example.org/session/desktop/${id}/?password=${id}&path=session/desktop/${id}/`;
  const fields = { startTime: iso(t0 - 600_000), expiryTime: iso(t0 - 600_000 + 4 * DAY), connectURL: url, ramInUse: '0.71', cpuCoresInUse: '0.250' };
  return () => ({ json: sessionJson(id, 'desktop', 'desk', image, 'Running', fields), events: table(podRows(t0 - 600_000, image)), logs: 'desktop ready\n' });
}

/** Builds the timed session of a scenario, seeded at `t0`; renews follow skaha 1.4 (§2.8, §9.1). */
export function scenarioSession(scenario: Scenario, id: string, t0: number): TimedSession {
  const ok = { status: 200, body: '' };
  const fixed = (kind: string, view: TimedSession['view']): TimedSession => ({ id, kind, view, renew: () => ok });
  switch (scenario) {
    case 'queued':
      return fixed('headless', queued(id, t0));
    case 'preempted':
      return fixed('headless', preempted(id, t0));
    case 'oom':
      return fixed('headless', oom(id, t0));
    case 'crash-loop':
      return fixed('headless', crashLoop(id, t0));
    case 'image-pull':
      return fixed('headless', imagePull(id, t0));
    case 'unschedulable':
      return fixed('headless', unschedulable(id, t0));
    case 'renew-headless':
      return fixed('headless', queued(id, t0 - 3600_000));
    case 'expiring':
      return fixed(
        'notebook',
        notebook(id, 'scratch', t0 - 3600_000, () => t0 + TIMINGS.expiresInSeconds * 1000),
      );
    case 'renew-not-needed':
      return fixed(
        'notebook',
        notebook(id, 'long', t0 - 60_000, () => t0 + 6 * DAY),
      );
    case 'desktop':
      return fixed('desktop', desktop(id, t0));
    default: {
      let expiry = t0 + TIMINGS.renewableExpiresInSeconds * 1000;
      const view = notebook(id, 'analysis', t0 - 3600_000, () => expiry);
      const renew = (now: number): { status: number; body: string } => {
        if (scenario === 'renew-error')
          return {
            status: 500,
            body: `unexpected exception: java.lang.IllegalStateException: unable to patch activeDeadlineSeconds of job skaha-notebook-fixture-${id}\n`,
          };
        if (scenario === 'renew-ok') expiry = Math.floor(now / 1000) * 1000 + 4 * DAY;
        return ok;
      };
      return { id, kind: 'notebook', view, renew };
    }
  }
}
