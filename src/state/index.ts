/** The daemon state shared by the daemon and the dashboard: types, pure reducer, diff and history. */
export * from './state.js';
export * from './actions.js';
export * from './reduce.js';
export * from './history.js';
export * from './series.js';
export * from './tier-json.js';
export * from './revive.js';
export * from './usage.js';
export * from './launches.js';
export * from './health.js';
export * from './records.js';
export * from './events.js';
export * from './diff.js';
export * from './credential-events.js';
export * from './platform-events.js';
export * from './replicas.js';
export * from './derive-events.js';
