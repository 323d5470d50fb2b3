import type { SimContext } from "../context";
import { codatErrors } from "./codat-errors";

/** One request to the Codat-compatible API, with its path parameters. */
export type CodatCall = { ctx: SimContext; request: Request; url: URL; params: Readonly<Record<string, string>> };
export type CodatHandler = (call: CodatCall) => Promise<Response>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

export function param(call: CodatCall, name: string): string {
  const value = call.params[name];
  if (value === undefined) throw new Error(`route has no {${name}}`);
  return value;
}

const MAX_BODY_BYTES = 1_000_000;

/** The JSON body; anything unreadable is Codat's 400. An empty body reads as `{}`. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw codatErrors.badRequest("The request body is too large.");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw codatErrors.badRequest();
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export const json = (body: unknown, status = 200): Response => Response.json(body, { status });
