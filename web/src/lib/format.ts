/** Small display helpers shared by the screens. */

/** Elapsed time as m:ss (or h:mm:ss past an hour); negative spans show as 0:00. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${String(m).padStart(2, '0')}:${ss}`;
}

/** The first word of a guest name, for public boards. */
export function firstName(name: string | undefined): string | undefined {
  const first = name?.trim().split(/\s+/)[0];
  return first === undefined || first === '' ? undefined : first;
}

const CHANNEL_LABELS: Record<string, string> = {
  kiosk: 'Kiosk',
  counter: 'Counter',
  app: 'App',
  online: 'Online',
  marketplace: 'Marketplace',
};

const ORDER_TYPE_LABELS: Record<string, string> = {
  'dine-in': 'Dine-in',
  takeout: 'Takeout',
  pickup: 'Pickup',
  delivery: 'Delivery',
};

export function channelLabel(channel: string): string {
  return CHANNEL_LABELS[channel] ?? channel;
}

export function orderTypeLabel(orderType: string): string {
  return ORDER_TYPE_LABELS[orderType] ?? orderType;
}

/** A moment as the screen's local time of day, e.g. "2:45 PM". */
export function formatTimeOfDay(iso: string, locale?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return at.toLocaleTimeString(locale ?? [], { hour: 'numeric', minute: '2-digit' });
}
