/** Public surface of the skaha-tui library: the Skaha v1 client, connection resolution, launch validation, the simulator, and the domain types and errors. */
export * from './domain/session.js';
export * from './domain/platform.js';
export * from './domain/launch.js';
export * from './domain/errors.js';
export type * from './ports/skaha-api.js';
export type * from './ports/clock.js';
export type * from './ports/logger.js';
export type * from './config/connection.js';
export { SkahaClient } from './client/skaha-client.js';
export { LogBytes } from './domain/log-bytes.js';
export { validateLaunch, isLaunchableKind, MAX_NAME_LENGTH, MAX_REPLICAS, type ValidatedLaunch } from './domain/validate-launch.js';
export { normaliseImage } from './domain/normalise-image.js';
export { limitConcurrency, type Limiter } from './client/limit-concurrency.js';
export { resolveConnection, type ConnectionFlags, type ResolveOptions } from './config/resolve-connection.js';
export { createConnection, type ConnectionOptions } from './config/create-connection.js';
export { resolvePaths, type Paths } from './config/paths.js';
export { startSimulator, seedDemo } from './sim/index.js';
export type { SimulatorOptions, RunningSimulator, SeedSessionSpec, SimFaults } from './sim/index.js';
