// The CLI's sentences about job files, profiles, relaunch, reruns and dry runs (text.ts holds the rest).

import { plural } from '../domain/plural.js';

const listed = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** Messages of launch -f/--profile/--print/--save-profile, relaunch, profiles and --dry-run. */
export const JOB_TEXT = {
  missingKind: 'missing argument KIND: give KIND IMAGE, a job file (-f FILE) or a profile (--profile NAME)',
  missingImage: 'missing argument IMAGE: give KIND IMAGE, or an image in the job file or profile',
  fileAndProfile: 'give either a job file (-f) or a profile (--profile), not both',
  oneOutput: 'give at most one of --print, --dry-run and --save-profile',
  envFromShellMissing: (name: string) => `--env ${name} takes its value from your environment, but ${name} is not set there: give --env ${name}=VALUE`,
  secretNotKept: (name: string, where: string) =>
    `${name} has no value (${where} shows it as <redacted>: values of secret-looking variables are never kept) — give it with --env ${name}=VALUE, or --env ${name} to take it from your environment`,
  askSecret: (name: string) => `Value for ${name} (it was not kept; not shown as you type): `,
  registryNeeded: (what: string) =>
    `${what} uses private-registry credentials, which are never kept: configure them (SKAHA_REGISTRY_USERNAME and SKAHA_REGISTRY_SECRET, or "registry" in config.json), then run this again`,
  redactedInFile: (names: readonly string[]) =>
    `note: the value${names.length === 1 ? ' of' : 's of'} ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} written as <redacted> (secrets are never written to a job file): give ${names.length === 1 ? 'it' : 'them'} with --env NAME=VALUE when you launch`,
  profileSaved: (name: string, file: string) => `Saved profile '${name}' in ${file}. Launch it with: skaha-tui launch --profile ${name}`,
  noProfiles: (dir: string) => `No saved profiles in ${dir}. Save one with: skaha-tui launch KIND IMAGE … --save-profile NAME`,
  profileColumns: ['PROFILE', 'KIND', 'IMAGE', 'RESOURCES', 'REPLICAS', 'NAME'],
  profileBroken: (message: string) => `(cannot be used: ${message})`,
  flexible: 'flexible',
  notRelaunchable: (id: string, kind: string) => `session ${id} is a ${kind}: it cannot be launched on its own (app launch attaches one to a desktop)`,
  couldNotKnow: (subject: string, what: readonly string[], daemon: boolean) =>
    `${subject} was not launched through the skaha-tui daemon${daemon ? '' : ' (or no daemon was there to ask)'}, so its ${listed(what)} could not be known: ` +
    'the relaunch has only its kind, image and fixed resources — give the rest with --env and -- CMD ARGS, or use a job file',
  tooLargeToKnow: (subject: string) =>
    `${subject}: its command, arguments and environment were too long for the daemon to keep: give them with --env and -- CMD ARGS`,
  replicaNote: (id: string, replica: number, of: number, name: string) =>
    `note: session ${id} is replica ${replica} of ${of} of ${name}: it runs again with REPLICA_ID=${replica} and REPLICA_COUNT=${of}`,
  printWholeArray: (subject: string, of: number) => `note: ${subject} is one replica of ${of}: the job file describes all ${of}`,
  noGroup: (group: string) => `no replica group ${group}: give a group's name or one of its sessions' ids (skaha-tui ps --all lists them)`,
  ambiguousGroup: (group: string, choices: readonly string[]) =>
    `${group} names ${choices.length} replica groups: give one of their sessions' ids instead (${choices.join('; ')})`,
  groupChoice: (total: number, id: string, statuses: string) => `${total} replicas with ${id}: ${statuses}`,
  noFailed: (base: string, tally: string) => `No failed replicas in ${base} (${tally}): nothing to rerun.`,
  rerunning: (base: string, replicas: readonly number[], total: number) =>
    `Rerunning ${plural(replicas.length, 'failed replica')} of ${base} (of ${total}): ${replicas.join(', ')}`,
  failedWithReplicas: '--failed reruns the failed replicas with their own numbers: leave out --replicas',
  dryRunHeader: (count: number, what: string) => `Dry run: ${what} is valid; it would send ${plural(count, 'request')} (nothing was sent):`,
  dryRunNothing: (what: string) => `Dry run: ${what}; nothing would be sent.`,
  viaDaemon: '(through the skaha-tui daemon, which sends these requests with its own connection)',
  clientCertificate: '(client certificate)',
} as const;
