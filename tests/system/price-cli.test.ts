/** `npm run price -- FILE.json` as support staff would run it: the documented examples, and bad input. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/edge-process.js';

function price(file: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'tests', 'price-cli.ts'), file], {
    cwd: REPO,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run price', () => {
  it('prices the US sales-tax example as docs/pricing.md says', () => {
    const r = price(join(REPO, 'docs', 'examples', 'pricing-us-store.json'));
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as {
      totals: { subtotal: number; discount: number; tax: number; total: number };
      applied: { explanation: string }[];
    };
    // docs/pricing.md: subtotal 3889, discounts 888, tax 146, total 3147
    expect(result.totals).toMatchObject({ subtotal: 3889, discount: 888, tax: 146, total: 3147 });
    expect(result.applied.map((a) => a.explanation).join('\n')).toMatch(/Happy hour/);
  });

  it('refuses bad input with a reason and exit code 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillbox-price-'));
    try {
      const notJson = join(dir, 'broken.json');
      writeFileSync(notJson, '{ "catalog": ');
      const a = price(notJson);
      expect(a.status).toBe(2);
      expect(a.stderr).toMatch(/not valid JSON/);

      const badRate = join(dir, 'bad-rate.json');
      const doc = JSON.parse(readFileSync(join(REPO, 'docs', 'examples', 'pricing-us-store.json'), 'utf8')) as {
        rules: { tax: { jurisdictions: { rates: { ratePpm: number }[] }[] } };
      };
      const rate = doc.rules.tax.jurisdictions[0]?.rates[0];
      if (rate) rate.ratePpm = 1_500_000; // 150%
      writeFileSync(badRate, JSON.stringify(doc));
      const b = price(badRate);
      expect(b.status).toBe(2);
      expect(b.stderr).toMatch(/ny-state/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
