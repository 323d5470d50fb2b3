import { afterEach, describe, expect, it, vi } from "vitest";
import { authLogger } from "./auth-logger";

function captured(fn: () => void): string[] {
  const out: string[] = [];
  const take = (chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  };
  const spies = [vi.spyOn(process.stdout, "write").mockImplementation(take), vi.spyOn(process.stderr, "write").mockImplementation(take), vi.spyOn(console, "error").mockImplementation(() => out.push("console.error"))];
  try {
    fn();
  } finally {
    for (const s of spies) s.mockRestore();
  }
  return out;
}

afterEach(() => vi.restoreAllMocks());

describe("authLogger", () => {
  it("writes a refused sign-in as one redacted JSON line, without a stack trace", () => {
    const lines = captured(() => authLogger.error(Object.assign(new Error("Read more at https://errors.authjs.dev#credentialssignin"), { type: "CredentialsSignin" })));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "info", message: "auth: request refused", type: "CredentialsSignin" });
  });

  it("keeps real faults at error level, with their cause, redacted", () => {
    const cause = new Error("db said no for password=hunter2secret");
    const error = Object.assign(new Error("callback failed"), { cause: { err: cause } });
    const [line] = captured(() => authLogger.error(error));
    const parsed = JSON.parse(line!) as { level: string; cause: { message: string } };
    expect(parsed.level).toBe("error");
    expect(parsed.cause.message).toContain("db said no");
    expect(line).not.toContain("hunter2secret");
  });
});
