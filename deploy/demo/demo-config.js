// @ts-check
/**
 * The demo store's configuration, published from the cloud relay so it can take online orders:
 * the cloud prices a cart only with a menu, promotions and tax it published itself. The
 * documents are the edge's own demo catalog and rules (the built `edge/server/dist/catalog/`),
 * split into the configuration kinds as `publish-cli` splits a file (`rulesDocuments`), sent
 * through the cloud relay's admin API (the same path as `publish-cli`).
 *
 * A kind is published only when the store does not already run a version of it that the cloud
 * published, and then above both the store's version and the cloud's last one, so a store box or
 * a cloud database that was reset on its own still takes it. Each publication is followed until
 * the store answers: active, or refused with the store's reason.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const KINDS = /** @type {const} */ (['catalog', 'promotions', 'tax', 'loyalty']);

/**
 * @param {string} repo the checkout (its built dist folders)
 * @returns {Promise<Record<string, unknown>>} each kind's document
 */
async function demoDocuments(repo) {
  const load = (/** @type {string} */ path) => import(pathToFileURL(join(repo, path)).href);
  const [{ demoCatalog }, { demoRules }, { rulesDocuments }] = await Promise.all([
    load('edge/server/dist/catalog/demo-catalog.js'),
    load('edge/server/dist/catalog/demo-rules.js'),
    load('cloud-relay/dist/configuration/store-config.js'),
  ]);
  return { catalog: demoCatalog, ...rulesDocuments(demoRules) };
}

/**
 * @param {string} url
 * @param {{ token: string, method?: string, body?: unknown }} options
 * @returns {Promise<any>} the JSON answer (any: the launcher reads a few fields it checks itself)
 */
async function call(url, { token, method = 'GET', body }) {
  const res = await fetch(url, {
    method,
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`${method} ${url}: ${json?.error?.message ?? res.statusText}`);
  return json;
}

/**
 * Publish what the store lacks and wait for its answers.
 * @param {{ repo: string, cloudUrl: string, storeId: string, token: string, log: (line: string) => void, timeoutMs?: number }} o
 * @returns {Promise<boolean>} true when every kind is active at the store
 */
export async function publishDemoConfig(o) {
  const api = `${o.cloudUrl}/api/v1/admin/stores`;
  const { stores } = await call(`${api}?limit=1000`, { token: o.token });
  const store = stores.find((/** @type {{ id: string }} */ s) => s.id === o.storeId);
  /** @type {Record<string, number>} */
  const running = store?.state?.config ?? {};
  const { versions } = await call(`${api}/${o.storeId}/config`, { token: o.token });
  /** @type {{ kind: string, version: number, state: string, reason?: string }[]} */
  const known = versions;
  const documents = await demoDocuments(o.repo);
  /** @type {Map<string, number>} */
  const sent = new Map();
  for (const kind of KINDS) {
    const ofKind = known.filter((v) => v.kind === kind);
    const runs = running[kind] ?? 0;
    if (runs > 0 && ofKind.some((v) => v.version === runs && v.state === 'active')) continue;
    const version = Math.max(runs, ...ofKind.map((v) => v.version), 0) + 1;
    const published = await call(`${api}/${o.storeId}/config/${kind}`, {
      token: o.token,
      method: 'POST',
      body: { document: documents[kind], version },
    });
    sent.set(kind, published.version);
    o.log(`published the demo ${kind} to ${o.storeId} as version ${published.version}`);
  }
  if (sent.size === 0) {
    o.log(`${o.storeId} runs the cloud's menu, promotions, tax and loyalty already`);
    return true;
  }
  const until = Date.now() + (o.timeoutMs ?? 20_000);
  for (;;) {
    const { versions: now } = await call(`${api}/${o.storeId}/config`, { token: o.token });
    /** @type {{ kind: string, version: number, state: string, reason?: string }[]} */
    const answered = now.filter(
      (/** @type {{ kind: string, version: number, state: string }} */ v) =>
        sent.get(v.kind) === v.version && v.state !== 'pending',
    );
    if (answered.length === sent.size) {
      const refused = answered.filter((v) => v.state !== 'active');
      for (const v of refused) o.log(`the store refused the ${v.kind} version ${v.version}: ${v.reason ?? ''}`);
      return refused.length === 0;
    }
    if (Date.now() > until) {
      o.log(`${o.storeId} has not answered every configuration version yet; online ordering waits for it`);
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
