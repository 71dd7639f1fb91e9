import { AppError } from './errors.js';

/**
 * The error for an id that is not one of the user's sessions (checked against the listing: Skaha
 * answers 200 to a delete or renew of any id, and empty logs for it). The id is quoted when it holds
 * anything but the id rule's characters, and cut to 64.
 */
export function noSessionError(id: string): AppError {
  const shown = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : JSON.stringify(id.slice(0, 64));
  return new AppError('SKAHA_NOT_FOUND', `no session ${shown}: it is not one of your sessions (skaha-tui ps --all lists them)`);
}
