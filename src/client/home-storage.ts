// Home storage from its VOSpace node, on the Skaha server's own host, with the same credential and
// transport (bounded answer, no redirect followed): another service, the same host rules.

import { AppError, toAppError } from '../domain/errors.js';
import type { HomeStorageRead } from '../domain/storage.js';
import { parseHomeNode } from './parse-vospace.js';
import type { HttpTransport, RequestSpec } from './request.js';

/** Where a home node lives on the Skaha host, `{user}` standing for the user: CANFAR's arc, then SRCNet's cavern (skaha-api.md §9.11). */
export const DEFAULT_HOME_NODES: readonly string[] = ['/arc/nodes/home/{user}', '/cavern/nodes/home/{user}'];

/** The largest node document read (the node alone, `limit=0`, is a few KB). */
export const MAX_NODE_BYTES = 256 * 1024;

/** A user name as Skaha lists it (`userid`). */
const USER_NAME = /^[A-Za-z0-9._-]{1,64}$/;

/** The node path for a user from a template. */
export function nodePath(template: string, user: string): string {
  return template.split('{user}').join(encodeURIComponent(user));
}

/**
 * Reads the user's home node from the first path that answers (a 404 tries the next): bytes used, the
 * quota and the node's date. SKAHA_NOT_FOUND when none answers (no storage service on this host).
 */
export async function readHomeStorage(http: HttpTransport, user: string, nodes: readonly string[] = DEFAULT_HOME_NODES): Promise<HomeStorageRead> {
  if (!USER_NAME.test(user))
    throw new AppError('VALIDATION_ERROR', `storage: ${JSON.stringify(user.slice(0, 80))} is not a user name (1-64 letters, digits, '.', '_' or '-')`);
  const tried: string[] = [];
  for (const template of nodes) {
    const node = nodePath(template, user);
    // limit=0: the node's own properties, not a listing of everything in the home folder.
    const spec: RequestSpec = {
      method: 'GET',
      path: node,
      origin: true,
      query: new URLSearchParams({ limit: '0' }),
      headers: { accept: 'text/xml' },
      maxBytes: MAX_NODE_BYTES,
    };
    let text: string;
    try {
      text = await http.text(spec);
    } catch (error) {
      if (toAppError(error).code !== 'SKAHA_NOT_FOUND') throw error;
      tried.push(http.shownUrl(spec));
      continue;
    }
    const storage = parseHomeNode(text);
    if (!storage)
      throw new AppError('PROTOCOL_ERROR', `GET ${http.shownUrl(spec)}: expected a VOSpace node with a length property but the server sent something else`, {
        method: 'GET',
        url: http.shownUrl(spec),
      });
    return { ...storage, node, user };
  }
  throw new AppError('SKAHA_NOT_FOUND', `no storage service answered for ${user} on this server (404 from ${tried.join(' and ')})`);
}
