import { createTRPCRouter } from '~/server/api/trpc';
import { createDemoAccountRoute } from './create-demo-account';
import { findAccountsRoute } from './find-accounts';
import { getAccountRoute } from './get-account';
import { setDemoAccountPeriodRoute } from './set-demo-account-period';
import { updateDemoAccountRoute } from './update-demo-account';

export const accountsRouter = createTRPCRouter({
  findAccounts: findAccountsRoute,
  getAccount: getAccountRoute,
  createDemoAccount: createDemoAccountRoute,
  updateDemoAccount: updateDemoAccountRoute,
  setDemoAccountPeriod: setDemoAccountPeriodRoute,
});
