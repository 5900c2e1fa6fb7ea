// The customer display talks to the edge as a `display` device.
import { setScreenRole } from '$lib/api.js';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = () => {
  setScreenRole('display');
};
