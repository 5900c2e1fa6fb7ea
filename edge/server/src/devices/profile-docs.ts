/**
 * The hardware profile's reference, generated from its schema like the settings page:
 * `firmware-config/PROFILE.md` (every field of every role with its default and description, the
 * drivers, the USB fingerprints) and `firmware-config/hardware-profile.schema.json` (for editors:
 * profiles name it in `$schema`). `npm run docs:hardware` writes both; a test fails while either
 * is not what the schema makes.
 */
import {
  CODE_PAGES,
  DRIVERS,
  hardwareProfileSchema,
  hex4,
  USB_FINGERPRINTS,
  cashDrawerSchema,
  customerDisplaySchema,
  kitchenPrinterSchema,
  paymentTerminalSchema,
  receiptPrinterSchema,
  scannerSchema,
} from '@tillbox/core';
import { z } from 'zod';

interface JsonSchemaNode {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchemaNode[];
  default?: unknown;
  description?: string;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  items?: JsonSchemaNode;
  minimum?: number;
  maximum?: number;
}

const ROLE_SCHEMAS = [
  ['receipt-printer', receiptPrinterSchema],
  ['kitchen-printer', kitchenPrinterSchema],
  ['scanner', scannerSchema],
  ['cash-drawer', cashDrawerSchema],
  ['payment-terminal', paymentTerminalSchema],
  ['customer-display', customerDisplaySchema],
] as const;

function typeOf(node: JsonSchemaNode): string {
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
  if (node.enum)
    return node.enum.length > 6 ? 'code page (below)' : node.enum.map((e) => `\`${String(e)}\``).join(' \\| ');
  if (node.anyOf) return node.anyOf.map(typeOf).join(' \\| ');
  if (node.type === 'array') return `list of ${node.items ? typeOf(node.items) : 'values'}`;
  if (node.type === 'object') return 'object';
  if (node.type === 'integer' || node.type === 'number')
    return node.minimum !== undefined && node.maximum !== undefined ? `${node.minimum}–${node.maximum}` : 'number';
  return node.type ?? 'value';
}

function rows(node: JsonSchemaNode, prefix = ''): string[] {
  const out: string[] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const name = prefix + key;
    const required = node.required?.includes(key) ?? false;
    const def = child.default === undefined ? (required ? 'required' : '—') : `\`${JSON.stringify(child.default)}\``;
    out.push(`| \`${name}\` | ${typeOf(child)} | ${def} | ${(child.description ?? '').replace(/\|/g, '\\|')} |`);
    if (child.type === 'object' && child.properties) out.push(...rows(child, `${name}.`));
  }
  return out;
}

/** `firmware-config/PROFILE.md`. */
export function hardwareProfileMarkdown(): string {
  const sections = ROLE_SCHEMAS.map(([role, schema]) => {
    const node = z.toJSONSchema(schema, { io: 'input' }) as JsonSchemaNode;
    return [
      `### \`${role}\``,
      '',
      '| field | type | default | description |',
      '| --- | --- | --- | --- |',
      ...rows(node).filter((r) => !r.startsWith('| `role`')),
      '',
    ].join('\n');
  });
  const drivers = Object.entries(DRIVERS).map(
    ([name, d]) =>
      `| \`${name}\` | ${d.roles.join(', ')} | ${d.connections.join(', ')} | ${d.built ? 'yes' : 'not yet'} | ${d.description} |`,
  );
  const fingerprints = USB_FINGERPRINTS.map(
    (f) =>
      `| ${f.vendor} | ${f.model} | \`${hex4(f.vendorId)}\` | ${f.productId === undefined ? `any (interface class ${f.interfaceClass})` : `\`${hex4(f.productId)}\``} | ${f.role} | \`${f.driver}\` | ${f.confidence}${f.source ? `: ${f.source}` : ''} |`,
  );
  return [
    '# Hardware profile reference',
    '',
    'Generated from the profile schema (`edge/core/src/devices/`) by `npm run docs:hardware`; do not edit by hand.',
    'How profiles are used: [README.md](README.md).',
    '',
    'A profile is a JSON object: `version` (1), `name`, and `devices`, a list of devices. Each device has an `id`,',
    'a `role`, a `driver` and a `connection`, and the fields of its role below.',
    '',
    '## Connections',
    '',
    '| written | means |',
    '| --- | --- |',
    '| `usb:04b8:0e15` | the USB device with vendor id 0x04b8 and product id 0x0e15 (hex, as `lsusb` shows them) |',
    '| `usb:04b8:0e15:X5ZK012345` | the same, the one with this serial number (two of one model) |',
    '| `tcp:192.168.1.50:9100` | a network device at host and port (`tcp:192.168.1.50` is port 9100) |',
    '| `file:/dev/usb/lp0` | a device file the kernel made (usblp, a parallel port) |',
    "| `serial:/dev/ttyUSB0@9600` | a serial port and baud rate (9600 when left out): printers and pole displays, written like a device file and never read (no status); only 9600 baud, Linux's default for a port, is driven (another shows the device in error) |",
    "| `virtual` | the store box's own twin of the device, speaking the same wire format |",
    '| `printer` | a cash drawer: through the printer it is plugged into (the default for drawers) |',
    '',
    '## Fields by role',
    '',
    ...sections,
    `Code pages: ${CODE_PAGES.map((c) => `\`${c}\``).join(', ')}.`,
    '',
    '## Drivers',
    '',
    '| driver | roles | connections | built | what it drives |',
    '| --- | --- | --- | --- | --- |',
    ...drivers,
    '',
    '## USB fingerprints',
    '',
    'Plugged-in USB devices the store box recognises (the admin screen lists them with a suggested profile entry).',
    '`published`: the ids appear in public driver lists or device dumps; `vendor`: only the vendor id is certain —',
    'check `lsusb` and write the ids you see. Scanners change their product id with their interface mode.',
    '',
    '| vendor | model | vendor id | product id | role | driver | how sure |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...fingerprints,
    '',
  ].join('\n');
}

/** `firmware-config/hardware-profile.schema.json`. */
export function hardwareProfileJsonSchema(): string {
  const schema = z.toJSONSchema(hardwareProfileSchema, { io: 'input' });
  return JSON.stringify({ ...schema, title: 'Tillbox hardware profile' }, null, 2) + '\n';
}
