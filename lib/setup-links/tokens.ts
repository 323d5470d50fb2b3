import { createHash, createHmac, randomBytes, randomInt } from "node:crypto";

/** Crockford's base32, without letters that read like digits. */
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export const hashSecret = (value: string) => createHash("sha256").update(value).digest("hex");

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** 8 characters (40 bits), shown as XXXX-XXXX; typed at /go. */
export function newShortCode(): string {
  let code = "";
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** What people type: case, spaces, dashes and look-alike letters forgiven. */
export function normalizeShortCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
}

export const formatShortCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/**
 * A link's token and short code derived from a secret and a label, so they can be given again without
 * being stored: demo links (a restart prints the same link) and the setup link in an answer to an
 * `Idempotency-Key` (a replay gives the same link).
 */
export function derivedLinkSecrets(secret: string, label: string) {
  const mac = createHmac("sha256", secret).update(label).digest();
  const token = mac.toString("base64url");
  let shortCode = "";
  for (let i = 0; i < 8; i++) shortCode += CODE_ALPHABET[mac[i]! % CODE_ALPHABET.length];
  return { token, shortCode };
}

/** Demo links are reproducible (derived from the secret) so a restart can print the same link. */
export const demoSecrets = (secret: string, companyId: string) => derivedLinkSecrets(secret, `demo-link:${companyId}`);
