import { profileNames } from '../../src/config/profiles.js';
import { readHistory } from '../command-mode/prompt-history.js';
import { openPromptState } from '../command-mode/prompt-state.js';
import type { Controller } from './controller.js';
import { loadImages } from './launch-actions.js';

/** `:`: opens the prompt with the stored history (and reads the image catalogue once and the profile names, for completion). */
export function openPrompt(ctl: Controller): void {
  ctl.dispatch({ type: 'prompt-set', prompt: openPromptState(readHistory(ctl.deps.promptHistoryFile)) });
  if (ctl.model().connection.state === 'connected') void loadImages(ctl);
  const dir = ctl.deps.profilesDir;
  if (dir !== undefined) {
    void profileNames(dir)
      .catch(() => [])
      .then((profiles) => {
        const prompt = ctl.model().view.prompt;
        if (prompt) ctl.dispatch({ type: 'prompt-set', prompt: { ...prompt, profiles } });
      });
  }
}
