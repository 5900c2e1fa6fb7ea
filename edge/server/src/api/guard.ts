/**
 * Who is asking, and may they. Every API request and the stream upgrade pass here: the Host
 * must be the box's (no DNS rebinding), a browser's Origin must be the page's own, a
 * state-changing request must be JSON (so no simple cross-site POST works), and the device
 * credential (cookie or bearer token) names a paired device, with the staff member signed in
 * on it. Refusals are audited.
 */
import { isIP } from 'node:net';
import {
  actorOf,
  authorize,
  DEVICE_ROLES,
  SYSTEM_ACTOR,
  TillboxError,
  type DevicePrincipal,
  type DeviceRole,
  type Permission,
  type StaffPrincipal,
} from '@tillbox/core';
import type { FastifyRequest } from 'fastify';
import type { AuditService } from '../audit/audit-service.js';
import type { DeviceService } from '../pairing/device-service.js';
import type { StaffService } from '../staff/staff-service.js';
import type { AnyRoute, RequestContext } from './route.js';

export const DEVICE_COOKIE_PREFIX = 'tillbox_device_';
export const SCREEN_HEADER = 'x-tillbox-screen';

export interface GuardOptions {
  devices: DeviceService;
  staff: StaffService;
  audit: AuditService;
  allowedHosts: readonly string[];
  now?: () => number;
}

export interface Principal {
  device: DevicePrincipal | undefined;
  staff: StaffPrincipal | undefined;
}

/** Cookies of a request as name → value (the few the edge sets; no library needed). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    try {
      out.set(name, decodeURIComponent(value));
    } catch {
      out.set(name, value);
    }
  }
  return out;
}

/** `Set-Cookie` for a device credential: HttpOnly, same-site only, for the whole box. */
export function deviceCookie(role: DeviceRole, credential: string): string {
  return `${DEVICE_COOKIE_PREFIX}${role}=${credential}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${10 * 365 * 24 * 3600}`;
}

function hostName(host: string): string {
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']'));
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

export function isLoopback(address: string): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

export class Guard {
  private readonly allowedHosts: ReadonlySet<string>;
  /** When an anonymous refusal from an address was last audited (one per minute each). */
  private readonly anonymousAudited = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly options: GuardOptions) {
    this.allowedHosts = new Set(['localhost', ...options.allowedHosts.map((h) => h.toLowerCase())]);
    this.now = options.now ?? Date.now;
  }

  /**
   * The browser-facing checks every API request and the stream pass before anything else:
   * a known Host, the page's own Origin, JSON for anything that changes state.
   */
  checkRequest(request: FastifyRequest): void {
    const host = request.headers.host ?? '';
    const name = hostName(host).toLowerCase();
    if (!name || (isIP(name) === 0 && !this.allowedHosts.has(name))) {
      throw new TillboxError(
        'forbidden',
        `Unknown host "${name}": open the screens by the box's address, or add the name to security.allowedHosts`,
      );
    }
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== 'null') {
      let originHost = '';
      try {
        originHost = new URL(origin).host.toLowerCase();
      } catch {
        originHost = '';
      }
      if (originHost !== host.toLowerCase()) {
        throw new TillboxError('forbidden', `Requests from ${origin} are not accepted: only the store box's own pages`);
      }
    } else if (origin === 'null') {
      throw new TillboxError('forbidden', 'Requests from an opaque origin are not accepted');
    }
    const method = request.method;
    if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
      const type = request.headers['content-type'] ?? '';
      if (!/^application\/json\s*(;|$)/i.test(type)) {
        // Answered 415 by the HTTP layer, like a body of the wrong type.
        throw Object.assign(new Error('Send the body as application/json'), {
          statusCode: 415,
          code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
        });
      }
    }
  }

  /** The device (by bearer token, else by the cookie of the screen it says it is) and its signed-in staff. */
  principal(request: FastifyRequest): Principal {
    const credential = this.credential(request);
    const device = credential === undefined ? undefined : this.options.devices.authenticate(credential);
    const staff = device ? this.options.staff.signedIn(device.id) : undefined;
    return { device, staff };
  }

  private credential(request: FastifyRequest): string | undefined {
    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
    const cookies = parseCookies(request.headers.cookie);
    const query = request.query as Record<string, unknown> | undefined;
    const screen = request.headers[SCREEN_HEADER] ?? query?.screen;
    if (typeof screen === 'string' && (DEVICE_ROLES as readonly string[]).includes(screen)) {
      return cookies.get(`${DEVICE_COOKIE_PREFIX}${screen}`);
    }
    const mine = [...cookies.entries()].filter(([k]) => k.startsWith(DEVICE_COOKIE_PREFIX));
    return mine.length === 1 ? mine[0]?.[1] : undefined;
  }

  /** The route guard: the context to run a route with, or a 401/403 that is audited. */
  route = (request: FastifyRequest, route: AnyRoute): RequestContext | undefined => {
    if (route.permission === 'public') return undefined;
    return this.authorizeRequest(request, route.permission);
  };

  authorizeRequest(request: FastifyRequest, permission: Permission): RequestContext {
    const { device, staff } = this.principal(request);
    const verdict = authorize(permission, device, staff);
    if (!verdict.ok) {
      this.auditRefusal(request, permission, device, staff, verdict.reason);
      throw new TillboxError(verdict.status === 401 ? 'unauthenticated' : 'forbidden', verdict.reason, {
        details: verdict.needsStaff
          ? [{ path: 'staff', message: `sign in as ${verdict.needsStaff.join(' or ')}` }]
          : [],
      });
    }
    const paired = device as DevicePrincipal;
    return { device: paired, staff, command: { actor: actorOf(paired, staff), device: paired.id } };
  }

  private auditRefusal(
    request: FastifyRequest,
    permission: Permission,
    device: DevicePrincipal | undefined,
    staff: StaffPrincipal | undefined,
    reason: string,
  ): void {
    if (!device) {
      const at = this.now();
      const last = this.anonymousAudited.get(request.ip) ?? 0;
      if (at - last < 60_000) return;
      if (this.anonymousAudited.size > 1000) this.anonymousAudited.clear();
      this.anonymousAudited.set(request.ip, at);
    }
    this.options.audit.recordAlone({
      action: 'permission.refused',
      actor: device ? actorOf(device, staff) : SYSTEM_ACTOR,
      device: device?.id ?? null,
      subject: permission,
      detail: {
        method: request.method,
        path: request.url.split('?')[0] ?? '',
        reason,
        ...(device ? {} : { ip: request.ip }),
      },
    });
  }
}
