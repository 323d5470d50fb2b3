import type { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { readLimitedText } from "@/lib/http/read-limited-text";

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/** Keys that look like a password field: the product never accepts a Sage 50 password. */
const PASSWORD_KEY = /pass(word|wd|phrase|code)?$|^pwd$|^pin$|secret/i;

/** Reads a JSON body with a size limit, and refuses anything carrying a password-like field. */
export async function readJsonBody(req: NextRequest, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).");
  }
  const text = await readLimitedText(req, maxBytes, () => tooLarge(maxBytes));
  let value: unknown;
  try {
    value = text.length ? JSON.parse(text) : {};
  } catch {
    throw new AppError("invalid_json", "The request body is not valid JSON.");
  }
  const key = findPasswordKey(value);
  if (key) {
    throw new AppError(
      "password_not_accepted",
      `The field "${key}" is not accepted: this product never asks for, accepts or stores a Sage 50 password. Type the password only into Sage 50 and the connector.`,
    );
  }
  return value;
}

function tooLarge(maxBytes: number) {
  return new AppError("payload_too_large", `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`);
}

function findPasswordKey(value: unknown, depth = 0): string | null {
  if (depth > 20 || value === null || typeof value !== "object") return null;
  for (const [k, v] of Object.entries(value)) {
    if (PASSWORD_KEY.test(k)) return k;
    const inner = findPasswordKey(v, depth + 1);
    if (inner) return inner;
  }
  return null;
}
