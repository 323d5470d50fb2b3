import { afterEach, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { log, redact } from "@/lib/log";

/** Secrets look random; a fixed prefix keeps one from matching text that is not it. */
const secretValue = fc.string({ unit: fc.constantFrom(..."abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789_-"), minLength: 12, maxLength: 48 }).map((s) => `Zq${s}`);
const secretKey = fc.constantFrom("password", "sagePassword", "token", "csrfToken", "apiKey", "api_key", "secret", "webhookSecret", "authorization", "cookie", "licenseKey", "codatCompanyId", "shortCode", "pwd", "passphrase");
const innocentKey = fc.constantFrom("name", "companyId", "step", "status", "message", "count", "pushOperationKey");

function captured(fn: () => void): string {
  const out: string[] = [];
  const take = (chunk: string | Uint8Array) => {
    out.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return true;
  };
  const a = vi.spyOn(process.stdout, "write").mockImplementation(take);
  const b = vi.spyOn(process.stderr, "write").mockImplementation(take);
  try {
    fn();
  } finally {
    a.mockRestore();
    b.mockRestore();
  }
  return out.join("");
}

afterEach(() => vi.restoreAllMocks());

describe("log lines never carry secrets", () => {
  it("withholds the value of any field named like a secret, at any depth and of any type", () => {
    fc.assert(
      fc.property(secretKey, secretValue, fc.array(fc.tuple(innocentKey, fc.string({ maxLength: 20 })), { maxLength: 4 }), fc.nat({ max: 3 }), (key, value, noise, depth) => {
        let data: Record<string, unknown> = { ...Object.fromEntries(noise), [key]: depth % 2 ? value : { inner: value } };
        for (let i = 0; i < depth; i++) data = { level: i, data, list: [data] };
        const line = captured(() => log.warn("something happened", data));
        expect(line).toContain("something happened");
        expect(line).not.toContain(value);
      }),
      { numRuns: 300 },
    );
  });

  it("redacts setup tokens, API keys, webhook secrets, bearer and basic credentials, and license keys in free text", () => {
    fc.assert(
      fc.property(secretValue, fc.uuid(), fc.constantFrom("GET ", "opened ", "", "url=http://x"), (value, uuid, before) => {
        const texts = [
          `${before}/s/${value}${value}`,
          `${before}key psk_${value}`,
          `${before}signed with whsec_${value}`,
          `${before}Authorization: Bearer ${value}`,
          `${before}Authorization: Basic ${Buffer.from(value).toString("base64")}`,
          `${before}Codat GET /companies/${uuid}/connections answered 500`,
          `${before}password=${value}`,
        ];
        for (const text of texts) {
          const out = redact(text);
          expect(out).not.toContain(value);
          expect(out).not.toContain(uuid);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps what is not secret, so logs stay useful", () => {
    const line = captured(() => log.info("test push finished", { companyId: "c1", status: "success", pushOperationKey: "k1" }));
    expect(JSON.parse(line)).toMatchObject({ message: "test push finished", companyId: "c1", status: "success", pushOperationKey: "k1" });
  });
});
