import type { OpenApiDocument } from "@/lib/setups-api/openapi-document";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PropertiesTable, SchemaType } from "./schema-type";

type JsonSchema = Record<string, unknown>;
type Parameter = { name: string; in: string; required: boolean; description?: string; schema: JsonSchema };
type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  "x-required-scope"?: string;
  parameters: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
};

const bodySchema = (content?: Record<string, { schema: JsonSchema }>) => content?.["application/json"]?.schema ?? null;

/** The plain API reference, rendered on the server from the OpenAPI document (docs/decisions/020). */
export function ApiReference({ document }: { document: OpenApiDocument }) {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op: op as Operation })),
  );
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold text-slate-900">{document.info.title}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{document.info.description}</p>
        <p className="mt-2 text-sm">
          OpenAPI 3.1 document: <a href="/api/v1/openapi.json" className="font-mono text-brand-700 underline">/api/v1/openapi.json</a> (generate a client from it).
          Searchable, with request samples: <a href="/docs/api" className="text-brand-700 underline">the interactive reference</a>.
        </p>
      </header>
      <nav aria-labelledby="api-operations">
        <h2 id="api-operations" className="text-xl font-bold text-slate-900">Operations</h2>
        <ul className="mt-2 space-y-1">
          {operations.map(({ path, method, op }) => (
            <li key={op.operationId}>
              <a href={`#${op.operationId}`} className="text-brand-700 underline">
                <span className="font-mono uppercase">{method}</span> <span className="font-mono">{path}</span>
              </a>{" "}
              — {op.summary}
            </li>
          ))}
        </ul>
      </nav>
      {operations.map(({ path, method, op }) => (
        <Card key={op.operationId}>
          <h2 id={op.operationId} className="text-lg font-bold text-slate-900">
            <span className="font-mono uppercase">{method}</span> <span className="font-mono">{path}</span>
          </h2>
          <p className="mt-1 text-slate-800">{op.summary}</p>
          {op.description ? <p className="mt-2 max-w-3xl text-sm text-slate-700">{op.description}</p> : null}
          <p className="mt-2 text-sm">
            {op["x-required-scope"] ? (
              <>
                API key with scope <Badge tone="info">{op["x-required-scope"]}</Badge>
              </>
            ) : (
              "Public: no API key needed."
            )}
          </p>
          {op.parameters.length ? (
            <>
              <h3 className="mt-4 font-semibold text-slate-900">Parameters</h3>
              <PropertiesTable
                caption={`Parameters of ${op.operationId}`}
                schema={{
                  properties: Object.fromEntries(op.parameters.map((p) => [p.name, { ...p.schema, description: `${p.in}. ${p.description ?? ""}` }])),
                  required: op.parameters.filter((p) => p.required).map((p) => p.name),
                }}
              />
            </>
          ) : null}
          {op.requestBody ? (
            <>
              <h3 className="mt-4 font-semibold text-slate-900">Request body (JSON)</h3>
              <SchemaType schema={bodySchema(op.requestBody.content) ?? {}} />
            </>
          ) : null}
          <h3 className="mt-4 font-semibold text-slate-900">Answers</h3>
          <dl className="mt-1 space-y-1 text-sm">
            {Object.entries(op.responses).map(([status, response]) => {
              const schema = bodySchema(response.content);
              return (
                <div key={status} className="flex flex-wrap gap-2">
                  <dt className="font-mono font-semibold">{status}</dt>
                  <dd>
                    {response.description}
                    {schema ? (
                      <>
                        {" "}
                        — <SchemaType schema={schema} />
                      </>
                    ) : null}
                  </dd>
                </div>
              );
            })}
          </dl>
        </Card>
      ))}
      <Card>
        <h2 id="api-webhooks" className="text-xl font-bold text-slate-900">Webhooks to your endpoint</h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          An admin adds your endpoint at /support/admin and chooses the events. Each is a signed <span className="font-mono">POST</span> (Standard Webhooks:{" "}
          <span className="font-mono">webhook-id</span>, <span className="font-mono">webhook-timestamp</span>, <span className="font-mono">webhook-signature</span>); answer 2xx
          within 10 seconds, or it is retried for about 24 hours.
        </p>
        <ul className="mt-2 space-y-1 text-sm">
          {Object.entries(document.webhooks).map(([type, { post }]) => {
            const schema = bodySchema(post.requestBody.content) as { $ref?: string } | null;
            const name = schema?.$ref?.split("/").at(-1);
            return (
              <li key={type}>
                <span className="font-mono">{type}</span>
                {name ? (
                  <>
                    {" "}
                    — <a href={`#schema-${name}`} className="text-brand-700 underline">{name}</a>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      </Card>
      <section aria-labelledby="api-schemas" className="space-y-4">
        <h2 id="api-schemas" className="text-xl font-bold text-slate-900">Schemas</h2>
        {Object.entries(document.components.schemas).map(([name, schema]) => (
          <Card key={name}>
            <h3 id={`schema-${name}`} className="font-mono text-lg font-bold text-slate-900">{name}</h3>
            <div className="mt-2">
              <PropertiesTable schema={schema} caption={`Fields of ${name}`} />
            </div>
          </Card>
        ))}
      </section>
    </div>
  );
}
