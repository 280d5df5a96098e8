import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A fresh bearer secret: 16 random bytes (128 bits, well over the 64 the issue asks for),
 * base64url so it fits in a URL, a cookie or a header unescaped.
 */
export function newSecret(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

/** How secrets are stored: a copied database must not let anyone sign in. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares two secrets without leaking through timing where the first difference is. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(hashSecret(a), 'hex');
  const y = Buffer.from(hashSecret(b), 'hex');
  return timingSafeEqual(x, y);
}
