// The log pane's state and its pure reducer: lines, follow, wrap, search, and a scroll position
// anchored to a line index so new lines arriving never move what the user is reading.

/** Most lines the pane keeps (the daemon buffers 10,000 too); older ones are dropped from the top. */
export const MAX_LOG_LINES = 10_000;

/** The log pane: which session, its lines, and how the user is looking at them. */
export interface LogView {
  sessionId: string | null;
  lines: readonly string[];
  /** The daemon dropped older lines before these. */
  truncated: boolean;
  /** True until the first logs:reset for this session arrives. */
  waiting: boolean;
  /** Show the tail as lines arrive; off while the user scrolls or searches. */
  follow: boolean;
  wrap: boolean;
  /** First visible line while not following. */
  top: number;
  /** The applied search pattern ('' for none). */
  search: string;
  searchEditing: boolean;
  draft: string;
  /** The line of the current match, or -1. */
  matchLine: number;
}

/** Everything that can happen to the log pane; `height` is the visible line count. */
export type LogAction =
  | { type: 'open'; sessionId: string }
  | { type: 'close' }
  | { type: 'reset'; sessionId: string; lines: readonly string[]; truncated?: boolean }
  | { type: 'append'; sessionId: string; lines: readonly string[] }
  | { type: 'scroll'; delta: number; height: number }
  | { type: 'home'; height: number }
  | { type: 'end' }
  | { type: 'toggle-follow'; height: number }
  | { type: 'toggle-wrap' }
  | { type: 'search-start' }
  | { type: 'search-input'; text: string }
  | { type: 'search-backspace' }
  | { type: 'search-commit'; height: number }
  | { type: 'search-cancel' }
  | { type: 'next-match'; direction: 1 | -1; height: number };

/** The log pane before any session is opened. */
export function emptyLogView(): LogView {
  return {
    sessionId: null,
    lines: [],
    truncated: false,
    waiting: false,
    follow: true,
    wrap: false,
    top: 0,
    search: '',
    searchEditing: false,
    draft: '',
    matchLine: -1,
  };
}

/** A case-insensitive regex for a search pattern; an invalid regex is matched as plain text. */
export function searchRegex(pattern: string): RegExp | null {
  if (pattern === '') return null;
  try {
    return new RegExp(pattern, 'gi');
  } catch {
    return new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
  }
}

const matchCache = new WeakMap<readonly string[], Map<string, number[]>>();

/** The indexes of the lines matching `pattern` (memoised per lines array and pattern). */
export function matchingLines(lines: readonly string[], pattern: string): number[] {
  const regex = searchRegex(pattern);
  if (!regex) return [];
  let byPattern = matchCache.get(lines);
  if (!byPattern) matchCache.set(lines, (byPattern = new Map()));
  const cached = byPattern.get(pattern);
  if (cached) return cached;
  const out: number[] = [];
  lines.forEach((line, i) => {
    regex.lastIndex = 0;
    if (regex.test(line)) out.push(i);
  });
  byPattern.set(pattern, out);
  return out;
}

const clampTop = (top: number, length: number, height: number) => Math.max(0, Math.min(top, length - Math.max(1, height)));

/** The first line shown: the tail while following, else the anchored `top`. */
export function firstVisibleLine(view: LogView, height: number): number {
  return view.follow ? Math.max(0, view.lines.length - height) : clampTop(view.top, view.lines.length, height);
}

function withLines(view: LogView, lines: readonly string[]): LogView {
  const drop = Math.max(0, lines.length - MAX_LOG_LINES);
  if (drop === 0) return { ...view, lines };
  // Dropping from the head shifts every index: keep the user's place by shifting the anchor too.
  return {
    ...view,
    lines: lines.slice(drop),
    truncated: true,
    top: Math.max(0, view.top - drop),
    matchLine: view.matchLine >= drop ? view.matchLine - drop : -1,
  };
}

function jumpToMatch(view: LogView, direction: 1 | -1, height: number, fromLine: number): LogView {
  const matches = matchingLines(view.lines, view.search);
  if (matches.length === 0) return { ...view, matchLine: -1 };
  const next =
    direction > 0 ? (matches.find((i) => i > fromLine) ?? matches[0]) : ([...matches].reverse().find((i) => i < fromLine) ?? matches[matches.length - 1]);
  const top = clampTop(next - Math.floor(height / 3), view.lines.length, height);
  return { ...view, matchLine: next, follow: false, top };
}

/** Pure: the log pane after `action`. */
export function reduceLog(view: LogView, action: LogAction): LogView {
  switch (action.type) {
    case 'open':
      return { ...emptyLogView(), wrap: view.wrap, sessionId: action.sessionId, waiting: true };
    case 'close':
      return { ...emptyLogView(), wrap: view.wrap };
    case 'reset':
      if (action.sessionId !== view.sessionId) return view;
      return {
        ...withLines({ ...view, matchLine: -1 }, action.lines),
        truncated: Boolean(action.truncated),
        waiting: false,
        top: clampTop(view.top, action.lines.length, 1),
      };
    case 'append':
      if (action.sessionId !== view.sessionId || action.lines.length === 0) return view;
      return { ...withLines(view, [...view.lines, ...action.lines]), waiting: false };
    case 'scroll': {
      const from = firstVisibleLine(view, action.height);
      const top = clampTop(from + action.delta, view.lines.length, action.height);
      // Reaching the bottom, by key or wheel, follows again (as `G` does); anywhere above it pauses.
      return { ...view, follow: top >= view.lines.length - action.height, top };
    }
    case 'home':
      return { ...view, follow: false, top: 0 };
    case 'end':
      return { ...view, follow: true };
    case 'toggle-follow':
      return view.follow ? { ...view, follow: false, top: firstVisibleLine(view, action.height) } : { ...view, follow: true };
    case 'toggle-wrap':
      return { ...view, wrap: !view.wrap };
    case 'search-start':
      return { ...view, searchEditing: true, draft: view.search };
    case 'search-input':
      return { ...view, draft: view.draft + action.text };
    case 'search-backspace':
      return { ...view, draft: [...view.draft].slice(0, -1).join('') };
    case 'search-cancel':
      return { ...view, searchEditing: false, draft: '' };
    case 'search-commit': {
      const committed = { ...view, searchEditing: false, search: view.draft, draft: '', matchLine: -1 };
      if (committed.search === '') return committed;
      // The nearest match at or above the bottom of the view: in a log the newest is usually the one wanted.
      return jumpToMatch(committed, -1, action.height, firstVisibleLine(view, action.height) + action.height);
    }
    case 'next-match': {
      const from = view.matchLine >= 0 ? view.matchLine : firstVisibleLine(view, action.height);
      return jumpToMatch(view, action.direction, action.height, from);
    }
  }
}
