import { randomInt } from "node:crypto";

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A one-time password for a new staff account: 4 groups of 4 (about 79 bits), shown once to the admin. */
export function generateOneTimePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = "";
    for (let i = 0; i < 4; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join("-");
}
