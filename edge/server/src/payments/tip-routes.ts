import { declareTipsBodySchema, tipDeclarationSchema, tipsQuerySchema, tipsReportSchema } from '@tillbox/core';
import { defineRoute, type AnyRoute } from '../api/route.js';
import type { StaffService } from '../staff/staff-service.js';
import type { TipService } from './tip-service.js';

export function tipRoutes(tips: TipService, staff: StaffService): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/tips/declarations',
      permission: 'tips.declare',
      summary:
        'Declare cash tips: your own, or (a shift lead or above) another staff member’s. Card tips are taken with their payments',
      tags: ['payments', 'tips'],
      body: declareTipsBodySchema,
      response: tipDeclarationSchema,
      status: 201,
      errors: [400, 403],
      handler: ({ body, ctx }) => ({ status: 201, body: tips.declare(ctx.command, body) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/tips',
      permission: 'report.read',
      summary:
        'Tips by staff for a business day: card tips on the payments each took (net of tips given back) and cash tips declared; not sales',
      tags: ['payments', 'tips', 'reports'],
      query: tipsQuerySchema,
      response: tipsReportSchema,
      handler: ({ query }) => tips.report(query.day, new Map(staff.list().map((s) => [s.id, s.name]))),
    }),
  ];
}
