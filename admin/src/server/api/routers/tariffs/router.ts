import { createTRPCRouter } from '~/server/api/trpc';
import { createTariffVersionRoute } from './create-tariff-version';
import { deleteTariffRoute } from './delete-tariff';
import { listTariffsRoute } from './list-tariffs';
import { updateTariffRoute } from './update-tariff';

export const tariffsRouter = createTRPCRouter({
  listTariffs: listTariffsRoute,
  createTariffVersion: createTariffVersionRoute,
  updateTariff: updateTariffRoute,
  deleteTariff: deleteTariffRoute,
});
