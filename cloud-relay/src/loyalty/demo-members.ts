/** The demo's loyalty members (setting `loyalty.demoMembers`): opened once, with a welcome balance. */
import type { LoyaltyService } from './loyalty-service.js';

export const DEMO_MEMBERS = [
  { memberId: 'm-demo-ada', name: 'Ada', phone: '+15550100199', qrCode: 'TBXM1-demo-ada-0000000001', points: 500 },
  { memberId: 'm-demo-grace', name: 'Grace', phone: '+15550100142', qrCode: 'TBXM1-demo-grace-000000002', points: 120 },
] as const;

export async function openDemoMembers(loyalty: LoyaltyService): Promise<void> {
  for (const m of DEMO_MEMBERS) {
    const exists = await loyalty.account(m.memberId).then(
      () => true,
      () => false,
    );
    if (!exists) await loyalty.createAccount({ memberId: m.memberId, name: m.name, phone: m.phone, qrCode: m.qrCode });
    await loyalty.adjust(m.memberId, {
      points: m.points,
      reason: 'demo welcome points',
      key: `demo-welcome-${m.memberId}`,
    });
  }
}
