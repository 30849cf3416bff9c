import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';

/** Argon2id with the library's defaults (memory 19 MiB, 2 iterations: OWASP's minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A password people can type: 4 groups of 4 characters without look-alikes.
 * @example generatePassword() // 'k7mq-x2vd-9rtw-hp4c'
 */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

let commonPasswords: Set<string> | undefined;
/** The shipped list of common passwords (common-passwords.txt), read once. */
function loadCommonPasswords(): Set<string> {
  if (!commonPasswords) {
    const text = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8');
    commonPasswords = new Set(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('#')),
    );
  }
  return commonPasswords;
}

/**
 * Why a new password is refused, or null when it is acceptable. The length (12 to 200
 * characters) is checked by the shared schema `ZNewPassword`; this adds what needs the server:
 * the list of common passwords (also with the digits and symbols people add at either end) and
 * passwords of very few distinct characters.
 * @example passwordWeakness('Password2024!') // 'is too common: choose a less predictable password'
 */
export function passwordWeakness(password: string): string | null {
  const lower = password.toLowerCase();
  const list = loadCommonPasswords();
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (list.has(lower) || (core.length >= 4 && list.has(core)))
    return 'is too common: choose a less predictable password';
  if (new Set(lower).size < 5) return 'has too few different characters';
  return null;
}
