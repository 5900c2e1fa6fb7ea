// The pickup board talks to the edge as a `pickup` device.
import { setScreenRole } from '$lib/api.js';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = () => {
  setScreenRole('pickup');
};
