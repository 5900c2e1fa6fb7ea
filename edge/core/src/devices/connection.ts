/**
 * How a device is reached, written as one string in a hardware profile:
 *
 * | written | means |
 * | --- | --- |
 * | `usb:04b8:0e15` | the USB device with vendor id 0x04b8 and product id 0x0e15 (hex) |
 * | `usb:04b8:0e15:X5ZK012345` | the same, the one with this serial number (two of one model) |
 * | `tcp:192.168.1.50:9100` | a network device at host and port (`tcp:192.168.1.50` is port 9100) |
 * | `file:/dev/usb/lp0` | a device file the kernel's driver made (usblp, a parallel port) |
 * | `serial:/dev/ttyUSB0@9600` | a serial port at a baud rate (9600 when left out) |
 * | `virtual` | the store box's own twin of the device, speaking the same wire format |
 * | `printer` | a cash drawer: through the printer it is plugged into |
 * | `screen` | a screen the store box serves (a browser paired as a device): it connects itself |
 */
import { z } from 'zod';

export type Connection =
  | { readonly kind: 'usb'; readonly vendorId: number; readonly productId: number; readonly serial?: string }
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'serial'; readonly path: string; readonly baud: number }
  | { readonly kind: 'virtual' }
  | { readonly kind: 'printer' }
  | { readonly kind: 'screen' };
export type ConnectionKind = Connection['kind'];

export const CONNECTION_KINDS = ['usb', 'tcp', 'file', 'serial', 'virtual', 'printer', 'screen'] as const;

const HEX4 = /^[0-9a-f]{4}$/i;
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const SERIAL_NUMBER = /^[\x21-\x7e]{1,64}$/;
const BAUDS = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;
export const DEFAULT_TCP_PORT = 9100;

/** The connection written as `text`, or the reason it cannot be read. */
export function parseConnection(text: string): { ok: true; connection: Connection } | { ok: false; message: string } {
  const fail = (message: string) => ({ ok: false as const, message });
  const ok = (connection: Connection) => ({ ok: true as const, connection });
  if (text === 'virtual') return ok({ kind: 'virtual' });
  if (text === 'printer') return ok({ kind: 'printer' });
  if (text === 'screen') return ok({ kind: 'screen' });
  const colon = text.indexOf(':');
  const scheme = colon < 0 ? text : text.slice(0, colon);
  const rest = colon < 0 ? '' : text.slice(colon + 1);
  switch (scheme) {
    case 'usb': {
      const [vendor = '', product = '', ...serialParts] = rest.split(':');
      if (!HEX4.test(vendor) || !HEX4.test(product))
        return fail(`"${text}": write usb:VVVV:PPPP with the vendor and product ids in hex, as lsusb shows them`);
      const serial = serialParts.join(':');
      if (serialParts.length > 0 && !SERIAL_NUMBER.test(serial))
        return fail(`"${text}": the serial number after the product id must be 1 to 64 printable characters`);
      return ok({
        kind: 'usb',
        vendorId: parseInt(vendor, 16),
        productId: parseInt(product, 16),
        ...(serialParts.length > 0 ? { serial } : {}),
      });
    }
    case 'tcp': {
      const m = /^([^:]+)(?::(\d{1,5}))?$/.exec(rest);
      const host = m?.[1] ?? '';
      const port = m?.[2] === undefined ? DEFAULT_TCP_PORT : Number(m[2]);
      if (!m || !HOST.test(host) || host.length > 253)
        return fail(`"${text}": write tcp:HOST:PORT, e.g. tcp:192.168.1.50:9100`);
      if (port < 1 || port > 65535) return fail(`"${text}": the port must be from 1 to 65535`);
      return ok({ kind: 'tcp', host: host.toLowerCase(), port });
    }
    case 'file':
      if (!rest.startsWith('/') || rest.length > 256 || /[\0\n]/.test(rest))
        return fail(`"${text}": write file: and an absolute path, e.g. file:/dev/usb/lp0`);
      return ok({ kind: 'file', path: rest });
    case 'serial': {
      const at = rest.lastIndexOf('@');
      const path = at < 0 ? rest : rest.slice(0, at);
      const baud = at < 0 ? 9600 : Number(rest.slice(at + 1));
      if (!path.startsWith('/') || path.length > 256 || /[\0\n]/.test(path))
        return fail(`"${text}": write serial: and the port's path, e.g. serial:/dev/ttyUSB0@9600`);
      if (!(BAUDS as readonly number[]).includes(baud))
        return fail(`"${text}": the baud rate must be one of ${BAUDS.join(', ')}`);
      return ok({ kind: 'serial', path, baud });
    }
    default:
      return fail(`"${text}": a connection starts with usb:, tcp:, file: or serial:, or is virtual, printer or screen`);
  }
}

/** The connection as it is written in a profile. */
export function formatConnection(c: Connection): string {
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  switch (c.kind) {
    case 'usb':
      return `usb:${hex(c.vendorId)}:${hex(c.productId)}${c.serial === undefined ? '' : `:${c.serial}`}`;
    case 'tcp':
      return `tcp:${c.host}:${c.port}`;
    case 'file':
      return `file:${c.path}`;
    case 'serial':
      return `serial:${c.path}@${c.baud}`;
    default:
      return c.kind;
  }
}

/**
 * What two devices may not share: the same USB device (vendor, product and serial), host and
 * port, or path (a device file and a serial port of one path are one port). Virtual devices and
 * drawers on a printer share nothing. Two of one USB model of which one has no serial are one port
 * too ({@link samePort}).
 */
export function portOf(c: Connection): string | undefined {
  switch (c.kind) {
    case 'usb':
      return formatConnection(c);
    case 'tcp':
      return `tcp:${c.host}:${c.port}`;
    case 'file':
    case 'serial':
      return `path:${c.path}`;
    default:
      return undefined;
  }
}

export const connectionSchema = z
  .string()
  .max(300)
  .transform((text, ctx): Connection => {
    const parsed = parseConnection(text);
    if (parsed.ok) return parsed.connection;
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  })
  .describe(
    'usb:VVVV:PPPP[:SERIAL] (hex ids as lsusb shows them), tcp:HOST[:PORT] (9100 by default), file:/dev/…, serial:/dev/…[@BAUD], virtual, printer (a cash drawer on its printer), or screen (a browser paired with the store box)',
  );

/** Whether two connections reach the same device. */
export function samePort(a: Connection, b: Connection): boolean {
  if (a.kind === 'usb' && b.kind === 'usb')
    return (
      a.vendorId === b.vendorId &&
      a.productId === b.productId &&
      (a.serial === undefined || b.serial === undefined || a.serial === b.serial)
    );
  const port = portOf(a);
  return port !== undefined && port === portOf(b);
}
