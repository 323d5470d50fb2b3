import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { loadOpenApiDocument } from "@/lib/setups-api/openapi-document";

/** The OpenAPI 3.1 document of `/api/v1`, generated from the routes' zod schemas. Public and cacheable. */
export const GET = route({ permission: "public" }, async () =>
  NextResponse.json(loadOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } }),
);
