import { describe, expect, it } from "vitest";
import { API_NOT_FOUND_MESSAGE } from "@/lib/api/api-not-found";
import * as catchAll from "./route";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

describe("an address under /api/ that no route serves", () => {
  it.each(METHODS)("answers %s with a JSON 404 in the API's error shape", async (method) => {
    const handler = catchAll[method];
    const res = handler();
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: API_NOT_FOUND_MESSAGE } });
  });
});
