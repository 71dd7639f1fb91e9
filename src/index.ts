/** Public surface of the skaha-tui library: domain types, errors and the Skaha API port. */
export * from './domain/session.js';
export * from './domain/platform.js';
export * from './domain/launch.js';
export * from './domain/errors.js';
export type * from './ports/skaha-api.js';
