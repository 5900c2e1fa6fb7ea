/** The MQTT relay's topic tree and payloads, shared by the edge and the cloud relay (docs/mqtt.md). */
export * from './payloads.js';
export * from './topics.js';
export * from './status.js';
export * from './store-config.js';
