import { textResponse } from './auth.js';
import { imageShortName } from './catalogue.js';
import { resolveResources } from './context.js';
import { resourceParam } from './create.js';
import type { Params } from './params.js';
import { buildSession } from './session-factory.js';
import { sessionJson } from './session-json.js';
import { jsonResponse } from './session-routes.js';
import type { SimResponse, SimUser } from './types.js';
import type { SimWorld } from './world.js';

const ok = (): SimResponse => ({ status: 200, contentType: 'text/plain', body: '' });

/** `/v1/session/{id}/app[/{appId}]`: the desktop-app sub-resources (§2.10). */
export function handleApps(world: SimWorld, user: SimUser, method: string, id: string, appId: string | undefined, params: Params): SimResponse {
  const now = world.now();
  const { store, config } = world;
  if (appId === undefined) {
    if (method === 'GET') {
      // per code the list is not filtered by the desktop id
      const status = params.first('status')?.toLowerCase();
      const apps = store.ofUser(user.name).filter((l) => l.session.kind === 'desktop-app' && (status === undefined || l.status.toLowerCase() === status));
      return jsonResponse(apps.map((l) => sessionJson(l, config, now)));
    }
    if (method === 'POST') return attachApp(world, user, id, params);
    if (method === 'DELETE') return textResponse(400, 'Missing app ID');
    return textResponse(405, `method not allowed: ${method}`);
  }
  if (method === 'GET') {
    const app = store.findApp(user.name, id, appId);
    if (!app) return textResponse(404, `desktop app with session ${id} and app ID ${appId} was not found`);
    return jsonResponse(sessionJson(app, config, now));
  }
  if (method === 'POST') return textResponse(400, 'Cannot modify an existing app.');
  if (method === 'DELETE') {
    store.deleteApp(user.name, id, appId);
    return ok();
  }
  return textResponse(405, `method not allowed: ${method}`);
}

function attachApp(world: SimWorld, user: SimUser, id: string, params: Params): SimResponse {
  const image = params.first('image');
  if (image === undefined || image.trim() === '') return textResponse(400, "Missing parameter 'image'");
  const hosts = world.config.registryHosts;
  if (!hosts.some((host) => image.startsWith(host))) {
    return textResponse(400, `session image '${image}' must come from one of [${hosts.join(', ')}]`);
  }
  const cores = resourceParam(params, 'cores');
  if (cores.error) return textResponse(400, cores.error);
  const ram = resourceParam(params, 'ram');
  if (ram.error) return textResponse(400, ram.error);
  const desktop = world.store.find(user.name, id);
  if (!desktop || desktop.session.kind !== 'desktop' || desktop.status !== 'Running') {
    return textResponse(404, `session ${id} not found`);
  }
  const appId = world.newAppId(id);
  const app = buildSession(world, {
    id,
    appId,
    user: user.name,
    kind: 'desktop-app',
    name: imageShortName(image).toLowerCase().slice(0, 63),
    image,
    resources: resolveResources('desktop-app', { cores: cores.value, ramGiB: ram.value }, world.config.gpuEnabled),
  });
  world.store.add(app);
  return textResponse(200, appId);
}
