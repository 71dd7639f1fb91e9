import { dictFrom } from '../domain/dict.js';
import type { Action } from './actions.js';
import { MAX_NOTICES, type CredentialStatus, type DaemonState } from './state.js';
import { healthAfterPollFailure, healthAfterPollSuccess, healthAfterStats, healthAtStart } from './health.js';
import { sanitiseLaunchRequest } from './launches.js';
import { appendStats, statsSample } from './usage.js';
import { insightsAfterEvents, insightsAfterPoll, insightsAfterRenew } from './insights.js';
import { accountsAfterPoll } from './usage-accounts.js';
import { storageAfterFailure, storageAfterRead } from './storage.js';
import { appendLaunch, appendNotification, markEmitted, recentDeletes, sessionsById, updateLaunch, usageAfterPoll } from './records.js';

/** The pure reducer: the next state for an action; no I/O, time comes from the action. */
export function reduce(state: DaemonState, action: Action): DaemonState {
  const down = state.settings.downAfterMs;
  switch (action.type) {
    case 'daemon.started':
      return { ...state, health: healthAtStart(state.health, action.at, down) };
    case 'poll.succeeded': {
      const sessions = sessionsById(action.sessions);
      const { insights, waits } = insightsAfterPoll(state, sessions, action.at, action.idle);
      return {
        ...state,
        sessions,
        insights,
        waits,
        usage: usageAfterPoll(state.usage, sessions, action.at),
        accounts: accountsAfterPoll(state.accounts, sessions, action.at),
        deletes: recentDeletes(state.deletes, action.at),
        lastPollAt: action.at,
        health: healthAfterPollSuccess(state.health, action.at, down),
      };
    }
    case 'poll.failed':
      return { ...state, health: healthAfterPollFailure(state.health, action.error, action.at, down) };
    case 'stats.succeeded':
      return {
        ...state,
        stats: action.stats,
        lastStatsAt: action.at,
        statsHistory: appendStats(state.statsHistory, statsSample(action.stats, action.at), action.at),
        health: healthAfterStats(state.health, null, action.at, down),
      };
    case 'stats.failed':
      return { ...state, health: healthAfterStats(state.health, action.error, action.at, down) };
    case 'context.loaded':
      return { ...state, context: action.context };
    case 'storage.read':
      return { ...state, storage: storageAfterRead(state.storage, action.storage, action.at) };
    case 'storage.failed':
      return { ...state, storage: storageAfterFailure(state.storage, action.why, action.at) };
    case 'credentials.checked': {
      // Pick fields by name so a credential object carrying a secret can never leak into state.
      const { kind, source, expiresAt, path, refresh } = action.credentials;
      const credentials: CredentialStatus = path === undefined ? { kind, source, expiresAt } : { kind, source, expiresAt, path };
      if (refresh) credentials.refresh = { state: refresh.state, loginExpiresAt: refresh.loginExpiresAt };
      return { ...state, credentials };
    }
    case 'launch.requested': {
      const record = { id: action.launchId, request: sanitiseLaunchRequest(action.request), at: action.at, results: null, error: null };
      return { ...state, launches: appendLaunch(state.launches, record), lastActivityAt: action.at };
    }
    case 'launch.completed':
      return {
        ...state,
        launches: updateLaunch(state.launches, action.launchId, (r) => ({ ...r, results: action.results })),
        lastActivityAt: action.at,
      };
    case 'launch.failed':
      return { ...state, launches: updateLaunch(state.launches, action.launchId, (r) => ({ ...r, error: action.error })) };
    case 'session.deleted': {
      const deletes = dictFrom(recentDeletes(state.deletes, action.at));
      for (const id of action.ids) deletes[id] = action.at;
      return { ...state, deletes, lastActivityAt: action.at };
    }
    case 'session.renewed':
      return { ...state, lastActivityAt: action.at };
    case 'events.observed': {
      const insights = insightsAfterEvents(state, action.observations, action.at);
      return insights === state.insights ? state : { ...state, insights };
    }
    case 'renew.checked':
      return { ...state, insights: insightsAfterRenew(state, action.checks) };
    case 'events.emitted':
      return { ...state, emitted: markEmitted(state.emitted, action.keys, action.at) };
    case 'notification.sent':
      return {
        ...state,
        notifications: appendNotification(state.notifications, { ...action.notification, at: action.at }),
        emitted: markEmitted(state.emitted, [action.notification.key], action.at),
      };
    case 'notifications.sent':
      return {
        ...state,
        notifications: appendNotification(state.notifications, ...action.notifications.map((n) => ({ ...n, at: action.at }))),
        emitted: markEmitted(
          state.emitted,
          action.notifications.map((n) => n.key),
          action.at,
        ),
      };
    case 'config.changed':
      return {
        ...state,
        settings: { downAfterMs: action.settings?.downAfterMs ?? state.settings.downAfterMs },
        config: { changedAt: action.at, warning: null },
      };
    case 'config.rejected':
      return { ...state, config: { ...state.config, warning: action.message } };
    case 'notice.raised':
      return { ...state, notices: [...state.notices.filter((n) => n.key !== action.notice.key), action.notice].slice(-MAX_NOTICES) };
    case 'notices.acknowledged': {
      const notices = state.notices.filter((n) => !action.keys.includes(n.key));
      return notices.length === state.notices.length ? state : { ...state, notices };
    }
    default:
      // An action from a newer client or a bad frame: ignoring it keeps the reducer total.
      return state;
  }
}

/** Pure: folds a list of actions over a state (handy for tests and replay). */
export function reduceAll(state: DaemonState, actions: readonly Action[]): DaemonState {
  return actions.reduce(reduce, state);
}
