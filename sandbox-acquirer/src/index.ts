// The sandbox acquirer's server, for main.ts and the tests that run it in-process.
export { createSandboxAcquirer, type SandboxAcquirer, type SandboxAcquirerOptions } from './app';
export { TEST_CARDS, passesLuhn, validateCardForm, type CardScenario, type TestCard } from './cards';
export { createSandboxLog, type SandboxLog } from './log';
export { createSandboxPool, OTP_MAX_ATTEMPTS, type SandboxOrder } from './store';
export { DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS, type WebhookDelivery } from './webhooks';
