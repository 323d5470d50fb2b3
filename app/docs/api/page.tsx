import type { Metadata } from "next";
import { ScalarReference } from "@/components/api-docs/scalar-reference";

export const metadata: Metadata = { title: "API reference" };

/**
 * The reference of `/api/v1` for the integrator's developers: the published OpenAPI document shown
 * by a kept viewer (decision 020), with the plain page and the document itself one link away. Public.
 */
export default function ApiReferencePage() {
  return (
    <div className="space-y-4">
      <nav aria-label="This reference in other forms">
        <p className="text-sm text-slate-700">
          Generate a client from the OpenAPI 3.1 document,{" "}
          <a href="/api/v1/openapi.json" className="font-mono text-brand-700 underline">
            /api/v1/openapi.json
          </a>
          . Prefer a page without JavaScript?{" "}
          <a href="/docs/api/plain" className="text-brand-700 underline">
            Read the plain reference
          </a>
          .
        </p>
      </nav>
      <ScalarReference documentUrl="/api/v1/openapi.json" />
    </div>
  );
}
