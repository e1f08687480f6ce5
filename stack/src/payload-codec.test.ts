import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { createEncryptionCodec } from './payload-codec';

const newKey = () => randomBytes(32).toString('base64');
const personal = { email: 'resident@example.ru', address: 'г. Омск, ул. Ленина, д. 12, кв. 5' };

describe('payload encryption codec', () => {
  it('round-trips a payload and leaves no personal data readable', async () => {
    const codec = createEncryptionCodec({ key: newKey() });
    const payload = defaultPayloadConverter.toPayload(personal);
    const [sealed] = await codec.encode([payload]);
    const wire = Buffer.from(sealed!.data!).toString('latin1');
    expect(wire).not.toContain('resident@example.ru');
    expect(wire).not.toContain('Ленина');
    const [opened] = await codec.decode([sealed!]);
    expect(defaultPayloadConverter.fromPayload(opened!)).toEqual(personal);
  });

  it('decrypts with a previous key after rotation, and refuses an unknown key', async () => {
    const oldKey = newKey();
    const [sealed] = await createEncryptionCodec({ key: oldKey }).encode([defaultPayloadConverter.toPayload(personal)]);
    const rotated = createEncryptionCodec({ key: newKey(), previousKeys: [oldKey] });
    expect(defaultPayloadConverter.fromPayload((await rotated.decode([sealed!]))[0]!)).toEqual(personal);
    await expect(createEncryptionCodec({ key: newKey() }).decode([sealed!])).rejects.toThrow(/unknown key/);
  });

  it('detects tampering', async () => {
    const codec = createEncryptionCodec({ key: newKey() });
    const [sealed] = await codec.encode([defaultPayloadConverter.toPayload(personal)]);
    const data = Buffer.from(sealed!.data!);
    data[20] = data[20]! ^ 0xff;
    await expect(codec.decode([{ ...sealed!, data }])).rejects.toThrow();
  });

  it('passes unencrypted payloads through (histories from before encryption)', async () => {
    const codec = createEncryptionCodec({ key: newKey() });
    const plain = defaultPayloadConverter.toPayload({ a: 1 });
    expect(await codec.decode([plain])).toEqual([plain]);
  });

  it('on the worker, reads a payload our clients did not encrypt as null and reports it', async () => {
    const refused: string[] = [];
    const key = newKey();
    const worker = createEncryptionCodec({ key, refuseUnencrypted: true, onRefused: (encoding) => refused.push(encoding) });
    const forged = defaultPayloadConverter.toPayload({ eventId: 'evt_forged', type: 'APPROVED', amountKopecks: 1 });
    const [read] = await worker.decode([forged]);
    expect(defaultPayloadConverter.fromPayload(read!)).toBeNull();
    expect(refused).toEqual(['json/plain']);
    const [sealed] = await createEncryptionCodec({ key }).encode([defaultPayloadConverter.toPayload(personal)]);
    expect(defaultPayloadConverter.fromPayload((await worker.decode([sealed!]))[0]!)).toEqual(personal);
  });

  it('refuses a key of the wrong size', () => {
    expect(() => createEncryptionCodec({ key: Buffer.from('short').toString('base64') })).toThrow(/32 bytes/);
  });
});
