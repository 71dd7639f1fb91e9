import { textResponse } from './auth.js';
import { handleCreate } from './create.js';
import { eventsTable, podEventsAt } from './events.js';
import { logsAt } from './logs.js';
import type { Params } from './params.js';
import { publicSessionJson, sessionJson } from './session-json.js';
import { renewSession } from './renew.js';
import type { LiveSession } from './store.js';
import type { SimResponse, SimUser } from './types.js';
import { toGson, type GsonValue } from './wire-format.js';
import type { SimWorld } from './world.js';

/** A JSON answer written like Gson. */
export function jsonResponse(value: GsonValue): SimResponse {
  return { status: 200, contentType: 'application/json', body: toGson(value) };
}

const sameText = (a: string, b: string | undefined): boolean => b === undefined || a.toLowerCase() === b.toLowerCase();

/** `GET /v1/session`: the caller's sessions, `view=all` (everyone, reduced), `view=interactive`, or `view=stats`. */
export function listSessions(world: SimWorld, user: SimUser, params: Params): SimResponse {
  const view = params.first('view');
  const type = params.first('type');
  const status = params.first('status');
  const now = world.now();
  if (view === 'stats') return { status: 200, contentType: 'application/json', body: world.statsSnapshot() };
  const byStatus = (l: LiveSession): boolean => sameText(l.status, status);
  // desktop-apps only show when asked for by type
  const byType = (l: LiveSession): boolean => sameText(l.session.kind, type) && (l.session.kind !== 'desktop-app' || type?.toLowerCase() === 'desktop-app');
  if (view === 'all') {
    return jsonResponse(
      world.store
        .live()
        .filter((l) => byType(l) && byStatus(l))
        .map((l) => publicSessionJson(l, now)),
    );
  }
  const mine = world.store.ofUser(user.name);
  const selected =
    view?.toLowerCase() === 'interactive' ? mine.filter((l) => l.session.kind !== 'headless' && byStatus(l)) : mine.filter((l) => byType(l) && byStatus(l));
  return jsonResponse(selected.map((l) => sessionJson(l, world.config, now)));
}

/** `/v1/session` without an id: GET lists, POST creates, DELETE is refused. */
export function handleSessionCollection(world: SimWorld, user: SimUser, method: string, params: Params, registryAuth: string | undefined): SimResponse {
  if (method === 'GET') return listSessions(world, user, params);
  if (method === 'POST') return handleCreate(world, user, params, registryAuth);
  if (method === 'DELETE') return textResponse(400, 'Cannot kill all sessions.');
  return textResponse(405, `method not allowed: ${method}`);
}

/** `/v1/session/{id}`: GET (JSON, `view=logs`, `view=events`), POST `action=renew`, DELETE. */
export function handleSessionItem(world: SimWorld, user: SimUser, method: string, id: string, params: Params): SimResponse {
  const now = world.now();
  const { config, store } = world;
  if (method === 'GET') {
    const view = params.first('view');
    if (view === 'logs') {
      const live = store.find(user.name, id);
      // logs of a desktop include its desktop-apps' pods (same label selector)
      const pods = live ? store.ofUser(user.name).filter((l) => l.session.id === id) : [];
      const body = pods.map((l) => logsAt(l.session, now, config.seed, config.speed)).join('') + (live ? (world.extraLogs.get(id) ?? '') : '');
      return { status: 200, contentType: 'text/plain', body };
    }
    const live = store.find(user.name, id);
    if (view === 'events') {
      // Skaha looks the pod up: a queued (or preempted) Job has none, so this 404 does not mean the session is gone
      const events = live && podEventsAt(live.session, now, config.seed, config.speed);
      if (!events) return textResponse(404, `session ${id} not found.`);
      return { status: 200, contentType: 'text/plain', body: eventsTable(events) };
    }
    if (!live) return textResponse(404, `session ${id} not found`);
    return jsonResponse(sessionJson(live, config, now));
  }
  if (method === 'POST') {
    const action = params.first('action');
    if (action === undefined) return textResponse(400, 'Cannot modify an existing session');
    if (action.toLowerCase() !== 'renew') return textResponse(400, 'unrecognized action');
    return renewSession(world, user, id);
  }
  if (method === 'DELETE') {
    store.delete(user.name, id);
    return { status: 200, contentType: 'text/plain', body: '' };
  }
  return textResponse(405, `method not allowed: ${method}`);
}
