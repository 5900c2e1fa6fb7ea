// The edge serves the static build; every screen renders in the browser.
export const ssr = false;
export const prerender = false;
