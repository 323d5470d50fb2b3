import type { Metadata } from "next";
import { loadOpenApiDocument } from "@/lib/setups-api/openapi-document";
import { ApiReference } from "@/components/api-docs/api-reference";

export const metadata: Metadata = { title: "API reference" };

/** The reference of `/api/v1` for the integrator's developers, from the OpenAPI document. Public. */
export default function ApiReferencePage() {
  return <ApiReference document={loadOpenApiDocument()} />;
}
