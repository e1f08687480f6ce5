import { updateSettlement } from '~/server/reference/places';
import { roleProcedure } from '~/server/api/trpc';
import { ZUpdateSettlementRequest, ZUpdateSettlementResponse } from './update-settlement.types';

export const updateSettlementRoute = roleProcedure('admin')
  .input(ZUpdateSettlementRequest)
  .output(ZUpdateSettlementResponse)
  .mutation(({ ctx, input: { id, ...fields } }) =>
    updateSettlement({
      prisma: ctx.prisma,
      staff: ctx.staff,
      id,
      ...(fields.name !== undefined ? { name: fields.name } : {}),
      ...(fields.kind !== undefined ? { kind: fields.kind } : {}),
      ...(fields.isDistrictCentre !== undefined ? { isDistrictCentre: fields.isDistrictCentre } : {}),
      ...(fields.sortOrder !== undefined ? { sortOrder: fields.sortOrder } : {}),
    }),
  );
