// The dashboard's words for relaunch, rerun of failed replicas, and launch profiles (text.ts holds the rest).

import { plural } from '../src/domain/plural.js';

const listed = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** The relaunch dialog and its flashes. */
export const RELAUNCH = {
  title: 'Relaunch',
  relaunchTitle: (subject: string) => `Launch ${subject} again?`,
  rerunTitle: (n: number, base: string, total: number) => `Rerun ${plural(n, 'failed replica')} of ${base} (of ${total})?`,
  kept: 'As it was launched (the daemon kept its launch):',
  rebuilt: 'Rebuilt from what the session shows:',
  kind: 'Kind',
  image: 'Image',
  name: 'Name',
  resources: 'Resources',
  command: 'Command',
  env: 'Env',
  replica: 'Replica',
  replicas: 'Replicas',
  flexible: 'flexible',
  fixed: (cores: number | undefined, ram: number | undefined, gpus: number | undefined) =>
    [cores !== undefined ? plural(cores, 'core') : null, ram !== undefined ? `${ram} GiB` : null, gpus ? plural(gpus, 'GPU') : null]
      .filter((p) => p !== null)
      .join(', '),
  replicaOf: (n: number, of: number) => `${n} of ${of} (REPLICA_ID=${n}, REPLICA_COUNT=${of})`,
  replicasOf: (numbers: readonly number[], of: number) => `${numbers.join(', ')} of ${of}, each with its REPLICA_ID`,
  unknown: (what: readonly string[]) =>
    `! Its ${listed(what)} could not be known: it was not launched through skaha-tui. Only the kind, image and fixed resources are repeated.`,
  tooLarge: '! Its command, arguments and environment were too long to keep.',
  redacted: (names: readonly string[], editable: boolean) =>
    `! ${listed(names)} ${names.length === 1 ? 'was' : 'were'} not kept (secret): ${editable ? 'press [e] to give it in the launch form' : 'give it from a shell with --env NAME=VALUE'}.`,
  registry: (configured: boolean) =>
    configured
      ? 'It used private-registry credentials: the configured ones are sent.'
      : '! It used private-registry credentials, which are never kept, and none are configured: press [e] to enter them.',
  shell: 'The same from a shell:',
  keys: (editable: boolean) => (editable ? '[y] launch   [e] edit in the launch form   [n] or Esc: no' : '[y] launch   [n] or Esc: no'),
  noFailed: (base: string, tally: string) => `no failed replicas in ${base} (${tally}): expand it (Enter) and press c on a session to launch one again`,
  notRelaunchable: (name: string, kind: string) => `${name} is a ${kind}: it cannot be launched on its own`,
  needsValues: (names: readonly string[]) => `${listed(names)} must be given again first: press e to edit`,
  needsValuesShell: (names: readonly string[], command: string) => `${listed(names)} must be given again: run ${command} --env NAME=VALUE from a shell`,
  needsRegistry: 'no registry credentials are configured: press e to enter them in the launch form',
  notEditable: 'a replica keeps its REPLICA_ID, which the launch form cannot set: press y, or use skaha-tui relaunch from a shell',
} as const;

/** The launch form's profile field, and its flashes. */
export const PROFILE = {
  saved: (names: readonly string[]) => `saved: ${names.join(', ')}`,
  noneSaved: 'no profiles saved yet',
  hint: 'Enter loads the profile named here; Ctrl-S saves the form under this name',
  loaded: (name: string) => `loaded profile ${name}`,
  savedAs: (name: string, file: string) => `saved the form as profile ${name} (${file})`,
  savedRedacted: (name: string, names: readonly string[]) => `saved profile ${name}; ${listed(names)} written as <redacted> (secrets are never saved)`,
  nameFirst: 'type a profile name in the Profile field first (↑ to the top of the form)',
  unknown: (name: string) => `no profile ${name}: Ctrl-S saves the form under this name`,
  broken: (name: string, message: string) => `profile ${name} cannot be used: ${message}`,
  failed: (message: string) => `could not save the profile: ${message}`,
} as const;
