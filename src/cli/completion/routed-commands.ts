import { CLI_LOG_LEVELS } from '../command-specs.js';

/** How to complete a command the binary routes outside src/cli: its subcommands, flags, and options that take a value. */
export interface RoutedCompletion {
  subcommands: readonly string[];
  flags: readonly string[];
  /** Option → its values, 'files' for a path, 'any' for free text. */
  valueOptions: Readonly<Record<string, readonly string[] | 'files' | 'any'>>;
}

const connection = { '--url': 'any', '--token': 'any', '--cert': 'files' } as const;

/** The routed commands' words (tests check them against each command's own usage text). */
export const ROUTED_COMPLETION: Readonly<Record<string, RoutedCompletion>> = Object.assign(Object.create(null) as Record<string, RoutedCompletion>, {
  daemon: {
    subcommands: ['start', 'stop', 'restart', 'status', 'install', 'uninstall'],
    flags: ['--json', '--print', '--force', '-v', '--help'],
    valueOptions: { '--listen': 'any', '--log-level': CLI_LOG_LEVELS, ...connection },
  },
  doctor: { subcommands: [], flags: ['--json', '--help'], valueOptions: connection },
  sim: {
    subcommands: [],
    flags: ['--no-gpu', '--seed-demo', '-v', '--verbose', '--help'],
    valueOptions: {
      '--port': 'any',
      '--host': 'any',
      '--speed': 'any',
      '--seed': 'any',
      '--max-sessions': 'any',
      '--headless-seconds': 'any',
      '--user': 'any',
      '--sessions-host': 'any',
      '--fault': 'any',
      '--oidc-access-seconds': 'any',
      '--oidc-login-seconds': 'any',
      '--canfar-config': 'files',
      '--storage-used': 'any',
      '--storage-quota': 'any',
      '--storage-service': ['arc', 'cavern', 'none'],
    },
  },
  demo: { subcommands: [], flags: ['--help'], valueOptions: { '--speed': 'any', '--seed': 'any' } },
  completion: { subcommands: ['bash', 'zsh', 'fish'], flags: ['--help'], valueOptions: {} },
});
