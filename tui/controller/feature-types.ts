// The part of the dashboard its first frame does not need: the keys, the dialogs and the `:` prompt,
// with everything they bring (export, usage, relaunch, profiles, the CLI's parser). The binary loads
// it after the first frame (feature-gate.ts); tests get it up front (dashboard.ts).

import type { Controller } from './controller.js';
import type { DialogRenderer } from '../render/frame.js';
import type { FormReducer } from '../view-reducer.js';

/** What the dashboard's core calls in its keys-and-dialogs part. */
export interface Features {
  /** Handles one key by its dashboard name (see keyName). */
  handleKey(ctl: Controller, name: string): void;
  /** Whether a prompt that takes text has the keyboard (then a paste is read whole). */
  textInputFocused(ctl: Controller): boolean;
  /** Pasted text for the prompt that has the keyboard. */
  handlePaste(ctl: Controller, text: string): void;
  /** Draws the open dialog. */
  dialog: DialogRenderer;
  /** The launch form's reducer (its actions change nothing without it). */
  reduceForm: FormReducer;
}

/** Where the features come from: already loaded (tests), or loaded when first wanted (the binary). */
export type FeatureSource = Features | (() => Promise<Features>);
