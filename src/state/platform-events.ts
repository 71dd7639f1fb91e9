import { isLaunchSuccess } from '../domain/launch.js';
import type { DaemonEvent } from './events.js';
import type { Health, LaunchRecord } from './state.js';

const isDown = (h: Health) => h.state === 'down' || h.state === 'refused';

/** Pure: platform:down when health turns down (or the credentials are refused), platform:recovered when it leaves that; keyed by the failure run. */
export function healthEvents(prev: Health, next: Health, now: number): DaemonEvent[] {
  if (isDown(next) && !isDown(prev)) {
    const since = next.failingSince ?? now;
    return [{ type: 'platform:down', key: `down:${since}`, at: now, since, error: next.lastError }];
  }
  if (isDown(prev) && !isDown(next) && next.state !== 'unknown') {
    const downSince = prev.failingSince ?? prev.since ?? now;
    return [{ type: 'platform:recovered', key: `recovered:${downSince}`, at: now, downSince }];
  }
  return [];
}

/** Pure: launch:failed for each launch that newly ended in an error or with failed replicas. */
export function launchEvents(prev: readonly LaunchRecord[], next: readonly LaunchRecord[], now: number): DaemonEvent[] {
  const before = new Map(prev.map((record) => [record.id, record]));
  const events: DaemonEvent[] = [];
  for (const record of next) {
    const old = before.get(record.id);
    const name = record.request.name;
    const total = record.request.replicas ?? 1;
    if (record.error && !old?.error) {
      const error = record.error;
      events.push({ type: 'launch:failed', key: `launch:${record.id}`, at: now, launchId: record.id, name, failed: total, total, error });
      continue;
    }
    if (!record.results || old?.results) continue;
    const failures = record.results.filter((r) => !isLaunchSuccess(r));
    if (failures.length === 0) continue;
    const error = (failures[0] as { name: string; error: NonNullable<LaunchRecord['error']> }).error;
    events.push({
      type: 'launch:failed',
      key: `launch:${record.id}`,
      at: now,
      launchId: record.id,
      name,
      failed: failures.length,
      total: record.results.length,
      error,
    });
  }
  return events;
}
