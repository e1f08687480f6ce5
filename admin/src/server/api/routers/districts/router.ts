import { createTRPCRouter } from '~/server/api/trpc';
import { createDistrictRoute } from './create-district';
import { createHousingOfficeRoute } from './create-housing-office';
import { createSettlementRoute } from './create-settlement';
import { deleteDistrictRoute } from './delete-district';
import { deleteHousingOfficeRoute } from './delete-housing-office';
import { deleteSettlementRoute } from './delete-settlement';
import { getDistrictRoute } from './get-district';
import { listDistrictsRoute } from './list-districts';
import { updateDistrictRoute } from './update-district';
import { updateHousingOfficeRoute } from './update-housing-office';
import { updateSettlementRoute } from './update-settlement';

export const districtsRouter = createTRPCRouter({
  listDistricts: listDistrictsRoute,
  getDistrict: getDistrictRoute,
  createDistrict: createDistrictRoute,
  updateDistrict: updateDistrictRoute,
  deleteDistrict: deleteDistrictRoute,
  createSettlement: createSettlementRoute,
  updateSettlement: updateSettlementRoute,
  deleteSettlement: deleteSettlementRoute,
  createHousingOffice: createHousingOfficeRoute,
  updateHousingOffice: updateHousingOfficeRoute,
  deleteHousingOffice: deleteHousingOfficeRoute,
});
