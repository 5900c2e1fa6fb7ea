/** `npm run docs:security`: put the core's permission table into docs/security.md between its markers. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { permissionTableMarkdown } from '@tillbox/core';
import { REPO } from './edge-process.js';

const path = join(REPO, 'docs', 'security.md');
const doc = readFileSync(path, 'utf8');
const next = doc.replace(
  /(<!-- permission-table:start -->\n)[\s\S]*?(\n<!-- permission-table:end -->)/,
  (_m, start: string, end: string) => `${start}${permissionTableMarkdown()}${end}`,
);
if (next === doc) console.log('docs/security.md already shows the table');
else {
  writeFileSync(path, next);
  console.log('docs/security.md updated');
}
