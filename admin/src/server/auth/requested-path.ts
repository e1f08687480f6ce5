// The request header admin/src/proxy.ts sets to the page asked for (path and query).
export const REQUESTED_PATH_HEADER = 'x-voltpay-requested-path';
