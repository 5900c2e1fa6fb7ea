import { auditPageSchema, auditQuerySchema, auditVerificationSchema } from '@tillbox/core';
import { defineRoute, type AnyRoute } from '../api/route.js';
import type { AuditService } from './audit-service.js';

export function auditRoutes(audit: AuditService): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/audit',
      permission: 'audit.read',
      summary: 'The audit log, newest first: sign-ins, refusals, overrides, voids, refunds, pairings, settings changes',
      tags: ['audit'],
      query: auditQuerySchema,
      response: auditPageSchema,
      errors: [400],
      handler: ({ query }) => audit.page(query),
    }),
    defineRoute({
      method: 'GET',
      url: '/audit/verify',
      permission: 'audit.read',
      summary: 'Check the audit log’s hash chain from the first row to the last; names the first broken row',
      tags: ['audit'],
      response: auditVerificationSchema,
      handler: () => audit.verify(),
    }),
  ];
}
