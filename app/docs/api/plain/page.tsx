import type { Metadata } from "next";
import { loadOpenApiDocument } from "@/lib/setups-api/openapi-document";
import { ApiReference } from "@/components/api-docs/api-reference";

export const metadata: Metadata = { title: "API reference (plain page)" };

/**
 * The reference of `/api/v1` as a plain server-rendered page: no JavaScript, headings, lists and
 * tables for screen readers and print. Public. `/docs/api` is the interactive one.
 */
export default function PlainApiReferencePage() {
  return <ApiReference document={loadOpenApiDocument()} />;
}
