import { listTariffs, omskToday } from '../../../reference/tariffs';
import { roleProcedure } from '../../trpc';
import { ZListTariffsRequest, ZListTariffsResponse } from './list-tariffs.types';

export const listTariffsRoute = roleProcedure('admin')
  .input(ZListTariffsRequest)
  .output(ZListTariffsResponse)
  .query(async ({ ctx }) => ({ today: omskToday(), tariffs: await listTariffs({ prisma: ctx.prisma }) }));
