// The kitchen screens (stations and expo) talk to the edge as the store's `kds` device.
import { setScreenRole } from '$lib/api.js';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = () => {
  setScreenRole('kds');
};
