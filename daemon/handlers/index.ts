import type { AnyRequest } from '../../src/protocol/messages/request.js';
import type { RequestMethod } from '../../src/protocol/requests.js';
import type { Handler, HandlerContext, RequestClient } from './handler-context.js';
import { handleApps, handleAppsDelete, handleAppsLaunch } from './apps.js';
import { handleConfigGet } from './config-get.js';
import { handleContext } from './context.js';
import { handleDaemonMetrics } from './daemon-metrics.js';
import { handleDelete } from './delete.js';
import { handleEvents } from './events.js';
import { handleHistory } from './history.js';
import { handleImages } from './images.js';
import { handleLaunch } from './launch.js';
import { handleLogsKept } from './logs-kept.js';
import { handleLogsSubscribe } from './logs-subscribe.js';
import { handleLogsUnsubscribe } from './logs-unsubscribe.js';
import { handleNoticesAck } from './notices-ack.js';
import { handleRefresh } from './refresh.js';
import { handleRenew } from './renew.js';
import { handleShutdown } from './shutdown.js';
import { handleSnapshot } from './snapshot.js';
import { handleStatsHistory } from './stats-history.js';
import { handleUsage } from './usage.js';

/** The handler of each request method. */
export const HANDLERS: { [M in RequestMethod]: Handler<M> } = {
  refresh: handleRefresh,
  snapshot: handleSnapshot,
  launch: handleLaunch,
  delete: handleDelete,
  renew: handleRenew,
  'logs.subscribe': handleLogsSubscribe,
  'logs.unsubscribe': handleLogsUnsubscribe,
  'logs.kept': handleLogsKept,
  events: handleEvents,
  apps: handleApps,
  'apps.launch': handleAppsLaunch,
  'apps.delete': handleAppsDelete,
  images: handleImages,
  context: handleContext,
  'stats.history': handleStatsHistory,
  history: handleHistory,
  usage: handleUsage,
  'notices.ack': handleNoticesAck,
  'daemon.metrics': handleDaemonMetrics,
  'config.get': handleConfigGet,
  shutdown: handleShutdown,
};

/** Routes a decoded request to its handler. */
export function handleRequest(request: AnyRequest, ctx: HandlerContext, client: RequestClient): Promise<unknown> {
  const handler = HANDLERS[request.method] as Handler<RequestMethod>;
  return handler(request.params as never, ctx, client);
}

/** The handler types, for callers that build a context. */
export type { Handler, HandlerContext, RequestClient } from './handler-context.js';
