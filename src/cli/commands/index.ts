import type { CommandHandler } from '../command-context.js';

/** Loads a command's handler on demand, so each invocation imports only what it runs. */
export async function loadHandler(name: string): Promise<CommandHandler> {
  switch (name) {
    case 'ps':
      return (await import('./ps.js')).psCommand;
    case 'info':
      return (await import('./info.js')).infoCommand;
    case 'launch':
      return (await import('./launch.js')).launchCommand;
    case 'relaunch':
      return (await import('./relaunch.js')).relaunchCommand;
    case 'profiles':
      return (await import('./profiles.js')).profilesCommand;
    case 'delete':
      return (await import('./delete.js')).deleteCommand;
    case 'renew':
      return (await import('./renew.js')).renewCommand;
    case 'prune':
      return (await import('./prune.js')).pruneCommand;
    case 'open':
      return (await import('./open.js')).openCommand;
    case 'watch':
      return (await import('./watch.js')).watchCommand;
    case 'logs':
      return (await import('./logs.js')).logsCommand;
    case 'events':
      return (await import('./logs.js')).eventsCommand;
    case 'apps':
      return (await import('./apps.js')).appsCommand;
    case 'app':
      return (await import('./apps.js')).appCommand;
    case 'stats':
      return (await import('./platform.js')).statsCommand;
    case 'images':
      return (await import('./platform.js')).imagesCommand;
    case 'context':
      return (await import('./platform.js')).contextCommand;
    case 'usage':
      return (await import('./usage.js')).usageCommand;
    case 'storage':
      return (await import('./storage.js')).storageCommand;
    default:
      throw new Error(`no handler for command '${name}'`);
  }
}
