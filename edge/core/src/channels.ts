/** Where orders come from and how they leave the store. */
export const CHANNELS = ['kiosk', 'counter', 'app', 'online', 'marketplace'] as const;
export type Channel = (typeof CHANNELS)[number];

export const ORDER_TYPES = ['dine-in', 'takeout', 'pickup', 'delivery'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];
