import { describe, expect, it } from 'vitest';
import { parseConnection } from './connection.js';
import type { HardwareDeviceInput, HardwareProfileInput } from './hardware-profile.js';
import { readHardwareProfile, type ProfileProblem, type StationPrinting } from './profile-check.js';

const STATIONS: StationPrinting[] = [
  { id: 'bar', printTickets: true },
  { id: 'kitchen', printTickets: true },
];

const good: HardwareDeviceInput[] = [
  {
    id: 'receipt',
    role: 'receipt-printer',
    driver: 'escpos',
    connection: 'usb:04b8:0e15',
    columns: 48,
    backup: 'kitchen-printer',
  },
  { id: 'bar-printer', role: 'kitchen-printer', driver: 'escpos', connection: 'tcp:192.168.1.50', stations: ['bar'] },
  {
    id: 'kitchen-printer',
    role: 'kitchen-printer',
    driver: 'star-line',
    connection: 'tcp:192.168.1.51:9100',
    stations: ['kitchen'],
    backup: 'bar-printer',
  },
  { id: 'drawer', role: 'cash-drawer', printer: 'receipt' },
  { id: 'scanner', role: 'scanner', driver: 'hid-pos', connection: 'usb:0c2e:0caa', screen: 'counter' },
];

const g = (i: number): HardwareDeviceInput => good[i] as HardwareDeviceInput;

function check(devices: HardwareDeviceInput[], stations: StationPrinting[] | null = STATIONS): ProfileProblem[] {
  const profile: HardwareProfileInput = { version: 1, name: 'test', devices };
  return readHardwareProfile(profile, stations ? { stations } : {}).problems;
}
const errors = (problems: ProfileProblem[]) => problems.filter((p) => p.severity === 'error');
const messages = (problems: ProfileProblem[]) => problems.map((p) => `${p.path}: ${p.message}`);

describe('hardware profile check', () => {
  it('finds nothing wrong with a store that has a printer for every printing station', () => {
    expect(check(good)).toEqual([]);
  });

  it('reads each connection into its parts (the drawer defaults to its printer)', () => {
    const { profile } = readHardwareProfile({ version: 1, name: 't', devices: good });
    expect(profile?.devices.map((d) => d.connection)).toEqual([
      { kind: 'usb', vendorId: 0x04b8, productId: 0x0e15 },
      { kind: 'tcp', host: '192.168.1.50', port: 9100 },
      { kind: 'tcp', host: '192.168.1.51', port: 9100 },
      { kind: 'printer' },
      { kind: 'usb', vendorId: 0x0c2e, productId: 0x0caa },
    ]);
    expect(profile?.devices[3]).toMatchObject({ driver: 'printer-kick', pin: 2, drawers: [] });
  });

  it('names an unknown driver, and a driver that does not serve the role or the connection', () => {
    const problems = check([
      { ...g(0), driver: 'epson-magic' } as HardwareDeviceInput,
      { id: 'scanner', role: 'scanner', driver: 'escpos', connection: 'virtual' },
      { id: 'display', role: 'customer-display', driver: 'hid-pos', connection: 'tcp:10.0.0.9:9100' },
      ...good.slice(1, 3),
    ]);
    expect(messages(errors(problems))).toEqual([
      expect.stringMatching(/^devices\.0\.driver: unknown driver "epson-magic" \(drivers: escpos, star-line/),
      'devices.1.driver: driver "escpos" drives receipt-printer or kitchen-printer, not a scanner',
      'devices.2.driver: driver "hid-pos" drives scanner, not a customer-display',
      'devices.2.connection: driver "hid-pos" cannot use a tcp connection (only usb, virtual)',
    ]);
  });

  it('names a station that prints tickets with no printer, and a printer for a station that does not exist', () => {
    const problems = check([g(0), { ...g(1), stations: ['grill'] } as HardwareDeviceInput, g(2), g(3)]);
    expect(messages(errors(problems))).toEqual([
      'devices.1.stations.0: "bar-printer" prints for station "grill", which is not a kitchen station (stations: bar, kitchen)',
      'devices: station "bar" prints tickets (printTickets) but no kitchen printer serves it',
    ]);
  });

  it('warns of a station with a printer that does not print tickets, and says nothing of stations when none are given', () => {
    const problems = check(good, [
      { id: 'bar', printTickets: false },
      { id: 'kitchen', printTickets: true },
    ]);
    expect(problems).toEqual([
      {
        severity: 'warning',
        path: 'devices',
        message: 'station "bar" has a kitchen printer but does not print tickets: turn on its printTickets setting',
      },
    ]);
    expect(check([{ ...g(1), stations: ['grill'] } as HardwareDeviceInput], null)).toEqual([]);
  });

  it('names two devices on one port: the same USB model without serials, one host and port, one path', () => {
    const problems = check([
      ...good,
      { id: 'second', role: 'kitchen-printer', driver: 'escpos', connection: 'usb:04b8:0e15', stations: ['bar'] },
      { id: 'net', role: 'kitchen-printer', driver: 'escpos', connection: 'tcp:192.168.1.50:9100', stations: ['bar'] },
      { id: 'lp', role: 'kitchen-printer', driver: 'escpos', connection: 'file:/dev/ttyS0', stations: ['bar'] },
      { id: 'pole', role: 'customer-display', driver: 'escpos-display', connection: 'serial:/dev/ttyS0' },
    ]);
    expect(messages(errors(problems))).toEqual([
      'devices.5.connection: "second" and "receipt" are both on usb:04b8:0e15 (two of one USB model need their serial numbers: usb:VVVV:PPPP:SERIAL)',
      'devices.6.connection: "net" and "bar-printer" are both on tcp:192.168.1.50:9100',
      'devices.8.connection: "pole" and "lp" are both on serial:/dev/ttyS0@9600',
    ]);
  });

  it('takes escpos and star-line printers on serial ports, and names two printers on one serial port', () => {
    const onSerial = (i: number, connection: string) => ({ ...g(i), connection }) as HardwareDeviceInput;
    expect(
      errors(check([onSerial(0, 'serial:/dev/ttyS0'), onSerial(1, 'serial:/dev/ttyUSB0@9600'), ...good.slice(2)])),
    ).toEqual([]);
    expect(
      errors(
        check([onSerial(0, 'serial:/dev/ttyUSB0'), good[1]!, onSerial(2, 'serial:/dev/ttyUSB0'), ...good.slice(3)]),
      ),
    ).toEqual([
      expect.objectContaining({
        path: 'devices.2.connection',
        message: '"kitchen-printer" and "receipt" are both on serial:/dev/ttyUSB0@9600',
      }),
    ]);
    // A driver without serial still refuses it.
    const scanner = good.findIndex((d) => d.id === 'scanner');
    expect(messages(errors(check(good.map((d, i) => (i === scanner ? onSerial(i, 'serial:/dev/ttyS1') : d)))))).toEqual(
      [`devices.${scanner}.connection: driver "hid-pos" cannot use a serial connection (only usb, virtual)`],
    );
  });

  it('lets two of one USB model apart by their serial numbers', () => {
    const problems = check([
      { ...g(0), connection: 'usb:04b8:0e15:X5ZK01' } as HardwareDeviceInput,
      {
        id: 'second',
        role: 'kitchen-printer',
        driver: 'escpos',
        connection: 'usb:04b8:0e15:X5ZK02',
        stations: ['bar'],
      },
      ...good.slice(1),
    ]);
    expect(errors(problems)).toEqual([]);
  });

  it('names a backup that does not exist, is not a printer, or is the printer itself', () => {
    const problems = check([
      { ...g(0), backup: 'nowhere' } as HardwareDeviceInput,
      { ...g(1), backup: 'scanner' } as HardwareDeviceInput,
      { ...g(2), backup: 'kitchen-printer' } as HardwareDeviceInput,
      g(3),
      g(4),
    ]);
    expect(messages(errors(problems))).toEqual([
      'devices.0.backup: backup "nowhere" is not a device of this profile',
      'devices.1.backup: backup "scanner" is a scanner, not a printer',
      'devices.2.backup: "kitchen-printer" cannot be its own backup',
    ]);
  });

  it('names a drawer on a printer that is not there, and two drawers on one pin', () => {
    const problems = check([
      ...good,
      { id: 'drawer-2', role: 'cash-drawer', printer: 'receipt' },
      { id: 'drawer-3', role: 'cash-drawer', printer: 'scanner', pin: 5 },
      { id: 'drawer-4', role: 'cash-drawer', printer: 'gone' },
    ]);
    expect(messages(errors(problems))).toEqual([
      'devices.5.pin: "drawer-2" and "drawer" are both on pin 2 of "receipt"',
      'devices.6.printer: "scanner" is a scanner, not a printer',
      'devices.7.printer: printer "gone" is not a device of this profile',
    ]);
  });

  it('names columns that do not fit the paper and duplicate ids', () => {
    const problems = check([
      { ...g(0), paperWidthMm: 58, columns: 48 } as HardwareDeviceInput,
      ...good.slice(1),
      { id: 'scanner', role: 'scanner', driver: 'keyboard-wedge', connection: 'virtual' },
      { id: 'display', role: 'customer-display', driver: 'escpos-display', connection: 'virtual' },
    ]);
    expect(messages(problems)).toEqual([
      'devices.5.id: two devices are called "scanner"',
      'devices.0.columns: 48 columns do not fit 58 mm paper (at most 42)',
    ]);
    expect(problems.map((p) => p.severity)).toEqual(['error', 'error']);
  });

  it('warns of a HID POS scanner that names no screen, a wedge that names one, and refuses an unknown screen', () => {
    const problems = check(
      [
        { id: 'box-scanner', role: 'scanner', driver: 'hid-pos', connection: 'virtual' },
        { id: 'wedge', role: 'scanner', driver: 'keyboard-wedge', connection: 'usb:05e0:1200', screen: 'counter' },
      ],
      null,
    );
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(messages(problems)).toEqual([
      'devices.0.screen: "box-scanner" names no screen: the codes it reads reach no screen (e.g. "screen": "counter")',
      'devices.1.screen: "wedge" types into the screen it is plugged into: its "screen" is not used',
    ]);
    const kiosk = { id: 's', role: 'scanner', driver: 'hid-pos', connection: 'virtual', screen: 'kiosk' };
    expect(errors(check([kiosk as HardwareDeviceInput], null)).map((p) => p.path)).toEqual(['devices.0.screen']);
  });

  it('reports shape errors with their path and device, and never throws', () => {
    const problems = check([
      { id: 'receipt', role: 'receipt-printer', driver: 'escpos', connection: 'usb:4b8:e15' },
      { id: 'Bad Id', role: 'scanner', driver: 'hid-pos', connection: 'virtual' },
      { id: 'x', role: 'toaster', driver: 'escpos', connection: 'virtual' } as unknown as HardwareDeviceInput,
    ]);
    expect(problems.map((p) => [p.path, p.device])).toEqual([
      ['devices.0.connection', 'receipt'],
      ['devices.1.id', 'Bad Id'],
      ['devices.2.role', 'x'],
    ]);
    expect(problems[0]?.message).toMatch(/usb:VVVV:PPPP with the vendor and product ids in hex/);
    expect(readHardwareProfile(null).problems).toHaveLength(1);
    expect(readHardwareProfile({ version: 1, name: 'x', devices: [], extra: 1 }).problems[0]?.message).toMatch(/extra/);
  });
});

describe('connections', () => {
  it.each([
    ['virtual', { kind: 'virtual' }],
    ['usb:04B8:0E15:ABC-1', { kind: 'usb', vendorId: 0x04b8, productId: 0x0e15, serial: 'ABC-1' }],
    ['tcp:Printer.local:9101', { kind: 'tcp', host: 'printer.local', port: 9101 }],
    ['file:/dev/usb/lp0', { kind: 'file', path: '/dev/usb/lp0' }],
    ['serial:/dev/ttyUSB0', { kind: 'serial', path: '/dev/ttyUSB0', baud: 9600 }],
    ['serial:/dev/ttyUSB0@115200', { kind: 'serial', path: '/dev/ttyUSB0', baud: 115200 }],
  ])('reads %s', (text, connection) => {
    expect(parseConnection(text)).toEqual({ ok: true, connection });
  });

  it.each([
    ['usb:04b8', /usb:VVVV:PPPP/],
    ['tcp:', /tcp:HOST:PORT/],
    ['tcp:host:70000', /port must be from 1 to 65535/],
    ['file:dev/lp0', /absolute path/],
    ['serial:/dev/ttyS0@1234', /baud rate/],
    ['bluetooth:aa', /starts with usb:, tcp:, file: or serial:/],
  ])('refuses %s, saying how to write it', (text, message) => {
    const parsed = parseConnection(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
