// The claim's own fields as audit rows record them before and after a change (no evidence blob:
// it is large, and the claim row keeps it).
import type { Claim } from '@voltpay/prisma';

export const claimSnapshot = (claim: Claim) => ({
  id: claim.id,
  number: claim.number,
  paymentId: claim.paymentId,
  receiptNumber: claim.receiptNumber,
  receiptGenuine: claim.receiptGenuine,
  residentName: claim.residentName,
  residentContact: claim.residentContact,
  description: claim.description,
  status: claim.status,
  resolution: claim.resolution,
  resolutionNote: claim.resolutionNote,
  assigneeId: claim.assigneeId,
  resolvedAt: claim.resolvedAt,
});
