import { listDistricts } from '~/server/reference/places';
import { roleProcedure } from '~/server/api/trpc';
import { ZListDistrictsRequest, ZListDistrictsResponse } from './list-districts.types';

export const listDistrictsRoute = roleProcedure('admin')
  .input(ZListDistrictsRequest)
  .output(ZListDistrictsResponse)
  .query(({ ctx }) => listDistricts({ prisma: ctx.prisma }));
