import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { DEFAULT_MAX_BODY_BYTES, readJsonBody } from "@/lib/api/read-json-body";
import { PASSWORD_KEYS, contentTypes, hostileJson, malformedBodyText, oversizedBodyText, withPasswordField } from "./testing/hostile-input";

function request(body: string | Uint8Array, contentType: string | null, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { ...extra };
  if (contentType !== null) headers["content-type"] = contentType;
  return new NextRequest("http://x/api/anything", { method: "POST", body: typeof body === "string" ? body : Buffer.from(body), headers });
}

async function outcome(req: NextRequest): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await readJsonBody(req) };
  } catch (error) {
    return { ok: false, error };
  }
}

describe("readJsonBody under hostile input", () => {
  it("either returns a value or refuses with an AppError in the 4xx range: never anything else", async () => {
    const body = fc.oneof(hostileJson.map((v) => JSON.stringify(v) ?? "null"), malformedBodyText, oversizedBodyText, fc.uint8Array({ maxLength: 200 }));
    await fc.assert(
      fc.asyncProperty(body, fc.option(contentTypes, { nil: null }), async (b, type) => {
        const result = await outcome(request(b, type));
        if (!result.ok) {
          expect(result.error).toBeInstanceOf(AppError);
          const status = (result.error as AppError).status;
          expect(status).toBeGreaterThanOrEqual(400);
          expect(status).toBeLessThan(500);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("refuses a password-like field at any depth, and does not echo its value", async () => {
    await fc.assert(
      fc.asyncProperty(hostileJson, fc.constantFrom(...PASSWORD_KEYS), fc.boolean(), fc.string({ minLength: 1, maxLength: 30 }), async (base, key, nested, pw) => {
        const value = `pw-${pw}`;
        const result = await outcome(request(JSON.stringify(withPasswordField(base, key, value, nested)), "application/json"));
        expect(result.ok).toBe(false);
        const error = (result as { error: AppError }).error;
        expect(error.code).toBe("password_not_accepted");
        expect(error.message).not.toContain(value);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses bodies over the limit, whether or not Content-Length says so", async () => {
    await fc.assert(
      fc.asyncProperty(oversizedBodyText, fc.boolean(), async (text, declare) => {
        const bytes = new TextEncoder().encode(text);
        const extra: Record<string, string> = declare ? { "content-length": String(bytes.byteLength) } : {};
        const result = await outcome(request(bytes, "application/json", extra));
        expect(result.ok).toBe(false);
        expect((result as { error: AppError }).error.code).toBe("payload_too_large");
      }),
      { numRuns: 30 },
    );
    const fits = JSON.stringify({ text: "x".repeat(DEFAULT_MAX_BODY_BYTES - 20) });
    expect((await outcome(request(fits, "application/json"))).ok).toBe(true);
  });

  it("accepts only JSON media types", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", ""), async (type) => {
        const result = await outcome(request("{}", type));
        expect((result as { error: AppError }).error.code).toBe("unsupported_media_type");
      }),
      { numRuns: 10 },
    );
  });
});
