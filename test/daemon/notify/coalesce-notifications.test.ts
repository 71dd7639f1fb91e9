import { describe, expect, it } from 'vitest';
import { COALESCE_AFTER, coalesceNotifications, type NotificationDraft } from '../../../daemon/notify/coalesce-notifications.js';
import { notificationsFor } from '../../../daemon/notify/rules.js';
import type { DaemonEvent } from '../../../src/state/events.js';
import { makeSession, T0 } from '../../state/builders.js';

const ready = (i: number): DaemonEvent => {
  const session = makeSession({ id: `s${i}`, name: `nb-${i}`, status: 'Running' });
  return { type: 'session:status-changed', key: `status:s${i}:Running`, at: T0, session, from: null, to: 'Running' };
};

describe('coalesceNotifications', () => {
  it('turns 300 sessions started in one change into one notification naming the first ones', () => {
    const out = notificationsFor(Array.from({ length: 300 }, (_, i) => ready(i)));
    expect(out).toHaveLength(1);
    expect(out[0].title).toBe('300 sessions started: nb-0, nb-1, nb-2 …');
    expect(out[0].body).toMatch(/^nb-0, nb-1, nb-2, .* …  ?\(300 in all\)$|^nb-0, .* \(300 in all\)$/);
    expect(out[0].body.length).toBeLessThan(500);
    expect(out[0].key).toBe('summary:ready:status:s0:Running');
    expect(out[0].url).toBeUndefined();
  });

  it('leaves up to COALESCE_AFTER of a kind alone, and summarises per kind in first-seen order with the highest urgency', () => {
    expect(notificationsFor([ready(1), ready(2), ready(3)]).map((n) => n.title)).toEqual([
      'Session nb-1 is ready',
      'Session nb-2 is ready',
      'Session nb-3 is ready',
    ]);
    const draft = (kind: string, i: number, urgency: NotificationDraft['urgency'] = 'normal'): NotificationDraft => ({
      key: `${kind}${i}`,
      kind,
      label: `${kind}-${i}`,
      title: `t${i}`,
      body: 'b',
      urgency,
    });
    const drafts = [draft('vanished', 0), draft('ended', 0), ...[1, 2, 3].map((i) => draft('vanished', i, i === 2 ? 'critical' : 'low'))];
    const out = coalesceNotifications(drafts);
    expect(out.map((n) => n.title)).toEqual(['4 sessions vanished: vanished-0, vanished-1, vanished-2 …', 't0']);
    expect(out[0].urgency).toBe('critical');
    expect(COALESCE_AFTER).toBe(3);
  });

  it('bounds the names a summary lists however long they are', () => {
    const long = (i: number) => ({ key: `k${i}`, kind: 'ended', label: 'n'.repeat(128), title: 't', body: 'b', urgency: 'normal' as const });
    const [n] = coalesceNotifications(Array.from({ length: 50 }, (_, i) => long(i)));
    expect(n.title.length).toBeLessThan(200);
    expect(n.body.length).toBeLessThan(500);
  });
});
