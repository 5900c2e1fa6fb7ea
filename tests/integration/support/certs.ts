/**
 * The chain's certificates for a test run, made by the deploy script itself
 * (deploy/cloud/make-certs.sh): a CA, the broker's certificate for 127.0.0.1, the cloud relay's
 * and one per store (CN = the store id, which the broker's ACL reads as the user name).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from '../../support/edge-process.js';

export interface Certs {
  dir: string;
  ca: string;
  /** The cloud relay's client certificate and key. */
  relay: { cert: string; key: string };
  /** A store's client certificate and key. */
  store(storeId: string): { cert: string; key: string };
}

export function makeCerts(dir: string, storeIds: readonly string[]): Certs {
  execFileSync('bash', [join(REPO, 'deploy/cloud/make-certs.sh'), dir, ...storeIds], {
    env: { ...process.env, BROKER_HOSTS: 'localhost 127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return {
    dir,
    ca: join(dir, 'ca.crt'),
    relay: { cert: join(dir, 'cloud-relay.crt'), key: join(dir, 'cloud-relay.key') },
    store: (id) => ({ cert: join(dir, 'stores', `${id}.crt`), key: join(dir, 'stores', `${id}.key`) }),
  };
}
