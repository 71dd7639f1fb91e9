// The simulator's home storage: a VOSpace service (CANFAR's arc or SRCNet's cavern) on the same host,
// answering a user's home node as XML with its length, quota and date (skaha-api.md §9.11).

import { bearerToken, textResponse, unauthorized } from './auth.js';
import { GIB, javaInstant } from './wire-format.js';
import type { SimResponse } from './types.js';
import type { SimWorld } from './world.js';

/** Which storage service the host runs, or none. */
export const STORAGE_SERVICES = ['arc', 'cavern', 'none'] as const;

/** One storage service choice. */
export type StorageService = (typeof STORAGE_SERVICES)[number];

/** Home storage as the simulator serves it, the same for every user (the admin API changes it). */
export interface SimStorage {
  service: StorageService;
  usedGiB: number;
  quotaGiB: number;
}

/** The default: arc, 37.5 GiB used of 100. */
export const DEFAULT_SIM_STORAGE: SimStorage = { service: 'arc', usedGiB: 37.5, quotaGiB: 100 };

/** Whether a path is a storage service's (`/arc/…` or `/cavern/…`), whatever the service in force. */
export function isStoragePath(path: string): boolean {
  return /^\/(arc|cavern)(\/|$)/.test(path);
}

/** Pure: storage settings with a change merged in; throws a RangeError saying what is wrong. */
export function mergeStorage(storage: SimStorage, change: Record<string, unknown>): SimStorage {
  const out = { ...storage };
  for (const [key, value] of Object.entries(change)) {
    if (key === 'service') {
      if (!(STORAGE_SERVICES as readonly unknown[]).includes(value)) throw new RangeError(`service must be one of ${STORAGE_SERVICES.join(', ')} (got ${JSON.stringify(value)})`);
      out.service = value as StorageService;
    } else if (key === 'usedGiB' || key === 'quotaGiB') {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new RangeError(`${key} must be a number of GiB >= 0 (got ${JSON.stringify(value)})`);
      out[key] = value;
    } else {
      throw new RangeError(`unknown storage setting ${key} (known: service, usedGiB, quotaGiB)`);
    }
  }
  return out;
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function property(uri: string, value: string, readOnly = true): string {
  return `    <vos:property uri="ivo://ivoa.net/vospace/core#${uri}"${readOnly ? ' readOnly="true"' : ''}>${xmlText(value)}</vos:property>`;
}

/** The container node document of a user's home; children listed only without `limit=0` (they carry their own lengths). */
export function homeNodeXml(service: 'arc' | 'cavern', user: string, storage: SimStorage, now: number, children: boolean): string {
  const authority = service === 'arc' ? 'cadc.nrc.ca~arc' : 'opencadc.org~cavern';
  const uri = `vos://${authority}/home/${user}`;
  const used = Math.round(storage.usedGiB * GIB);
  const child = (name: string, bytes: number) =>
    `    <vos:node uri="${xmlText(`${uri}/${name}`)}" xsi:type="vos:DataNode">\n      <vos:properties>\n${property('length', String(bytes))}\n      </vos:properties>\n    </vos:node>`;
  const nodes = children ? `  <vos:nodes>\n${child('data.fits', Math.round(used * 0.6))}\n${child('notes.txt', 1234)}\n  </vos:nodes>` : '  <vos:nodes />';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<vos:node xmlns:vos="http://www.ivoa.net/xml/VOSpace/v2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" uri="${xmlText(uri)}" xsi:type="vos:ContainerNode">`,
    '  <vos:properties>',
    property('creator', `CN=${user}`),
    property('date', javaInstant(now)),
    property('length', String(used)),
    property('quota', String(Math.round(storage.quotaGiB * GIB)), false),
    '  </vos:properties>',
    nodes,
    '</vos:node>',
    '',
  ].join('\n');
}

/** Answers `/arc/nodes/home/<user>` or `/cavern/nodes/home/<user>` for the user the token names; 404 when that service does not run. */
export function handleStorage(world: SimWorld, method: string, path: string, query: string, authorization: string | undefined): SimResponse {
  const storage = world.storage;
  const match = /^\/(arc|cavern)\/nodes\/home\/([^/]+)\/?$/.exec(path);
  if (storage.service === 'none' || !path.startsWith(`/${storage.service}/`)) return textResponse(404, `not found: ${path}`);
  if (!match) return textResponse(404, `NodeNotFound: ${path}`);
  if (method !== 'GET' && method !== 'HEAD') return textResponse(405, `method not allowed: ${method}`);
  const token = bearerToken(authorization);
  const user = token === undefined || world.faults.expiredToken ? undefined : (world.oidc?.userOf(token) ?? world.config.usersByToken.get(token)?.name);
  if (!user) return unauthorized();
  if (match[2] !== user) return textResponse(403, `PermissionDenied: ${path}`);
  const limit = new URLSearchParams(query).get('limit');
  return { status: 200, contentType: 'text/xml', body: homeNodeXml(storage.service, user, storage, world.now(), limit !== '0') };
}
