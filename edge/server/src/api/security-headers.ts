/**
 * Security headers of every answer: a Content-Security-Policy that allows only the box's own
 * scripts (the web app's inline boot script by its hash), no framing, no sniffing, no referrer.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** sha256 sources of the inline <script> blocks of the built app's shell. */
function inlineScriptHashes(webDir: string): string[] {
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) return [];
  const html = readFileSync(index, 'utf8');
  const out: string[] = [];
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    const body = m[1] ?? '';
    if (body.trim() === '') continue;
    out.push(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  }
  return out;
}

export function securityHeaders(webDir: string): Record<string, string> {
  const scripts = ["'self'", ...inlineScriptHashes(webDir)].join(' ');
  const csp = [
    "default-src 'self'",
    `script-src ${scripts}`,
    // Svelte sets inline style attributes (transitions, positions).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  };
}
