// The footer's flash message: a new one replaces the last, except that a daemon notification does not
// hide a note about the table that is still fresh (a mark dropped, a dialog shrunk): it is added to it.

import type { Flash, FlashLevel } from './view-state.js';

/** How long each level of flash stays. */
export const FLASH_MS: Record<FlashLevel, number> = { info: 4000, warn: 6000, error: 10_000 };

/** How long a note about the table is held against daemon notifications (long enough to be read). */
export const NOTE_HOLD_MS = 3000;

/** `note`: a note about the table, held a moment; `background`: a daemon notification, which joins a held note. */
export type FlashKind = 'note' | 'background';

const SEVERITY: Record<FlashLevel, number> = { info: 0, warn: 1, error: 2 };

/** Pure: the flash after `text` is flashed at `now` over `current`. */
export function nextFlash(current: Flash | null, level: FlashLevel, text: string, now: number, kind?: FlashKind): Flash {
  if (kind === 'background' && current && (current.heldUntil ?? 0) > now && current.until > now) {
    const joined = SEVERITY[level] > SEVERITY[current.level] ? level : current.level;
    return { level: joined, text: `${current.text} · ${text}`, until: Math.max(current.until, now + FLASH_MS[level]), heldUntil: current.heldUntil };
  }
  const flash: Flash = { level, text, until: now + FLASH_MS[level] };
  return kind === 'note' ? { ...flash, heldUntil: now + NOTE_HOLD_MS } : flash;
}
