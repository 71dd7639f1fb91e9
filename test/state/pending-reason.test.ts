import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../src/domain/platform.js';
import { insufficient, pendingReason, pullProblem } from '../../src/state/pending-reason.js';

const ev = (reason: string, message: string, at: string | null, type = 'Normal'): SessionEvent => ({ type, reason, message, firstTime: at, lastTime: at });
const IMAGE = 'images.canfar.net/skaha/astroml:2099.1';
const PULL = `Failed to pull image "${IMAGE}": rpc error: code = NotFound desc = failed to pull and unpack image "${IMAGE}": failed to resolve reference "${IMAGE}": ${IMAGE}: not found`;

describe('pendingReason: why a Pending session waits', () => {
  it('events 404 (no pod) means queued, never gone; after running it means preempted', () => {
    expect(pendingReason(null, false)).toMatchObject({ code: 'queued', reason: 'queued — no pod yet (Kueue)' });
    expect(pendingReason(null, true)).toMatchObject({ code: 'preempted', reason: 'preempted — queued again' });
  });

  it.each([
    [
      'pulling image',
      [ev('Scheduled', 'Successfully assigned x to node', null), ev('Pulling', `Pulling image "${IMAGE}"`, '2026-12-01T10:00:02Z')],
      'pulling',
      'pulling image',
    ],
    [
      'image cannot be pulled',
      [
        ev('Scheduled', 'assigned', null),
        ev('Pulling', 'Pulling image', '2026-12-01T10:00:01Z'),
        ev('Failed', PULL, '2026-12-01T10:00:02Z', 'Warning'),
        ev('Failed', 'Error: ErrImagePull', '2026-12-01T10:00:02Z', 'Warning'),
        ev('BackOff', `Back-off pulling image "${IMAGE}"`, '2026-12-01T10:00:03Z'),
        ev('Failed', 'Error: ImagePullBackOff', '2026-12-01T10:00:03Z', 'Warning'),
      ],
      'image-pull',
      `image cannot be pulled: ${IMAGE}: not found`,
    ],
    [
      'insufficient memory',
      [ev('FailedScheduling', '0/24 nodes are available: 24 Insufficient memory. preemption: 0/24 nodes are available', null, 'Warning')],
      'unschedulable',
      'insufficient memory',
    ],
    [
      'insufficient cpu and memory',
      [ev('FailedScheduling', '0/24 nodes are available: 24 Insufficient cpu, 24 Insufficient memory.', null, 'Warning')],
      'unschedulable',
      'insufficient cpu and memory',
    ],
    [
      'crash back-off',
      [
        ev('Started', 'Started container c', '2026-12-01T10:00:01Z'),
        ev('BackOff', 'Back-off restarting failed container c in pod p', '2026-12-01T10:00:09Z', 'Warning'),
      ],
      'crash-backoff',
      'restarting after a crash (back-off)',
    ],
    [
      'starting',
      [
        ev('Scheduled', 'assigned', null),
        ev('Pulled', 'Container image already present', '2026-12-01T10:00:01Z'),
        ev('Created', 'Created container', '2026-12-01T10:00:02Z'),
      ],
      'starting',
      'starting container',
    ],
    [
      'not ready',
      [
        ev('Started', 'Started container', '2026-12-01T10:00:01Z'),
        ev('Unhealthy', 'Readiness probe failed: connection refused', '2026-12-01T10:00:02Z', 'Warning'),
      ],
      'starting',
      'starting — not answering yet (readiness probe)',
    ],
    [
      'any other event',
      [ev('FailedMount', 'MountVolume.SetUp failed for volume "home"\nmore', '2026-12-01T10:00:01Z', 'Warning')],
      'event',
      'FailedMount: MountVolume.SetUp failed for volume "home"',
    ],
    ['no events yet', [], 'unknown', 'waiting for its pod (no events yet)'],
  ])('%s', (_name, events, code, reason) => {
    expect(pendingReason(events, false)).toMatchObject({ code, reason });
  });

  it('a pull failure followed by a pulled image is over; a scheduling failure followed by a placement too', () => {
    const pulledLater = [ev('Failed', 'Error: ErrImagePull', '2026-12-01T10:00:01Z', 'Warning'), ev('Pulled', 'Successfully pulled', '2026-12-01T10:00:05Z')];
    expect(pendingReason(pulledLater, false).code).toBe('starting');
    const scheduledLater = [
      ev('FailedScheduling', '0/3 nodes: 3 Insufficient cpu', '2026-12-01T10:00:01Z', 'Warning'),
      ev('Scheduled', 'assigned', '2026-12-01T10:00:05Z'),
    ];
    expect(pendingReason(scheduledLater, false).code).toBe('scheduled');
  });

  it('names what is short, and the image that cannot be pulled', () => {
    expect(insufficient('0/8 nodes: 8 Insufficient nvidia.com/gpu')).toBe('gpu');
    expect(insufficient('no resources')).toBeNull();
    expect(pullProblem([ev('Failed', 'Failed to pull image "x/y:z": unauthorized: authentication required', null)]).what).toBe(
      'x/y:z: unauthorized: authentication required',
    );
    expect(pullProblem([ev('Failed', 'Error: ErrImagePull', null)]).what).toBe('ErrImagePull');
  });
});
