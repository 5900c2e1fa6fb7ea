/**
 * A store box's MQTT connection without the edge (mqtt.js, MQTT 5, the store's certificate):
 * for the ACL tests and for publishing a log's events as often and in whatever order a test wants.
 */
import { readFileSync } from 'node:fs';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { Certs } from './certs.js';

export function tlsOptions(certs: Certs, identity: { cert: string; key: string } | undefined): IClientOptions {
  return {
    ca: readFileSync(certs.ca),
    ...(identity ? { cert: readFileSync(identity.cert), key: readFileSync(identity.key) } : {}),
  };
}

/** A client of `storeId` (its certificate), or of the cloud relay's identity with `'relay'`. */
export async function connectAs(
  url: string,
  certs: Certs,
  who: string | 'relay',
  options: IClientOptions = {},
): Promise<MqttClient> {
  const identity = who === 'relay' ? certs.relay : certs.store(who);
  return mqtt.connectAsync(url, {
    protocolVersion: 5,
    clientId: `test-${who}-${Math.random().toString(36).slice(2, 8)}`,
    reconnectPeriod: 0,
    connectTimeout: 5_000,
    ...tlsOptions(certs, identity),
    ...options,
  });
}
