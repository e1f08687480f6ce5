// The payment domain's pure rules and vocabulary in one import; each module is also its own
// entry (`@voltpay/domain/money`, …) for readers who want only one.
export * from './types';
export * from './status';
export * from './acquirer';
export * from './money';
export * from './period';
export * from './quote';
export * from './account-number';
export * from './address';
