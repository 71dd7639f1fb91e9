// The `idle` and `storage` sections of the daemon's config: when a session counts as idle, and how
// home storage is read.

import { booleanAt, numberAt, objectAt, stringAt, type FieldErrors } from './validate-fields.js';
import { DEFAULT_DAEMON_CONFIG as D, type IdleConfig, type StorageConfig } from './daemon-config.js';

/** A user name as it may appear in a storage node path. */
const USER_NAME = /^[A-Za-z0-9._-]{1,64}$/;

/** A node path on the Skaha host: absolute, plain path characters, `{user}` for the user name, no `..`. */
const NODE_PATH = /^\/[A-Za-z0-9._~\-/{}]{1,500}$/;

/** `idle`: `enabled`, `afterHours` (0.1–720, default 6), `fixedPercent` (0–100, default 5), `flexibleCores` (0–64, default 0.05). */
export function idleConfig(raw: unknown, errors: FieldErrors): IdleConfig {
  const o = objectAt(raw, 'idle', errors);
  return {
    enabled: booleanAt(o.enabled, 'idle.enabled', D.idle.enabled, errors),
    afterHours: numberAt(o.afterHours, 'idle.afterHours', D.idle.afterHours, 0.1, 720, errors),
    fixedPercent: numberAt(o.fixedPercent, 'idle.fixedPercent', D.idle.fixedPercent, 0, 100, errors),
    flexibleCores: numberAt(o.flexibleCores, 'idle.flexibleCores', D.idle.flexibleCores, 0, 64, errors),
  };
}

/** `storage`: `enabled`, `intervalMinutes` (5–1440: never more often than every 5 minutes), `user`, `node` (a path on the Skaha host). */
export function storageConfig(raw: unknown, errors: FieldErrors): StorageConfig {
  const o = objectAt(raw, 'storage', errors);
  const user = o.user === undefined || o.user === null ? null : stringAt(o.user, 'storage.user', '', errors);
  if (user !== null && !USER_NAME.test(user))
    errors.add('storage.user', `must be a user name of 1-64 letters, digits, '.', '_' or '-' (got ${JSON.stringify(user)})`);
  const node = o.node === undefined || o.node === null ? null : stringAt(o.node, 'storage.node', '', errors);
  const badNode = node !== null && (!NODE_PATH.test(node) || node.split('/').includes('..'));
  if (badNode)
    errors.add(
      'storage.node',
      `must be a path on the Skaha server such as /cavern/nodes/home/{user} (no host: the credentials go only to the Skaha server; got ${JSON.stringify(node)})`,
    );
  return {
    enabled: booleanAt(o.enabled, 'storage.enabled', D.storage.enabled, errors),
    intervalMinutes: numberAt(o.intervalMinutes, 'storage.intervalMinutes', D.storage.intervalMinutes, 5, 1440, errors),
    user: user !== null && USER_NAME.test(user) ? user : null,
    node: badNode ? null : node,
  };
}
