import { listTariffs, omskToday } from '~/server/reference/tariffs';
import { roleProcedure } from '~/server/api/trpc';
import { ZListTariffsRequest, ZListTariffsResponse } from './list-tariffs.types';

export const listTariffsRoute = roleProcedure('admin')
  .input(ZListTariffsRequest)
  .output(ZListTariffsResponse)
  .query(async ({ ctx }) => ({ today: omskToday(), tariffs: await listTariffs({ prisma: ctx.prisma }) }));
