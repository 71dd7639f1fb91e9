// What every render function needs besides the data: the time, how to paint, which glyphs.

import { createPaint, type Colour, type Paint } from './paint.js';
import { UNICODE_GLYPHS, type Glyphs } from './glyphs.js';
import { localClock } from './cells.js';

/** The time, the paint (colour or not), the glyph set, and how to print a wall-clock time. */
export interface RenderContext {
  now: number;
  paint: Paint;
  glyphs: Glyphs;
  clock: (ms: number) => string;
  /** Whether the screen has chart widgets (blessed-contrib) for the Resources pane; text gauges when not. */
  charts?: boolean;
}

/** A context with defaults (colour, Unicode, local time); tests override what they need. */
export function renderContext(overrides: Partial<RenderContext> & { now: number }): RenderContext {
  return { paint: createPaint(true), glyphs: UNICODE_GLYPHS, clock: localClock, ...overrides };
}

/** The colour of a session status: Running green, Pending amber, failures red, finished grey. */
export function statusColour(status: string): Colour | null {
  switch (status) {
    case 'Running':
      return 'green';
    case 'Pending':
      return 'yellow';
    case 'Failed':
    case 'Error':
      return 'red';
    case 'Terminating':
      return 'magenta';
    case 'Completed':
    case 'Succeeded':
      return 'gray';
    default:
      return null;
  }
}

/** The colour of a share by k9s thresholds: under 70% green, under 90% amber, else red. */
export function loadColour(fraction: number): Colour {
  return fraction >= 0.9 ? 'red' : fraction >= 0.7 ? 'yellow' : 'green';
}

/** The colour of time left: under 10 minutes red, under an hour amber, else none. */
export function timeLeftColour(msLeft: number | null): Colour | null {
  if (msLeft === null) return null;
  return msLeft < 10 * 60_000 ? 'red' : msLeft < 3600_000 ? 'yellow' : null;
}
