/**
 * The relay bench's bare publisher in a process of its own, started fresh for each run as the edge
 * is: mqtt.js (MQTT 5) with the store's certificate, the payloads of a file handed to it all at once
 * at QoS 1, then it waits for every PUBACK and exits. Written by `relay-drain.ts`; the file holds the
 * payloads, each as a 4-byte big-endian length and its bytes.
 *
 * Arguments: a JSON object {url, ca, cert, key, topic, file}.
 */
import { readFileSync } from 'node:fs';
import mqtt from 'mqtt';

interface Job {
  url: string;
  ca: string;
  cert: string;
  key: string;
  topic: string;
  file: string;
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
const bytes = readFileSync(job.file);
const payloads: Buffer[] = [];
for (let at = 0; at < bytes.length;) {
  const length = bytes.readUInt32BE(at);
  payloads.push(bytes.subarray(at + 4, at + 4 + length));
  at += 4 + length;
}
const client = await mqtt.connectAsync(job.url, {
  protocolVersion: 5,
  clientId: `bench-bare-${process.pid}`,
  reconnectPeriod: 0,
  connectTimeout: 5_000,
  ca: readFileSync(job.ca),
  cert: readFileSync(job.cert),
  key: readFileSync(job.key),
});
await Promise.all(payloads.map((p) => client.publishAsync(job.topic, p, { qos: 1 })));
await client.endAsync();
