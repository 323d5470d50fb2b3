import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCodatClient, type CodatCallEvent, type CodatClientOptions } from "./client";
import { getCompany } from "./companies";
import { createSage50Connection } from "./connections";
import { CODAT_ERROR_MESSAGES, CodatError } from "./errors";
import { codatCall } from "./http";
import { companyBody, connectionBody, errorBody, IDS } from "./testing/codat-fixtures";
import { startFakeCodatServer, type FakeCodatServer } from "./testing/fake-codat-server";

const API_KEY = "sk_test_0123456789abcdef";

let server: FakeCodatServer;
let calls: CodatCallEvent[];
let waits: number[];

beforeEach(async () => {
  server = await startFakeCodatServer();
  calls = [];
  waits = [];
});
afterEach(async () => {
  await server.close();
});

function client(opts: Partial<CodatClientOptions> = {}) {
  return createCodatClient({
    baseUrl: server.url,
    apiKey: API_KEY,
    maxAttempts: 4,
    baseDelayMs: 1,
    maxDelayMs: 5_000,
    timeoutMs: 2_000,
    onCall: (e) => calls.push(e),
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...opts,
  });
}

async function failure(promise: Promise<unknown>): Promise<CodatError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CodatError);
  return err as CodatError;
}

describe("codatCall: request", () => {
  it("sends Basic base64(API key), JSON headers, the path and the query", async () => {
    server.replies({ status: 200, body: companyBody() });
    await getCompany(client(), IDS.company);
    const req = server.requests[0];
    expect(req?.method).toBe("GET");
    expect(req?.path).toBe(`/companies/${IDS.company}`);
    expect(req?.headers.authorization).toBe(`Basic ${Buffer.from(API_KEY).toString("base64")}`);
    expect(req?.headers.accept).toBe("application/json");

    server.replies({ status: 200, body: connectionBody() });
    await createSage50Connection(client(), IDS.company);
    expect(server.requests[1]?.headers["content-type"]).toBe("application/json");
    expect(server.requests[1]?.body).toEqual({ platformKey: "hbql" });
  });

  it("refuses an empty path parameter before sending anything (it would name the collection)", async () => {
    await expect(getCompany(client(), "")).rejects.toThrow(/empty path parameter companyId/);
    expect(server.requests).toHaveLength(0);
    expect(calls).toHaveLength(0);
  });

  it("encodes path parameters", async () => {
    server.replies({ status: 200, body: companyBody() });
    await getCompany(client(), "a/b c");
    expect(server.requests[0]?.path).toBe("/companies/a%2Fb%20c");
  });
});

describe("codatCall: retries", () => {
  it("retries a 429 after the Retry-After seconds", async () => {
    server.replies({ status: 429, body: errorBody({ statusCode: 429 }), headers: { "Retry-After": "2" } }, {
      status: 200,
      body: companyBody(),
    });
    const company = await getCompany(client(), IDS.company);
    expect(company.id).toBe(IDS.company);
    expect(server.requests).toHaveLength(2);
    expect(waits).toEqual([2_000]);
    expect(calls.map((c) => [c.status, c.outcome, c.willRetry])).toEqual([
      [429, "http_error", true],
      [200, "success", false],
    ]);
  });

  it("reads Retry-After as an HTTP date", async () => {
    const at = new Date(Date.now() + 3_000).toUTCString();
    server.replies({ status: 429, headers: { "Retry-After": at } }, { status: 200, body: companyBody() });
    await getCompany(client(), IDS.company);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(1_000);
    expect(waits[0]).toBeLessThanOrEqual(3_000);
  });

  it("stops, rather than call back early, when Retry-After is longer than maxDelayMs", async () => {
    server.replies({ status: 429, headers: { "Retry-After": "120" } });
    const err = await failure(getCompany(client(), IDS.company));
    expect(err.code).toBe("rate_limited");
    expect(err.retryAfterSeconds).toBe(120);
    expect(err.message).toBe(CODAT_ERROR_MESSAGES.rate_limited);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a 503 with jittered exponential backoff", async () => {
    server.replies({ status: 503 }, { status: 503 }, { status: 200, body: companyBody() });
    await getCompany(client({ baseDelayMs: 100, random: () => 0.5 }), IDS.company);
    expect(server.requests).toHaveLength(3);
    expect(waits).toEqual([50, 100]);
  });

  it("gives up after maxAttempts with upstream_unavailable", async () => {
    server.replies({ status: 500, body: errorBody({ statusCode: 500, error: "Internal error" }) });
    const err = await failure(getCompany(client({ maxAttempts: 3 }), IDS.company));
    expect(err.code).toBe("upstream_unavailable");
    expect(err.status).toBe(500);
    expect(server.requests).toHaveLength(3);
    expect(calls.map((c) => c.willRetry)).toEqual([true, true, false]);
  });

  it("retries a dropped connection", async () => {
    server.replies({ action: "destroy" }, { status: 200, body: companyBody() });
    await getCompany(client(), IDS.company);
    expect(server.requests).toHaveLength(2);
    expect(calls[0]?.outcome).toBe("network_error");
  });

  it("retries when the server cannot be reached at all, even for a POST", async () => {
    const url = server.url;
    await server.close();
    const err = await failure(createSage50Connection(client({ baseUrl: url, maxAttempts: 3 }), IDS.company));
    expect(err.code).toBe("upstream_unavailable");
    expect(calls).toHaveLength(3);
    expect(calls.every((c) => c.outcome === "network_error")).toBe(true);
    server = await startFakeCodatServer();
  });

  it.each([
    [400, "bad_request"],
    [401, "unauthorized"],
    [403, "unauthorized"],
    [404, "not_found"],
  ] as const)("does not retry a %i (%s)", async (status, code) => {
    server.replies({ status, body: errorBody({ statusCode: status }) });
    const err = await failure(getCompany(client(), IDS.company));
    expect(err.code).toBe(code);
    expect(err.status).toBe(status);
    expect(server.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("retries a POST on 503 but not on 500 (a second try could create a duplicate)", async () => {
    server.replies({ status: 503 }, { status: 200, body: connectionBody() });
    await createSage50Connection(client(), IDS.company);
    expect(server.requests).toHaveLength(2);

    server.replies({ status: 500 });
    const err = await failure(createSage50Connection(client(), IDS.company));
    expect(err.code).toBe("upstream_unavailable");
    expect(server.requests).toHaveLength(3);
  });
});

describe("codatCall: timeouts", () => {
  it("turns a slow answer into a timeout, retrying a GET", async () => {
    server.replies({ action: "hang" });
    const err = await failure(getCompany(client({ timeoutMs: 300, maxAttempts: 2 }), IDS.company));
    expect(err.code).toBe("timeout");
    expect(err.message).toBe(CODAT_ERROR_MESSAGES.timeout);
    expect(server.requests).toHaveLength(2);
    expect(calls.map((c) => c.outcome)).toEqual(["timeout", "timeout"]);
  });

  it("does not resend a POST that timed out", async () => {
    server.replies({ action: "hang" });
    const err = await failure(createSage50Connection(client({ timeoutMs: 300 }), IDS.company));
    expect(err.code).toBe("timeout");
    expect(server.requests).toHaveLength(1);
  });

  it("stops at once when the caller cancels", async () => {
    server.replies({ action: "hang" });
    const controller = new AbortController();
    const pending = codatCall(
      client(),
      (api, o) => api.platform.GET("/companies/{companyId}", { ...o, params: { path: { companyId: IDS.company } } }),
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 20);
    const err = await failure(pending);
    expect(err.code).toBe("timeout");
    expect(err.detail).toMatch(/cancelled/);
    expect(server.requests).toHaveLength(1);
  });

  it("stops waiting between attempts when the caller cancels (the real timer, not a test one)", async () => {
    server.replies({ status: 503, body: errorBody({ statusCode: 503 }) });
    const controller = new AbortController();
    const slow = createCodatClient({ baseUrl: server.url, apiKey: API_KEY, baseDelayMs: 60_000, maxDelayMs: 60_000, random: () => 1 });
    const started = performance.now();
    const pending = codatCall(
      slow,
      (api, o) => api.platform.GET("/companies/{companyId}", { ...o, params: { path: { companyId: IDS.company } } }),
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 100);
    const err = await failure(pending);
    expect(err.detail).toMatch(/cancelled/);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(server.requests).toHaveLength(1);
  });
});

describe("codatCall: errors", () => {
  it("reads Codat's ErrorMessage body", async () => {
    const body = errorBody({
      statusCode: 400,
      error: "Supplier is not valid",
      correlationId: "corr-123",
      canBeRetried: "False",
      detailedErrorCode: 12,
      validation: {
        errors: [{ itemId: "TEST0001", message: "Name is too long", validatorName: "Sage50" }],
        warnings: [],
      },
    });
    server.replies({ status: 400, body });
    const err = await failure(getCompany(client(), IDS.company));
    expect(err.code).toBe("validation");
    expect(err.status).toBe(400);
    expect(err.correlationId).toBe("corr-123");
    expect(err.canBeRetried).toBe(false);
    expect(err.detailedErrorCode).toBe(12);
    expect(err.service).toBe("PublicApi");
    expect(err.validation?.errors).toEqual([{ itemId: "TEST0001", message: "Name is too long", validatorName: "Sage50" }]);
    expect(err.detail).toContain("Supplier is not valid");
    expect(err.message).toBe(CODAT_ERROR_MESSAGES.validation);
  });

  it("never lets the API key into an error, even when Codat echoes it", async () => {
    const encoded = Buffer.from(API_KEY).toString("base64");
    server.replies({ status: 401, body: errorBody({ statusCode: 401, error: `Key ${API_KEY} / ${encoded} refused` }) });
    const c = client();
    const err = await failure(getCompany(c, IDS.company));
    const everything = [err.message, err.detail, JSON.stringify(err), inspect(err), inspect(c), JSON.stringify(c)];
    for (const text of everything) {
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain(encoded);
    }
    expect(err.detail).toContain("[redacted]");
  });

  it("rejects a 200 whose body is not JSON", async () => {
    server.replies({ status: 200, raw: "<html>oops</html>" });
    const err = await failure(getCompany(client(), IDS.company));
    expect(err.code).toBe("upstream_unavailable");
    expect(server.requests).toHaveLength(1);
  });

  it("refuses an answer larger than the limit as it streams in, without retrying", async () => {
    server.replies({ status: 200, raw: JSON.stringify({ id: IDS.company, name: "x".repeat(5_000) }) });
    const err = await failure(getCompany(client({ maxResponseBytes: 1_000 }), IDS.company));
    expect(err.code).toBe("upstream_unavailable");
    expect(err.status).toBe(200);
    expect(err.detail).toMatch(/more than 1000 bytes/);
    expect(server.requests).toHaveLength(1);
  });

  it("keeps a non-JSON error body as the detail", async () => {
    server.replies({ status: 404, raw: "no such company" });
    const err = await failure(getCompany(client(), IDS.company));
    expect(err.code).toBe("not_found");
    expect(err.detail).toContain("no such company");
  });
});
