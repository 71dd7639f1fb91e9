// Earlier launches offered for relaunch: newest first, one per distinct request, only those the server accepted.

import { isLaunchSuccess } from '../../src/domain/launch.js';
import type { LaunchRecord } from '../../src/state/state.js';
import type { LaunchForm } from './launch-form-types.js';

/** Recent launches the server accepted (at least one replica got an id), newest first, one per distinct request, at most 9. */
export function recentLaunches(launches: readonly LaunchRecord[]): LaunchRecord[] {
  const seen = new Set<string>();
  const out: LaunchRecord[] = [];
  for (const record of [...launches].reverse()) {
    // A refused launch (a typo, the cap) is not worth offering again.
    if (!record.results?.some(isLaunchSuccess)) continue;
    const key = JSON.stringify({ ...record.request, name: undefined });
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(record);
    if (out.length === 9) break;
  }
  return out;
}

/** The form filled from an earlier launch (secrets are never kept, so a registry secret must be typed again). */
export function fillFromRecord(form: LaunchForm, record: LaunchRecord): LaunchForm {
  const r = record.request;
  const fixed = r.cores !== undefined || r.ram !== undefined;
  return {
    ...form, kind: r.kind, image: r.image, imagePick: -1, cursor: null, name: r.name, nameTouched: true,
    fixed, cores: r.cores ?? form.cores, ram: r.ram ?? form.ram, gpus: r.gpus ?? 0,
    cmd: r.cmd ?? '', args: r.args ?? '', env: (r.env ?? []).join(' '), replicas: String(r.replicas ?? 1),
    registryUser: r.registryUsername ?? '', registrySecret: '', serverError: null, attempted: false,
  };
}
