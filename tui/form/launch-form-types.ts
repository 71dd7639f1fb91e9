import type { LaunchableKind, Session } from '../../src/domain/session.js';
import type { Image, ResourceContext } from '../../src/domain/platform.js';
import type { LaunchRecord } from '../../src/state/state.js';

/** One field of the form. */
export type FormField =
  'profile' | 'kind' | 'image' | 'name' | 'resources' | 'cores' | 'ram' | 'gpus' | 'cmd' | 'args' | 'env' | 'replicas' | 'registryUser' | 'registrySecret';

/** What the form holds while the user fills it. */
export interface LaunchForm {
  /** The profile name typed at the top: Enter there loads it, Ctrl-S saves the form under it. */
  profile: string;
  /** The saved profiles' names, once read from the config folder (null until then). */
  profiles: string[] | null;
  kind: LaunchableKind;
  image: string;
  /** The image suggestion moved to with ↓/↑, or -1 while typing (the first is highlighted then). */
  imagePick: number;
  /** Where the cursor is in the focused text field (code points); null: at its end. */
  cursor: number | null;
  name: string;
  /** The user typed a name (so changing the kind no longer re-suggests one). */
  nameTouched: boolean;
  fixed: boolean;
  cores: number | null;
  ram: number | null;
  gpus: number;
  cmd: string;
  args: string;
  env: string;
  replicas: string;
  registryUser: string;
  registrySecret: string;
  focus: FormField;
  submitting: boolean;
  /** The daemon's or the platform's error for the last submit, verbatim. */
  serverError: string | null;
  /** A submit was tried: show every field error, not only those of touched fields. */
  attempted: boolean;
}

/** What the form needs from the daemon state to offer choices. */
export interface FormEnv {
  context: ResourceContext | null;
  images: readonly Image[] | null;
  sessions: readonly Session[];
  launches: readonly LaunchRecord[];
  /** The daemon's connection has private-registry credentials (images outside the catalogue may be launched). */
  registry?: boolean;
}
