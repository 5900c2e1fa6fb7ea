/**
 * What the edge answers for addresses of the web app that are not files of the build. Screens
 * are client-side routes of one app (`/kds/bar`), answered with its shell; an address that names
 * a file (`/favicon.ico`, `/robots.txt`, a script from an older build) gets a 404 instead, so a
 * browser never takes the shell for an icon, a script or a stylesheet.
 */

/** File types a browser asks for by themselves or that a page links to. */
const FILE_TYPES =
  /\.(?:ico|png|jpe?g|gif|svg|webp|avif|bmp|js|mjs|cjs|css|map|json|txt|xml|webmanifest|woff2?|ttf|otf|br|gz)$/i;

/** Whether `path` (without its query) names a file rather than a screen. */
export function isFilePath(path: string): boolean {
  return FILE_TYPES.test(path);
}

/**
 * Files whose name changes whenever their bytes do, so a browser may keep them for good: the
 * build's hashed scripts and styles (`/_app/immutable/`) and pictures named with their hash
 * (`/menu/latte.3f70256696.webp`, written by `npm run photos`). Everything else is asked again.
 */
export function isImmutablePath(path: string): boolean {
  return path.includes('/_app/immutable/') || /\/menu\/[^/]+\.[0-9a-f]{10}\.(?:webp|png|avif|jpe?g)$/.test(path);
}
