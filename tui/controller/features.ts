// The keys-and-dialogs part of the dashboard as one module, so it can be loaded after the first frame.

import type { Features } from './feature-types.js';
import { handleKey } from './key-handler.js';
import { handlePaste, textInputFocused } from './dialog-keys.js';
import { dialogFrame } from '../render/dialog-frame.js';
import { reduceForm } from '../form/launch-form.js';

/** The dashboard's keys, dialogs and prompt. */
export const FEATURES: Features = { handleKey, textInputFocused, handlePaste, dialog: dialogFrame, reduceForm };
