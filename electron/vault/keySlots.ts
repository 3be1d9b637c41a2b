import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Key slots: the random 256-bit data key (DEK) that encrypts the database is wrapped by
 * a passphrase slot (scrypt → AES-256-GCM). The printable recovery key *is* the DEK, so
 * district IT can open the database with stock SQLCipher tools; its slot only stores a
 * short check value so a mistyped key gets a clear message without touching the database.
 */

export const SLOT_FILE_FORMAT = 'waypoint-vault-keyslots';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** Production KDF cost: 128 MiB of memory, about half a second on a school laptop. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

const b64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);

const passphraseSlotSchema = z.object({
  id: z.string().min(1),
  type: z.literal('passphrase'),
  createdAt: z.string(),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int().min(2 ** 10).max(2 ** 22),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: b64,
  }),
  wrap: z.object({ alg: z.literal('aes-256-gcm'), iv: b64, ciphertext: b64, tag: b64 }),
});

const recoverySlotSchema = z.object({
  id: z.string().min(1),
  type: z.literal('recovery'),
  createdAt: z.string(),
  check: z.string().regex(/^[0-9a-f]{16}$/),
});

/** The key-file format this Waypoint writes and reads; a later one is refused as too new. */
export const SLOT_FILE_VERSION = 1;

export const slotFileSchema = z.object({
  format: z.literal(SLOT_FILE_FORMAT),
  version: z.literal(SLOT_FILE_VERSION),
  vaultId: z.string().min(1),
  createdAt: z.string(),
  database: z.string().regex(/^[A-Za-z0-9._-]+$/),
  cipher: z.object({ scheme: z.literal('sqlcipher'), legacy: z.literal(4) }),
  slots: z.array(z.discriminatedUnion('type', [passphraseSlotSchema, recoverySlotSchema])).min(1),
  throttle: z.object({ failures: z.number().int().min(0), lastFailureAt: z.string().nullable() }),
});

export type SlotFile = z.infer<typeof slotFileSchema>;
export type PassphraseSlot = z.infer<typeof passphraseSlotSchema>;

function scryptAsync(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase.normalize('NFC'),
      salt,
      32,
      { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 16 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

function slotAad(vaultId: string, slotId: string): Buffer {
  return Buffer.from(`waypoint:${vaultId}:${slotId}`, 'utf8');
}

export async function makePassphraseSlot(
  vaultId: string,
  dek: Buffer,
  passphrase: string,
  params: ScryptParams,
  now: Date,
): Promise<PassphraseSlot> {
  const id = randomUUID();
  const salt = randomBytes(32);
  const kek = await scryptAsync(passphrase, salt, params);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(slotAad(vaultId, id));
    const ciphertext = Buffer.concat([cipher.update(dek), cipher.final()]);
    return {
      id,
      type: 'passphrase',
      createdAt: now.toISOString(),
      kdf: { name: 'scrypt', ...params, salt: salt.toString('base64') },
      wrap: {
        alg: 'aes-256-gcm',
        iv: iv.toString('base64'),
        ciphertext: ciphertext.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
      },
    };
  } finally {
    kek.fill(0);
  }
}

/** Returns the DEK, or null when the passphrase does not open this slot. */
export async function unwrapPassphraseSlot(vaultId: string, slot: PassphraseSlot, passphrase: string): Promise<Buffer | null> {
  const kek = await scryptAsync(passphrase, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.wrap.iv, 'base64'));
    decipher.setAAD(slotAad(vaultId, slot.id));
    decipher.setAuthTag(Buffer.from(slot.wrap.tag, 'base64'));
    const dek = Buffer.concat([decipher.update(Buffer.from(slot.wrap.ciphertext, 'base64')), decipher.final()]);
    return dek.length === 32 ? dek : null;
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

export function recoveryCheck(vaultId: string, dek: Buffer): string {
  return createHmac('sha256', dek).update(`waypoint-recovery-check:${vaultId}`).digest('hex').slice(0, 16);
}

export function makeRecoverySlot(vaultId: string, dek: Buffer, now: Date) {
  return { id: randomUUID(), type: 'recovery' as const, createdAt: now.toISOString(), check: recoveryCheck(vaultId, dek) };
}

/** 64 hex digits in 16 groups of four: easy to read aloud, print and retype. */
export function formatRecoveryKey(dek: Buffer): string {
  const hex = dek.toString('hex').toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

/** Accepts the printed form with any spacing, dashes or case; null when it cannot be a key. */
export function parseRecoveryKey(text: string): Buffer | null {
  const hex = text.replace(/[\s-]/g, '');
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return null;
  return Buffer.from(hex, 'hex');
}

export function recoveryKeyMatches(file: SlotFile, dek: Buffer): boolean {
  const slot = file.slots.find((s) => s.type === 'recovery');
  if (!slot || slot.type !== 'recovery') return false;
  const expected = Buffer.from(slot.check, 'hex');
  const actual = Buffer.from(recoveryCheck(file.vaultId, dek), 'hex');
  return timingSafeEqual(expected, actual);
}

export function passphraseSlots(file: SlotFile): PassphraseSlot[] {
  return file.slots.filter((s): s is PassphraseSlot => s.type === 'passphrase');
}
