/** The websocket protocol between the daemon and its clients: frames, codec, requests, topics, state patches. */
export * from './version.js';
export * from './messages/hello.js';
export * from './messages/welcome.js';
export * from './messages/refused.js';
export * from './messages/request.js';
export * from './messages/response.js';
export * from './messages/event.js';
export * from './requests.js';
export * from './topics.js';
export * from './patch.js';
export * from './make-patch.js';
export * from './apply-patch.js';
export * from './history-result.js';
export * from './daemon-metrics.js';
export * from './state-check.js';
export * from './codec.js';
