import { NextResponse, type NextRequest } from "next/server";
import { config, safeParse, type $ZodError, type $ZodType } from "zod/v4/core";
import en from "zod/v4/locales/en.js";
import { AppError } from "@/lib/errors";
import { getDb, type Db } from "@/lib/db/client";
import { requireActor, requireSessionClaims } from "@/lib/auth/guards";
import type { SessionClaims } from "@/lib/auth/auth.config";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { requireApiKey, type ApiKeyCaller } from "@/lib/auth/api-key-guard";
import type { ApiKeyScope } from "@/lib/sage/api-key-scopes";
import { errorResponse } from "./error-response";
import { readJsonBody } from "./read-json-body";

// zod/mini has no messages of its own (full zod sets English when first used): set them here, so a
// route whose schemas are all zod/mini answers in the same words.
if (!config().localeError) config(en());

type Ctx<P, B, Q, A> = {
  req: NextRequest;
  db: Db;
  actor: A;
  claims: SessionClaims | null;
  /** The API key that sent the request, on routes with `apiKey` (else null). */
  apiKey: ApiKeyCaller | null;
  params: P;
  body: B;
  query: Q;
};

type Options<P, B, Q> = {
  /**
   * "public" routes resolve no session. "session": a session cookie is required (401 before anything
   * else) and the handler gets its `claims`, to check against the database in its own read (the
   * polled status route, docs/decisions/006). Anything else needs an actor with that permission.
   */
  permission: Permission | "signed-in" | "session" | "public";
  /**
   * `/api/v1` routes (with permission "public"): an `Authorization: Bearer psk_…` key holding this
   * scope is required, checked before the input is parsed (401 without a key, 403 without the scope).
   */
  apiKey?: ApiKeyScope;
  /** Any zod 4 schema: full zod, or zod/mini for schemas a form also ships to the browser. */
  params?: $ZodType<P>;
  body?: $ZodType<B>;
  query?: $ZodType<Q>;
  maxBodyBytes?: number;
};

/**
 * The common part of every JSON route: session and permission, zod-parsed params, query and body,
 * and one error shape `{ error: { code, message, details? } }`. Handlers return data (sent as 200 JSON)
 * or a Response.
 */
export function route<P = undefined, B = undefined, Q = undefined, Pub extends boolean = false>(
  opts: Options<P, B, Q> & (Pub extends true ? { permission: "public" } : object),
  handler: (ctx: Ctx<P, B, Q, Pub extends true ? null : Actor>) => Promise<unknown>,
) {
  return async (req: NextRequest, segment: { params: Promise<Record<string, string | string[]>> }) => {
    try {
      const db = await getDb();
      const claims = opts.permission === "session" ? await requireSessionClaims() : null;
      const actor =
        opts.permission === "public" || opts.permission === "session"
          ? null
          : await requireActor(db, opts.permission === "signed-in" ? undefined : opts.permission);
      const apiKey = opts.apiKey ? await requireApiKey(db, req.headers.get("authorization"), opts.apiKey) : null;
      const params = opts.params ? parse(opts.params, await segment.params, "path") : (undefined as P);
      const query = opts.query
        ? parse(opts.query, Object.fromEntries(req.nextUrl.searchParams), "query")
        : (undefined as Q);
      const body = opts.body ? parse(opts.body, await readJsonBody(req, opts.maxBodyBytes), "body") : (undefined as B);
      const result = await handler({ req, db, actor: actor as Pub extends true ? null : Actor, claims, apiKey, params, body, query });
      return result instanceof Response ? result : NextResponse.json(result ?? { ok: true });
    } catch (err) {
      return errorResponse(err);
    }
  };
}

function parse<T>(schema: $ZodType<T>, value: unknown, where: string): T {
  const result = safeParse(schema, value);
  if (result.success) return result.data;
  if (where === "path") throw new AppError("not_found", "That record was not found.");
  throw validationError(result.error, where);
}

/** A zod failure as a 422 with one issue per field. */
export function validationError(error: $ZodError, where = "body") {
  return new AppError("validation_failed", describe(error, where), { details: { fields: fieldIssues(error) } });
}

function fieldIssues(error: $ZodError) {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

function describe(error: $ZodError, where: string) {
  const first = error.issues[0];
  if (!first) return `The ${where} is not valid.`;
  const at = first.path.length ? `${first.path.map(String).join(".")}: ` : "";
  return `${at}${first.message}`;
}
