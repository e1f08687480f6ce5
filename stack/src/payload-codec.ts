// Encrypts every Temporal payload (AES-256-GCM) before it leaves the process: workflow inputs,
// update arguments and state hold the resident's email and address (DESIGN §3), and Temporal's
// history must not. The worker, web, admin and tests all use the same data converter.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type DataConverter, type Payload, type PayloadCodec } from '@temporalio/common';
import proto from '@temporalio/proto';

// CommonJS module: its namespace is only reachable through the default export under ESM.
const { temporal } = proto;

const ENCODING = 'binary/encrypted';
const KEY_ID_KEY = 'encryption-key-id';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array | null | undefined) => new TextDecoder().decode(bytes ?? new Uint8Array());

/** The key's id travels with each payload, so a rotated key can still decrypt older histories. */
export const keyIdOf = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 16);

const parseKey = (base64: string): Buffer => {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('PAYLOAD_ENCRYPTION_KEY must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`)');
  return key;
};

export type EncryptionCodecOptions = {
  /** The key new payloads are encrypted with (base64, 32 bytes). */
  key: string;
  /** Earlier keys, still accepted for decryption after a rotation. */
  previousKeys?: string[];
  /**
   * The worker's side: a payload that is not encrypted with one of our keys was not sent by one of
   * our clients (anyone who reaches the Temporal frontend can send plain JSON, e.g. an "APPROVED"
   * signal). It is read as `null` instead of its content, which every workflow handler refuses or
   * ignores, and reported to `onRefused`. Not thrown: a payload that fails to decode fails the
   * workflow task again on every retry, and would leave a charged payment stuck for good.
   */
  refuseUnencrypted?: boolean;
  onRefused?: (encoding: string) => void;
};

/** What a refused payload reads as: JSON `null`. */
const REFUSED_PAYLOAD: Payload = { metadata: { [METADATA_ENCODING_KEY]: encode('json/plain') }, data: encode('null') };

export const createEncryptionCodec = ({ key, previousKeys = [], refuseUnencrypted = false, onRefused }: EncryptionCodecOptions): PayloadCodec => {
  const current = parseKey(key);
  const currentId = keyIdOf(current);
  const keys = new Map([current, ...previousKeys.map(parseKey)].map((k) => [keyIdOf(k), k]));
  return {
    encode: async (payloads: Payload[]) =>
      payloads.map((payload) => {
        const iv = randomBytes(IV_BYTES);
        const cipher = createCipheriv('aes-256-gcm', current, iv);
        const plain = temporal.api.common.v1.Payload.encode(payload).finish();
        const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
        return { metadata: { [METADATA_ENCODING_KEY]: encode(ENCODING), [KEY_ID_KEY]: encode(currentId) }, data: sealed };
      }),
    decode: async (payloads: Payload[]) =>
      payloads.map((payload) => {
        const encoding = decode(payload.metadata?.[METADATA_ENCODING_KEY]);
        if (encoding !== ENCODING) {
          if (!refuseUnencrypted) return payload;
          onRefused?.(encoding);
          return REFUSED_PAYLOAD;
        }
        const keyId = decode(payload.metadata?.[KEY_ID_KEY]);
        const keyForPayload = keys.get(keyId);
        if (!keyForPayload)
          throw new Error(`payload encrypted with unknown key ${keyId}: set PAYLOAD_ENCRYPTION_KEY (or its previous keys) to the key it was written with`);
        const data = Buffer.from(payload.data ?? new Uint8Array());
        const decipher = createDecipheriv('aes-256-gcm', keyForPayload, data.subarray(0, IV_BYTES));
        decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
        const plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
        return temporal.api.common.v1.Payload.decode(plain);
      }),
  };
};

/** The data converter every Voltpay client uses. */
export const createDataConverter = (options: EncryptionCodecOptions): DataConverter => ({ payloadCodecs: [createEncryptionCodec(options)] });
