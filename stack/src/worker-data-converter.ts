// The worker's data converter: the clients' payload encryption (payload-codec.ts), plus failures
// encrypted too, and payloads our clients did not encrypt refused. Its own module, imported by the
// worker only: the failure converter is a module path (the worker loads it inside the workflow
// sandbox and bundles it with the workflows), which the Next apps' bundles cannot resolve.
import { fileURLToPath } from 'node:url';
import type { DataConverter } from '@temporalio/common';
import { createEncryptionCodec, type EncryptionCodecOptions } from './payload-codec';

/**
 * Error messages and stack traces of failures (what an activity or an update refused with, often
 * naming an address or an email) travel in an encoded payload, which the codec encrypts. Only the
 * side that raises failures needs it: every converter reads encoded attributes back.
 */
export const failureConverterPath = fileURLToPath(new URL('./failure-converter.ts', import.meta.url));

export const createWorkerDataConverter = (options: EncryptionCodecOptions): DataConverter => ({
  payloadCodecs: [createEncryptionCodec({ ...options, refuseUnencrypted: true })],
  failureConverterPath,
});
