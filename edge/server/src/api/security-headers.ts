/**
 * Security headers. Pages (the app's shell, the only HTML the edge sends) get the full set: a
 * Content-Security-Policy that allows only the box's own scripts (the web app's inline boot script
 * by its hash), no framing, no sniffing, no referrer, a window of their own and no camera,
 * microphone or location. Everything else (scripts, styles, photos, API answers) gets a policy
 * that lets nothing run or load should it ever be opened as a document (an SVG can hold script),
 * no framing and no sniffing: the page policy and the window and feature policies only act on
 * documents, and sent with every script and photo they cost as much as a photo's body.
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

export interface SecurityHeaders {
  /** For HTML documents. */
  page: Record<string, string>;
  /** For every other answer. */
  other: Record<string, string>;
}

export function securityHeaders(webDir: string): SecurityHeaders {
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
  const everywhere = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
  return {
    page: {
      'content-security-policy': csp,
      ...everywhere,
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
      'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    },
    other: {
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      ...everywhere,
    },
  };
}

/** The headers for an answer of `contentType`: the page set for HTML, the other set for the rest. */
export function securityHeadersFor(headers: SecurityHeaders, contentType: unknown): Record<string, string> {
  return /^\s*text\/html\b/i.test(String(contentType ?? '')) ? headers.page : headers.other;
}
