// What the controller does when the daemon speaks: new state (highlights, placeholders, "ready"),
// pushed events (notifications, log lines, warnings) and connection changes (banner, resync).

import { dictGet, emptyDict, hasKey } from '../../src/domain/dict.js';
import type { Session } from '../../src/domain/session.js';
import type { DaemonState, NotificationRecord } from '../../src/state/state.js';
import type { ConnectionStatus } from '../../src/daemon-client/daemon-connection.js';
import type { EventTopic, TopicData } from '../../src/protocol/topics.js';
import { FLASH } from '../text.js';
import type { HighlightKind } from '../view-state.js';
import type { Controller } from './controller.js';
import { writeTerminalNotification } from './notify.js';
import { fetchEvents, openUrl } from './session-actions.js';
import { checkIdentity } from './daemon-identity.js';
import { isTerminalNotifySetting } from '../../src/domain/terminal-notify.js';

/** Pure: the rows to highlight between two snapshots: added, changed (status or expiry) and removed. */
export function sessionChanges(
  prev: Readonly<Record<string, Session>>,
  next: Readonly<Record<string, Session>>,
): { changes: { id: string; kind: HighlightKind }[]; removed: Session[] } {
  const changes: { id: string; kind: HighlightKind }[] = [];
  const removed: Session[] = [];
  for (const [id, s] of Object.entries(next)) {
    const before = dictGet(prev, id);
    if (!before) changes.push({ id, kind: 'new' });
    else if (before.status !== s.status || before.expiresAt !== s.expiresAt) changes.push({ id, kind: 'changed' });
  }
  for (const [id, s] of Object.entries(prev)) {
    if (!hasKey(next, id)) {
      changes.push({ id, kind: 'removed' });
      removed.push(s);
    }
  }
  return { changes, removed };
}

function announceReady(ctl: Controller, state: DaemonState): void {
  const view = ctl.model().view;
  for (const id of view.readyWatch) {
    const s = state.sessions[id];
    if (!s || s.status === 'Pending') continue;
    ctl.dispatch({ type: 'unwatch-ready', id });
    if (s.status === 'Running' && !view.openWhenReady.includes(id)) ctl.flash('info', s.kind === 'headless' ? FLASH.running(s.name) : FLASH.ready(s.name));
    else if (s.status === 'Failed' || s.status === 'Error') ctl.flash('error', FLASH.failedToStart(s.name));
  }
  for (const id of view.openWhenReady) {
    const s = state.sessions[id];
    if (s && s.status === 'Pending') continue;
    ctl.dispatch({ type: 'disarm-open', id });
    if (s?.status === 'Running') void openUrl(ctl, s, FLASH.readyOpening(s.name));
  }
}

/** A new daemon state: highlight what changed (not on the first one), drop placeholders, announce readiness. */
export function onState(ctl: Controller, state: DaemonState): void {
  const prev = ctl.model().state;
  ctl.update({ state });
  if (prev) {
    const { changes, removed } = sessionChanges(prev.sessions, state.sessions);
    ctl.dispatch({ type: 'highlight', changes, removed, now: ctl.deps.clock.now() });
  }
  ctl.dispatch({ type: 'pending-drop', ids: Object.keys(state.sessions) });
  announceReady(ctl, state);
  // The daemon applied a changed config file: read the settings the dashboard takes from it again.
  if (prev && prev.config.changedAt !== state.config.changedAt) void loadDaemonConfig(ctl);
  // A Pending selection shows why it waits: refresh its events when it changed.
  const events = ctl.model().events;
  if (events && prev && prev.sessions[events.sessionId] !== state.sessions[events.sessionId] && state.sessions[events.sessionId]?.status === 'Pending') {
    void fetchEvents(ctl, events.sessionId);
  }
}

/** A pushed event: notifications go to the terminal and the footer; log lines to the log pane. */
export function onEvent<T extends EventTopic>(ctl: Controller, topic: T, data: TopicData[T]): void {
  if (topic === 'notification') {
    const n = data as NotificationRecord;
    // The flag or environment wins; else the config file's setting (hot-reloaded through the daemon).
    const setting = ctl.deps.options.terminalNotify ?? ctl.model().terminalNotify ?? 'auto';
    writeTerminalNotification(ctl.deps.output, ctl.deps.env, setting, n);
    ctl.flash(n.urgency === 'critical' ? 'warn' : 'info', n.body ? `${n.title}: ${n.body}` : n.title, 'background');
  } else if (topic === 'logs:reset' || topic === 'logs:append') {
    const d = data as TopicData['logs:reset'];
    const action =
      topic === 'logs:reset'
        ? { type: 'reset' as const, sessionId: d.sessionId, lines: d.lines, truncated: d.truncated }
        : { type: 'append' as const, sessionId: d.sessionId, lines: d.lines };
    ctl.dispatch({ type: 'log', action });
  } else if (topic === 'warning') {
    ctl.flash('warn', FLASH.warning((data as TopicData['warning']).message));
  }
}

/** The connection changed: show it; after a reconnect re-subscribe the log and re-read the server name. */
export function onStatus(ctl: Controller, status: ConnectionStatus, wasConnected: boolean): void {
  const before = ctl.model().connection;
  ctl.update({ connection: status });
  if (status.state === 'connected' && before.state !== 'connected') {
    if (wasConnected) ctl.flash('info', FLASH.reconnected);
    const logs = ctl.model().view.logs.sessionId;
    // The daemon forgets subscriptions with the socket; a fresh logs:reset replaces what we had.
    if (logs && wasConnected) void ctl.call('logs.subscribe', { sessionId: logs }, 'logs');
    const events = ctl.model().events;
    if (events && wasConnected) void fetchEvents(ctl, events.sessionId);
    void loadDaemonConfig(ctl);
    // Every welcome may come from another daemon (a restart): compare its connection with ours again.
    void checkIdentity(ctl);
  }
  if (status.lastError?.code === 'DAEMON_PROTOCOL_ERROR' && status.state !== 'connected') ctl.flash('error', FLASH.versionMismatch);
}

/** Reads the daemon's effective config: the server URL for the header (else SKAHA_URL) and the terminal-notification setting. */
export async function loadDaemonConfig(ctl: Controller): Promise<void> {
  let config: Record<string, unknown> = {};
  try {
    config = await ctl.deps.connection.request('config.get', {});
  } catch {
    // Fall through to the environment; nothing else depends on it.
  }
  const aliases = promptAliases(config.commands);
  if (JSON.stringify(aliases) !== JSON.stringify(ctl.model().commandAliases ?? {})) ctl.update({ commandAliases: aliases });
  const terminal = (config.notifications as { terminal?: unknown } | undefined)?.terminal;
  if (isTerminalNotifySetting(terminal) && terminal !== ctl.model().terminalNotify) ctl.update({ terminalNotify: terminal });
  if (ctl.model().serverUrl) return;
  const url = typeof config.url === 'string' ? config.url : null;
  // The daemon's config names the server only when the config file does; a daemon started by this
  // dashboard got its SKAHA_URL from the same environment.
  const server = url ?? ctl.deps.env.SKAHA_URL;
  if (server) ctl.update({ serverUrl: server });
}

/** The prompt's aliases from the effective config's `commands.aliases` (the daemon validated them; anything else is skipped). */
export function promptAliases(commands: unknown): Readonly<Record<string, string>> {
  const raw = (commands as { aliases?: unknown } | null | undefined)?.aliases;
  const out = emptyDict<string>();
  if (raw === null || typeof raw !== 'object') return out;
  for (const [name, line] of Object.entries(raw)) if (typeof line === 'string') out[name] = line;
  return out;
}

/** The user to name in the header: the one most sessions belong to, else the one the daemon's credential names. */
export function mainUser(state: DaemonState | null): string | null {
  const counts = new Map<string, number>();
  for (const s of Object.values(state?.sessions ?? {})) if (s.user) counts.set(s.user, (counts.get(s.user) ?? 0) + 1);
  let best: string | null = null;
  for (const [user, n] of counts) if (best === null || n > counts.get(best)!) best = user;
  return best ?? state?.credentials?.user ?? null;
}
