import {
  sessionViewSchema,
  signInBodySchema,
  staffCreateBodySchema,
  staffIdParamsSchema,
  staffListSchema,
  staffPinBodySchema,
  staffUpdateBodySchema,
  staffViewSchema,
  type SessionView,
} from '@tillbox/core';
import { z } from 'zod';
import { defineRoute, type AnyRoute, type RequestContext } from '../api/route.js';
import type { StaffService } from './staff-service.js';

const session = (ctx: RequestContext, staff: StaffService, signedIn = ctx.staff): SessionView => ({
  device: ctx.device,
  ...(signedIn ? { staff: signedIn } : {}),
  idleMinutes: staff.idleMinutes,
});

export function staffRoutes(staff: StaffService): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/session',
      permission: 'health.read',
      summary: 'This screen: its device and the staff member signed in on it',
      tags: ['staff'],
      response: sessionViewSchema,
      errors: [401],
      handler: ({ ctx }) => session(ctx, staff),
    }),
    defineRoute({
      method: 'GET',
      url: '/staff/sign-in',
      permission: 'staff.sign-in',
      summary: 'Staff who can sign in here (names and roles)',
      tags: ['staff'],
      response: staffListSchema,
      errors: [401, 403],
      handler: () => ({ staff: staff.signInList() }),
    }),
    defineRoute({
      method: 'POST',
      url: '/staff/sign-in',
      permission: 'staff.sign-in',
      summary: 'Sign a staff member in on this screen with their PIN (lockout after repeated failures)',
      tags: ['staff'],
      body: signInBodySchema,
      response: sessionViewSchema,
      errors: [400, 401, 403],
      handler: async ({ body, ctx }) => session(ctx, staff, await staff.signIn(ctx.command, body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/staff/sign-out',
      permission: 'health.read',
      summary: 'Sign the staff member out of this screen',
      tags: ['staff'],
      response: sessionViewSchema,
      errors: [401, 409],
      handler: ({ ctx }) => {
        staff.signOut(ctx.command);
        return { device: ctx.device, idleMinutes: staff.idleMinutes };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/staff',
      permission: 'staff.manage',
      summary: 'All staff accounts',
      tags: ['staff'],
      response: staffListSchema,
      errors: [401, 403],
      handler: () => ({ staff: staff.list() }),
    }),
    defineRoute({
      method: 'POST',
      url: '/staff',
      permission: 'staff.manage',
      summary: 'Add a staff member with a role and a PIN',
      tags: ['staff'],
      body: staffCreateBodySchema,
      response: staffViewSchema,
      status: 201,
      errors: [400, 401, 403],
      handler: async ({ body, ctx }) => ({ status: 201, body: await staff.create(ctx.command, body) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/staff/bootstrap',
      permission: 'staff.bootstrap',
      summary: 'A new store: make its first admin from the admin screen (only while there are no staff)',
      tags: ['staff'],
      body: z.object({ name: staffCreateBodySchema.shape.name, pin: staffCreateBodySchema.shape.pin }),
      response: staffViewSchema,
      status: 201,
      errors: [400, 401, 403, 409],
      handler: async ({ body, ctx }) => ({ status: 201, body: await staff.bootstrap(ctx.command, body) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/staff/:id',
      permission: 'staff.manage',
      summary: 'Change a staff member: name, role, or deactivate',
      tags: ['staff'],
      params: staffIdParamsSchema,
      body: staffUpdateBodySchema,
      response: staffViewSchema,
      errors: [400, 401, 403, 404, 409],
      handler: ({ params, body, ctx }) => staff.update(ctx.command, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/staff/:id/pin',
      permission: 'staff.manage',
      summary: "Reset a staff member's PIN",
      tags: ['staff'],
      params: staffIdParamsSchema,
      body: staffPinBodySchema,
      response: staffViewSchema,
      errors: [400, 401, 403, 404],
      handler: ({ params, body, ctx }) => staff.resetPin(ctx.command, params.id, body.pin),
    }),
  ];
}
