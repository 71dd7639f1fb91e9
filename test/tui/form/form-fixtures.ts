// Shared by the launch-form tests: a small catalogue, a state, an accepted launch, the form env, and helpers.
import { reduceForm, type FormAction, type FormEnv, type LaunchForm } from '../../../tui/form/launch-form.js';
import { renderContext } from '../../../tui/render/context.js';
import type { LaunchRecord } from '../../../src/state/state.js';
import { makeSession, T0 } from '../../helpers/builders.js';
import { stateWith } from '../helpers/states.js';

/** Four images of the catalogue. */
export const images = [
  { id: 'images.canfar.net/skaha/astroml:latest', types: ['notebook', 'headless'], digest: null },
  { id: 'images.canfar.net/skaha/astroml-cuda:24.04', types: ['notebook'], digest: null },
  { id: 'images.canfar.net/skaha/desktop:1.0', types: ['desktop'], digest: null },
  { id: 'images.canfar.net/skaha/terminal:1.1.1', types: ['headless'], digest: null },
];
const state = stateWith([makeSession({ id: 'a', name: 'notebook1' })]);
/** A headless launch the server accepted. */
export const launch: LaunchRecord = {
  id: 'l1',
  at: T0 - 60_000,
  results: [{ name: 'fit', id: 'x1' }],
  error: null,
  request: {
    kind: 'headless',
    image: 'images.canfar.net/skaha/terminal:1.1.1',
    name: 'fit',
    cmd: 'python',
    args: 'job.py --fast',
    env: ['MODE=fast', 'API_TOKEN=<redacted>'],
    replicas: 3,
    cores: 4,
    ram: 16,
    registryAuthUsed: true,
    registryUsername: 'me',
    envRedacted: true,
  },
};
/** What the form sees: the context, the images, one session, one launch. */
export const env: FormEnv = { context: state.context, images, sessions: Object.values(state.sessions), launches: [launch] };
/** The form after `actions`. */
export const run = (form: LaunchForm, ...actions: FormAction[]) => actions.reduce((f, a) => reduceForm(f, a, env), form);
/** One input action per character. */
export const type = (text: string): FormAction[] => [...text].map((c) => ({ type: 'input', text: c }));
/** A render context at T0. */
export const ctx = renderContext({ now: T0 });
