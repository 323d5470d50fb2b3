import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

/**
 * Hashes for the simulated Sage 50 passwords (the users' and the one saved in the connector).
 * Salted scrypt, cheaper than the staff passwords' cost: these protect nothing real, but the plain
 * text is still never stored.
 */
const KEY_LENGTH = 32;
const COST = 4_096;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { N: COST, r: 8, p: 1 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** `scrypt$<salt>$<hash>`, both base64url. */
export async function hashSimPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return `scrypt$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

/** A null hash is a user without a password: only the empty password matches it. */
export async function verifySimPassword(password: string, stored: string | null): Promise<boolean> {
  if (stored === null) return password === "";
  const [scheme, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await derive(password, Buffer.from(salt, "base64url"));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
