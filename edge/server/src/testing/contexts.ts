/** Command contexts for tests that drive the services directly: who is asking, from which device. */
import type { CommandContext } from '@tillbox/core';

/** A cashier signed in at the counter. */
export const cashierAtCounter: CommandContext = {
  actor: { kind: 'staff', id: 'staff-cashier', role: 'cashier', name: 'Ana' },
  device: 'device-counter-1',
};

/** A manager (voids and refunds). */
export const managerAtCounter: CommandContext = {
  actor: { kind: 'staff', id: 'staff-manager', role: 'manager', name: 'Mo' },
  device: 'device-counter-1',
};

/** A guest at a kiosk: places and pays only its own kiosk orders. */
export function guestAtKiosk(deviceId = 'device-kiosk-1'): CommandContext {
  return { actor: { kind: 'guest', id: deviceId, role: 'kiosk' }, device: deviceId };
}

/** A kitchen display. */
export function kdsDevice(deviceId = 'device-kds-1'): CommandContext {
  return { actor: { kind: 'device', id: deviceId, role: 'kds', name: 'KDS' }, device: deviceId };
}

/** The pickup board. */
export const pickupBoard: CommandContext = {
  actor: { kind: 'device', id: 'device-pickup-1', role: 'pickup', name: 'Pickup' },
  device: 'device-pickup-1',
};

/** The cloud relay: the only one that brings in orders paid elsewhere. */
export const cloudRelay: CommandContext = {
  actor: { kind: 'cloud', id: 'device-relay', role: 'relay' },
  device: 'device-relay',
};
