/**
 * `node cloud-relay/dist/publish-cli.js --store demo-store --file menu.json`: publish a store's
 * configuration through a running cloud relay's admin API. The file holds any of `catalog` (a
 * commerce catalog), `rules` (pricing rules: published as the promotions, tax and loyalty kinds)
 * and `stations` (`{stations, defaultStation}`), e.g. docs/examples/pricing-us-store.json. Each
 * kind is checked by the relay with the core's validators and published as its next version (or
 * `--version`); a refusal is printed with its reason and the exit status is 1.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { PricingRulesInput } from '@tillbox/core';
import { rulesDocuments } from './configuration/store-config.js';

const usage =
  'usage: publish-cli --store <id> --file <json> [--kinds catalog,promotions,tax,loyalty,stations] [--version <n>] [--url http://127.0.0.1:8090] [--token <admin token>]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      store: { type: 'string' },
      file: { type: 'string' },
      kinds: { type: 'string' },
      version: { type: 'string' },
      url: { type: 'string', default: process.env.TILLBOX_CLOUD_URL ?? 'http://127.0.0.1:8090' },
      token: { type: 'string', default: process.env.TILLBOX_CLOUD_ADMIN_TOKEN ?? '' },
    },
  });
  if (!values.store || !values.file) {
    console.error(usage);
    return 64; // EX_USAGE
  }
  const input = JSON.parse(readFileSync(values.file, 'utf8')) as {
    catalog?: unknown;
    rules?: PricingRulesInput;
    stations?: unknown;
  };
  const documents: Record<string, unknown> = {
    ...(input.catalog !== undefined ? { catalog: input.catalog } : {}),
    ...(input.rules !== undefined ? rulesDocuments(input.rules) : {}),
    ...(input.stations !== undefined ? { stations: input.stations } : {}),
  };
  const wanted = values.kinds ? values.kinds.split(',') : Object.keys(documents);
  const version = values.version === undefined ? undefined : Number(values.version);
  let failed = false;
  for (const kind of wanted) {
    if (!(kind in documents)) {
      console.error(`${values.file} has nothing for the ${kind} kind`);
      failed = true;
      continue;
    }
    const res = await fetch(`${values.url}/api/v1/admin/stores/${values.store}/config/${kind}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(values.token ? { authorization: `Bearer ${values.token}` } : {}),
      },
      body: JSON.stringify({ document: documents[kind], ...(version !== undefined ? { version } : {}) }),
    });
    const body = (await res.json()) as { version?: number; state?: string; error?: { message: string } };
    if (res.ok) console.log(`${values.store} ${kind} version ${body.version}: ${body.state}`);
    else {
      console.error(`${values.store} ${kind}: ${body.error?.message ?? res.statusText}`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
