// One Temporal connection per process, shared by whatever in it talks to Temporal.
import { Client, Connection } from '@temporalio/client';
import { payloadEncryptionFromEnv, serverEnv } from './env';
import { createDataConverter } from './payload-codec';

type TemporalHandles = { connection: Connection; client: Client };

const globalForTemporal = globalThis as unknown as { voltpayTemporal?: Promise<TemporalHandles> };

const connect = async (): Promise<TemporalHandles> => {
  const connection = await Connection.connect({
    address: serverEnv.TEMPORAL_ADDRESS,
    connectTimeout: '5s',
  });
  const dataConverter = createDataConverter(payloadEncryptionFromEnv(serverEnv));
  return { connection, client: new Client({ connection, namespace: serverEnv.TEMPORAL_NAMESPACE, dataConverter }) };
};

const getHandles = (): Promise<TemporalHandles> => {
  globalForTemporal.voltpayTemporal ??= connect().catch((error: unknown) => {
    // A failed first connection is retried on the next call rather than cached.
    globalForTemporal.voltpayTemporal = undefined;
    throw error;
  });
  return globalForTemporal.voltpayTemporal;
};

/** The process-wide Temporal client. */
export const getTemporalClient = async (): Promise<Client> => (await getHandles()).client;

/** The process-wide connection (health checks, operator and workflow services). */
export const getTemporalConnection = async (): Promise<Connection> => (await getHandles()).connection;
