/**
 * Threat: a hostile "sealed case" that is small on disk but decompresses to gigabytes, to exhaust
 * the opener's memory. openCase must refuse it as `too-large` while memory stays far below the
 * bomb's size.
 */
import { once } from 'node:events';
import { createDeflateRaw } from 'node:zlib';
import * as openpgp from 'openpgp';
import { describe, expect, it } from 'vitest';
import { openCase, SealError } from '../../core/src/index';
import { loadPersona } from '../fixtures/keys/personas';

/** Raw-deflates (OpenPGP "ZIP") a literal data packet holding `size` zero bytes, streaming so the test itself stays small. */
async function deflatedLiteral(size: number): Promise<Uint8Array> {
  const deflate = createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const bodyLength = 6 + size; // format byte, filename length, 4-byte date, then the data
  const header = Buffer.from([0xc0 | 11, 0xff, (bodyLength >>> 24) & 0xff, (bodyLength >>> 16) & 0xff, (bodyLength >>> 8) & 0xff, bodyLength & 0xff, 0x62, 0, 0, 0, 0, 0]);
  deflate.write(header);
  const chunk = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < size; written += chunk.length) {
    if (!deflate.write(written + chunk.length <= size ? chunk : chunk.subarray(0, size - written))) await once(deflate, 'drain');
  }
  deflate.end();
  await once(deflate, 'end');
  return Buffer.concat(out);
}

/** Encrypts a ready-made compressed packet to `recipient`, the way an attacker would hand-craft a bomb. */
async function sealBomb(size: number, recipient: openpgp.PublicKey): Promise<Uint8Array> {
  const packet = new openpgp.CompressedDataPacket();
  // Set the raw fields openpgp would fill when reading: an attacker writes these bytes directly.
  Object.assign(packet, { algorithm: openpgp.enums.compression.zip, compressed: await deflatedLiteral(size) });
  const list = new openpgp.PacketList();
  list.push(packet);
  const message = new openpgp.Message(list);
  return openpgp.encrypt({ message, encryptionKeys: recipient, format: 'binary', config: { preferredCompressionAlgorithm: openpgp.enums.compression.uncompressed } });
}

async function peakRssDuring<T>(work: () => Promise<T>): Promise<{ result: PromiseSettledResult<T>; peakGrowth: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
  const [result] = await Promise.allSettled([work()]);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { result, peakGrowth: peak - start };
}

describe('threat: compression bomb', () => {
  it('refuses a 1 GB compression bomb as too-large at the default 50 MB limit, without buffering it', async () => {
    const [coach, supervisor] = await Promise.all([loadPersona('coach'), loadPersona('supervisor')]);
    const bomb = await sealBomb(1024 * 1024 * 1024, supervisor.publicKey);
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024); // small on disk…
    const { result, peakGrowth } = await peakRssDuring(() => openCase(bomb, { recipientKey: supervisor.privateKey, trustedSigners: [coach.publicKey] }));
    expect(result.status).toBe('rejected');
    const error = (result as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(SealError);
    expect((error as SealError).code).toBe('too-large');
    // …and opening it never came near its 1 GB: the limit (50 MB) plus working space.
    expect(peakGrowth).toBeLessThan(400 * 1024 * 1024);
  }, 120_000);

  it('honours a smaller configured limit', async () => {
    const [coach, supervisor] = await Promise.all([loadPersona('coach'), loadPersona('supervisor')]);
    const bomb = await sealBomb(8 * 1024 * 1024, supervisor.publicKey);
    await expect(openCase(bomb, { recipientKey: supervisor.privateKey, trustedSigners: [coach.publicKey], maxSize: 1024 * 1024 })).rejects.toMatchObject({ code: 'too-large' });
    // The same bomb under a limit it fits in decompresses, and is then refused for being unsigned:
    // proof that the limit, not some other check, refused it above.
    await expect(openCase(bomb, { recipientKey: supervisor.privateKey, trustedSigners: [coach.publicKey], maxSize: 16 * 1024 * 1024 })).rejects.toMatchObject({ code: 'unsigned' });
  }, 60_000);
});
