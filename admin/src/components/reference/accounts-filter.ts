// The accounts search's starting filter, shared by the page (which prefetches it) and the client
// search (which starts from it): the same input, so the prefetched page is the one shown.
export type AccountsDemoFilter = 'all' | 'demo' | 'billing';

export const INITIAL_ACCOUNTS_FILTER: { query: string; demo: AccountsDemoFilter; page: number } = { query: '', demo: 'all', page: 0 };
