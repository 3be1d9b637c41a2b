import { createDecipheriv, createHmac, pbkdf2Sync } from 'node:crypto';

/**
 * Reads page 1 of a database exactly as SQLCipher 4 lays it out, using only Node's
 * crypto: 16-byte salt, AES-256-CBC body, 16-byte IV, HMAC-SHA512 over body+IV+page
 * number with a key from PBKDF2-SHA512(key, salt ^ 0x3a, 2 rounds). An independent
 * check that the vault is standard SQLCipher v4, not just something our driver can read.
 */
export function decryptSqlcipherV4Page1(file: Buffer, rawKey: Buffer): { hmacValid: boolean; pageSize: number; reservedBytes: number } {
  const pageSize = 4096;
  const reserve = 80; // 16-byte IV + 64-byte HMAC-SHA512
  const page = file.subarray(0, pageSize);
  const salt = page.subarray(0, 16);
  const body = page.subarray(16, pageSize - reserve);
  const iv = page.subarray(pageSize - reserve, pageSize - reserve + 16);
  const mac = page.subarray(pageSize - 64);
  const hmacKey = pbkdf2Sync(rawKey, Buffer.from(salt.map((b) => b ^ 0x3a)), 2, 32, 'sha512');
  const pgno = Buffer.alloc(4);
  pgno.writeUInt32LE(1);
  const expected = createHmac('sha512', hmacKey).update(page.subarray(16, pageSize - 64)).update(pgno).digest();
  const decipher = createDecipheriv('aes-256-cbc', rawKey, iv);
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(body), decipher.final()]);
  // Plain bytes 16.. of the SQLite header: page size (big-endian u16) then, at 20, reserved space.
  return { hmacValid: expected.equals(mac), pageSize: plain.readUInt16BE(0), reservedBytes: plain[4] };
}
