import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, NETWORK_MESSAGE, fetchJson } from "./fetch-json";

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  const fetchMock = vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers }));
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("fetchJson", () => {
  it("sends a body as JSON and returns the parsed answer", async () => {
    const fetchMock = answer(200, { ok: 1 });
    await expect(fetchJson("/api/x", { method: "PUT", body: { a: 1 }, headers: { "Idempotency-Key": "k" } })).resolves.toEqual({ ok: 1 });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/x");
    expect(init).toMatchObject({ method: "PUT", body: '{"a":1}', cache: "no-store" });
    expect(init.headers).toMatchObject({ "Content-Type": "application/json", "Idempotency-Key": "k" });
  });

  it("sends no body and no Content-Type when given none", async () => {
    const fetchMock = answer(200, null);
    await fetchJson("/api/x");
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.body).toBeUndefined();
    expect(init.headers).not.toHaveProperty("Content-Type");
  });

  it("throws the server's code, message, field issues and Retry-After", async () => {
    answer(422, { error: { code: "invalid", message: "Check the form.", details: { fields: [{ path: "email", message: "Enter an email." }, { path: 3 }] } } }, { "Retry-After": "30" });
    const err = await refusal(fetchJson("/api/x", { method: "POST", body: {} }));
    expect(err).toMatchObject({ status: 422, code: "invalid", message: "Check the form.", retryAfterSeconds: 30 });
    expect(err.fields).toEqual([{ path: "email", message: "Enter an email." }]);
  });

  it("throws a message for people when the body is not the error shape", async () => {
    answer(502, undefined);
    expect(await refusal(fetchJson("/api/x"))).toMatchObject({ status: 502, code: "unknown", fields: [], retryAfterSeconds: null });
  });

  it("throws status 0 when the server could not be reached", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    expect(await refusal(fetchJson("/api/x"))).toMatchObject({ status: 0, code: "network", message: NETWORK_MESSAGE });
  });
});
