/**
 * Common point-of-sale hardware by its USB ids, and the driver that speaks to it. Used to suggest
 * a profile entry for what is plugged in (the admin screen lists unclaimed USB devices with their
 * fingerprint) and by `firmware-config/udev` for the rules that give the store box access.
 *
 * Where the product id is not known for sure the entry matches the vendor and the USB interface
 * class (7 = printer, 3 = HID) instead; each entry says how sure it is:
 * - `published`: the ids appear in public driver lists or device dumps (see `source`);
 * - `vendor`: the vendor id is certain, the model's product id is not (check `lsusb` and write the
 *   ids in the profile).
 * Scanners change their product id with their interface mode (keyboard, HID POS, serial
 * emulation); a scanner's HID interface tells keyboard mode (boot protocol 1) from HID POS.
 */

/** USB interface classes that matter here. */
export const USB_CLASS = { hid: 3, printer: 7 } as const;

export type FingerprintDriver = 'escpos' | 'star-line' | 'hid-pos' | 'keyboard-wedge';

export interface UsbFingerprint {
  readonly vendorId: number;
  /** Undefined: any product of the vendor with an interface of `interfaceClass`. */
  readonly productId?: number;
  readonly interfaceClass?: number;
  readonly vendor: string;
  readonly model: string;
  readonly role: 'receipt-printer' | 'scanner';
  readonly driver: FingerprintDriver;
  /** Characters per line at normal size on its usual paper (printers). */
  readonly columns?: number;
  readonly paperWidthMm?: 58 | 80;
  readonly confidence: 'published' | 'vendor';
  readonly source?: string;
}

export const VENDORS = {
  epson: 0x04b8,
  star: 0x0519,
  bixolon: 0x1504,
  zebra: 0x05e0,
  honeywell: 0x0c2e,
  datalogic: 0x05f9,
} as const;

const printer = (columns: number) => ({ role: 'receipt-printer', columns, paperWidthMm: 80 }) as const;

export const USB_FINGERPRINTS: readonly UsbFingerprint[] = [
  {
    vendorId: VENDORS.epson,
    productId: 0x0e03,
    vendor: 'Epson',
    model: 'TM-T20',
    driver: 'escpos',
    ...printer(48),
    confidence: 'published',
    source: 'python-escpos printer list (lsusb)',
  },
  {
    vendorId: VENDORS.epson,
    productId: 0x0e15,
    vendor: 'Epson',
    model: 'TM-T20II',
    driver: 'escpos',
    ...printer(48),
    confidence: 'published',
    source: 'python-escpos printer list (lsusb)',
  },
  {
    vendorId: VENDORS.epson,
    productId: 0x0202,
    vendor: 'Epson',
    model: 'TM-T88IV / TM-T88V (also TM-T70)',
    driver: 'escpos',
    ...printer(42),
    confidence: 'published',
    source: 'Openbravo web printer table (TM-T88V), python-escpos (TM-T70)',
  },
  {
    vendorId: VENDORS.epson,
    productId: 0x0e02,
    vendor: 'Epson',
    model: 'TM-T88V (later firmware)',
    driver: 'escpos',
    ...printer(42),
    confidence: 'published',
    source: 'a macOS USB dump of a TM-T88V (1284 id "EPSON TM-T88V")',
  },
  {
    vendorId: VENDORS.epson,
    interfaceClass: USB_CLASS.printer,
    vendor: 'Epson',
    model: 'TM series (TM-m30, TM-T82, TM-T88VI, …)',
    driver: 'escpos',
    ...printer(48),
    confidence: 'vendor',
  },
  {
    vendorId: VENDORS.star,
    productId: 0x0003,
    vendor: 'Star Micronics',
    model: 'TSP100 / TSP143',
    driver: 'star-line',
    ...printer(48),
    confidence: 'published',
    source: 'Openbravo web printer table (Star TSP 100)',
  },
  {
    vendorId: VENDORS.star,
    interfaceClass: USB_CLASS.printer,
    vendor: 'Star Micronics',
    model: 'mC-Print, TSP650 and other Star printers',
    driver: 'star-line',
    ...printer(48),
    confidence: 'vendor',
  },
  {
    vendorId: VENDORS.bixolon,
    interfaceClass: USB_CLASS.printer,
    vendor: 'Bixolon',
    model: 'SRP-350 series (SRP-350plus, SRP-350III, SRP-352)',
    driver: 'escpos',
    ...printer(42),
    confidence: 'vendor',
  },
  {
    vendorId: VENDORS.zebra,
    productId: 0x1200,
    vendor: 'Zebra (Symbol)',
    model: 'scanners in USB HID keyboard mode (DS2208, LS2208, …)',
    role: 'scanner',
    driver: 'keyboard-wedge',
    confidence: 'published',
    source: 'Symbol MS4404/MS4407 integration guide PID table; DS2208 reports',
  },
  {
    vendorId: VENDORS.zebra,
    interfaceClass: USB_CLASS.hid,
    vendor: 'Zebra (Symbol)',
    model: 'scanners in HID POS mode',
    role: 'scanner',
    driver: 'hid-pos',
    confidence: 'vendor',
  },
  {
    vendorId: VENDORS.honeywell,
    productId: 0x0caa,
    vendor: 'Honeywell',
    model: 'Voyager 1200g',
    role: 'scanner',
    driver: 'hid-pos',
    confidence: 'published',
    source: 'a WebHID scanner library device table (the mode behind this id is not confirmed)',
  },
  {
    vendorId: VENDORS.honeywell,
    productId: 0x0cd4,
    vendor: 'Honeywell',
    model: 'Xenon 1900',
    role: 'scanner',
    driver: 'hid-pos',
    confidence: 'published',
    source: 'a WebHID scanner library device table (the mode behind this id is not confirmed)',
  },
  {
    vendorId: VENDORS.honeywell,
    interfaceClass: USB_CLASS.hid,
    vendor: 'Honeywell',
    model: 'scanners (Voyager, Xenon, Granit) in HID POS or keyboard mode',
    role: 'scanner',
    driver: 'hid-pos',
    confidence: 'vendor',
  },
  {
    vendorId: VENDORS.datalogic,
    interfaceClass: USB_CLASS.hid,
    vendor: 'Datalogic',
    model: 'scanners (QuickScan, Gryphon, Magellan) in HID POS or keyboard mode',
    role: 'scanner',
    driver: 'hid-pos',
    confidence: 'vendor',
  },
];

/** What is known of a plugged-in USB device. */
export interface UsbIdentity {
  readonly vendorId: number;
  readonly productId: number;
  /** Its interfaces: class, and for HID the boot protocol (1 = keyboard). */
  readonly interfaces?: readonly { readonly class: number; readonly protocol?: number }[];
}

/**
 * The fingerprint of a device: its exact model if listed, else its vendor's entry for an
 * interface it has. A scanner whose HID interface is a boot keyboard is a keyboard wedge, whatever
 * the entry says.
 */
export function fingerprintOf(device: UsbIdentity): UsbFingerprint | undefined {
  const exact = USB_FINGERPRINTS.find((f) => f.vendorId === device.vendorId && f.productId === device.productId);
  const classes = device.interfaces ?? [];
  const found =
    exact ??
    USB_FINGERPRINTS.find(
      (f) =>
        f.vendorId === device.vendorId &&
        f.productId === undefined &&
        classes.some((i) => i.class === f.interfaceClass),
    );
  if (found?.role === 'scanner' && classes.some((i) => i.class === USB_CLASS.hid && i.protocol === 1))
    return { ...found, driver: 'keyboard-wedge' };
  return found;
}

/** `04b8` for 0x04b8. */
export const hex4 = (n: number): string => n.toString(16).padStart(4, '0');
