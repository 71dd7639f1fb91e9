// The keyboard: blessed's keys by dashboard name, and pastes for a text prompt read whole from the raw
// chunk before blessed splits it into keys (the keys it makes are then swallowed: same tick).

import { StringDecoder } from 'node:string_decoder';
import type { Widgets } from '../screen/layout.js';
import { keyName } from '../keys.js';
import type { Controller } from './controller.js';
import type { FeatureGate } from './feature-gate.js';
import { textChunk } from './text-chunk.js';

/** Feeds one key to the dashboard: Ctrl-C quits at once; every other key goes to the keys part, in order, once it is loaded. */
export function feedKey(ctl: Controller, gate: FeatureGate, name: string): void {
  if (name === 'C-c') return ctl.quit();
  gate.use((features) => features.handleKey(ctl, name));
}

/** Listens to the screen's keys and input; returns the function that stops listening. */
export function attachKeyboard(widgets: Widgets, ctl: Controller, gate: FeatureGate): () => void {
  let swallowing = false;
  let inPaste = false;
  const decoder = new StringDecoder('utf8');
  const input = widgets.screen.program.input as unknown as NodeJS.EventEmitter;
  const onData = (data: Buffer | string) => {
    const chunk = typeof data === 'string' ? data : decoder.write(data);
    // No text prompt can be open before the keys part is loaded (only its keys open one).
    const features = gate.loaded;
    const text = features?.textInputFocused(ctl) ? textChunk(chunk, inPaste) : null;
    inPaste = text?.inPaste ?? false;
    if (!features || !text) return;
    swallowing = true;
    queueMicrotask(() => (swallowing = false));
    features.handlePaste(ctl, text.text);
    for (const key of text.keys) feedKey(ctl, gate, key);
  };
  input.prependListener('data', onData);
  const onKey = (ch: string | undefined, key: { full?: string; name?: string; ctrl?: boolean; meta?: boolean }) => {
    if (swallowing) return;
    const name = keyName(ch, key);
    if (name) feedKey(ctl, gate, name);
  };
  widgets.screen.on('keypress', onKey);
  return () => {
    widgets.screen.removeListener('keypress', onKey);
    input.removeListener('data', onData);
  };
}
