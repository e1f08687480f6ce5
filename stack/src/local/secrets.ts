// Secrets of a local stack: generated once per data folder and kept there, so receipts printed
// yesterday still verify today and webhooks keep their signature across restarts. Never used
// for a real deployment, which sets the variables itself (README "Configuration").
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const LOCAL_SECRET_NAMES = ['ACQUIRER_API_KEY', 'ACQUIRER_WEBHOOK_SECRET', 'RECEIPT_SECRET', 'PAYLOAD_ENCRYPTION_KEY', 'AUTH_SECRET'] as const;
export type LocalSecrets = Record<(typeof LOCAL_SECRET_NAMES)[number], string>;

const generate = (): LocalSecrets => ({
  ACQUIRER_API_KEY: `sandbox_${randomBytes(16).toString('hex')}`,
  ACQUIRER_WEBHOOK_SECRET: randomBytes(32).toString('hex'),
  RECEIPT_SECRET: randomBytes(32).toString('hex'),
  PAYLOAD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  AUTH_SECRET: randomBytes(32).toString('base64url'),
});

/** The secrets in `<dataDir>/secrets.json`, created (mode 0600) with any that are missing. */
export const loadLocalSecrets = async (dataDir: string): Promise<LocalSecrets> => {
  const file = path.join(dataDir, 'secrets.json');
  const stored: Partial<LocalSecrets> = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as Partial<LocalSecrets>)
    .catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return {};
      throw new Error(`${file} is not readable JSON (${error.message}); delete it to generate new local secrets`);
    });
  const fresh = generate();
  const secrets = Object.fromEntries(LOCAL_SECRET_NAMES.map((name) => [name, stored[name] ?? fresh[name]])) as LocalSecrets;
  if (LOCAL_SECRET_NAMES.some((name) => stored[name] === undefined)) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  return secrets;
};
