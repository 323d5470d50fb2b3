import { afterEach, describe, expect, it, vi } from "vitest";
import { codatClientFromEnv, getCodat, resetCodatForTests } from "./config";

vi.mock("@/lib/env", () => ({
  getEnv: vi.fn(() => ({
    codatMode: "simulator",
    CODAT_BASE_URL: "https://api.codat.io",
    SIMULATOR_API_KEY: "sim-key",
    APP_URL: "http://localhost:3000",
  })),
}));

const base = {
  CODAT_BASE_URL: "https://api.codat.io",
  SIMULATOR_API_KEY: "sim-key",
  APP_URL: "http://localhost:3000/",
};

const basic = (key: string) => `Basic ${Buffer.from(key).toString("base64")}`;

afterEach(() => resetCodatForTests());

describe("codatClientFromEnv", () => {
  it("uses Codat and the real key in live mode", () => {
    const client = codatClientFromEnv({ ...base, codatMode: "live", CODAT_API_KEY: "live-key" });
    expect(client.baseUrl).toBe("https://api.codat.io");
    expect(client.authorizationHeader()).toBe(basic("live-key"));
  });

  it("uses the app's simulator and its key in simulator mode", () => {
    const client = codatClientFromEnv({ ...base, codatMode: "simulator", CODAT_API_KEY: "ignored" });
    expect(client.baseUrl).toBe("http://localhost:3000/api/sim/codat");
    expect(client.authorizationHeader()).toBe(basic("sim-key"));
  });

  it("refuses live mode without a key", () => {
    expect(() => codatClientFromEnv({ ...base, codatMode: "live" })).toThrow(/CODAT_API_KEY/);
  });

  it("passes options such as timeouts through", () => {
    const client = codatClientFromEnv({ ...base, codatMode: "simulator" }, { timeoutMs: 1_234, maxAttempts: 2 });
    expect(client.timeoutMs).toBe(1_234);
    expect(client.maxAttempts).toBe(2);
  });
});

describe("getCodat", () => {
  it("builds the client once from getEnv()", () => {
    const first = getCodat();
    expect(first.baseUrl).toBe("http://localhost:3000/api/sim/codat");
    expect(getCodat()).toBe(first);
  });
});
