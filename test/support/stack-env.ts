// The addresses of the stack under test, as `npm test` passes them (stack/src/cli/test.ts).
const required = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with npm test`);
  return value;
};

export const stackEnv = {
  databaseUrl: required('DATABASE_URL'),
  temporalAddress: required('TEMPORAL_ADDRESS'),
  namespace: required('TEMPORAL_NAMESPACE'),
  taskQueue: required('TEMPORAL_TASK_QUEUE'),
  temporalUiUrl: process.env.TEMPORAL_UI_URL,
  webUrl: required('WEB_URL'),
  adminUrl: required('ADMIN_URL'),
  /** The sandbox acquirer the stack started (its pages and REST API); unset when ACQUIRER_URL names another. */
  acquirerUrl: process.env.ACQUIRER_SANDBOX_URL,
  /** Our merchant key at the acquirer, for tests that create orders directly. */
  acquirerApiKey: process.env.ACQUIRER_API_KEY,
  /** The sandbox acquirer's own database (its orders and webhook queue), for tests that inspect it. */
  acquirerDatabaseUrl: process.env.SANDBOX_ACQUIRER_DATABASE_URL,
  acquirerWebhookSecret: process.env.ACQUIRER_WEBHOOK_SECRET,
  payloadEncryptionKey: required('PAYLOAD_ENCRYPTION_KEY'),
  chromePath: process.env.CHROME_PATH,
  artifactsDir: process.env.VOLTPAY_ARTIFACTS_DIR ?? 'test/artifacts',
};
