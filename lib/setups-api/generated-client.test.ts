import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import ts from "typescript";
import openapiTS, { astToString } from "openapi-typescript";
import { buildOpenApiDocument } from "./openapi-document";

/**
 * The integrator's side of the contract: a client generated from the published document, as the
 * README shows (openapi-typescript for the types, openapi-fetch for the calls), type-checks a backend
 * that creates a setup, follows it and reads an error's code; and it refuses what the API refuses
 * (an unknown field, a missing `name`, a wrong flow). A document whose schemas lost their shape
 * (answers typed as anything) fails here: the `@ts-expect-error` lines would then expect nothing.
 */

const root = path.resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "generated-client-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const backend = `
import createClient from "openapi-fetch";
import type { paths } from "./sage-push-setup";

const api = createClient<paths>({ baseUrl: "https://setup.example.com", headers: { Authorization: "Bearer psk_example" } });

export async function connectSage50(customerId: string, name: string): Promise<string | null> {
  const created = await api.POST("/api/v1/setups", {
    body: { externalId: customerId, name, contactEmail: "owner@example.com", flow: "new" },
    params: { header: { "Idempotency-Key": customerId } },
  });
  if (created.error) {
    const code: string = created.error.error.code;
    const message: string = created.error.error.message;
    throw new Error(code + ": " + message);
  }
  const setupId: string = created.data.setup.id;
  const externalId: string | null = created.data.setup.externalId;
  const link = created.data.setupLink;
  const url: string | null = link ? link.url : null;

  const followed = await api.GET("/api/v1/setups/{id}", { params: { path: { id: setupId } } });
  if (followed.data) {
    const status: string = followed.data.setup.status;
    void status;
  }
  const page = await api.GET("/api/v1/setups", { params: { query: { externalId: customerId, limit: 10 } } });
  const next: string | null | undefined = page.data?.nextCursor;
  void externalId;
  void next;
  return url;
}

export async function refused() {
  // @ts-expect-error: no such field in a setup's creation
  await api.POST("/api/v1/setups", { body: { externalId: "a", name: "b", password: "never" } });
  // @ts-expect-error: a name is required
  await api.POST("/api/v1/setups", { body: { externalId: "a" } });
  // @ts-expect-error: the flows are "new" and "upgrade"
  await api.POST("/api/v1/setups", { body: { externalId: "a", name: "b", flow: "pull" } });
  // @ts-expect-error: no such route
  await api.GET("/api/v1/setups/{id}/secrets", { params: { path: { id: "x" } } });
}
`;

it("a client generated from /api/v1/openapi.json type-checks a backend that creates and follows setups, and refuses bad requests", async () => {
  const document = buildOpenApiDocument("https://setup.example.com");
  const types = astToString(await openapiTS(JSON.parse(JSON.stringify(document))));
  expect(types).toContain('"/api/v1/setups"');
  writeFileSync(path.join(dir, "sage-push-setup.d.ts"), types);
  writeFileSync(path.join(dir, "backend.ts"), backend);

  const program = ts.createProgram([path.join(dir, "backend.ts")], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    types: [],
    // The temporary folder is outside the repository: openapi-fetch comes from ours.
    baseUrl: dir,
    paths: { "openapi-fetch": [path.join(root, "node_modules/openapi-fetch/dist/index.d.mts")] },
  });
  const problems = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : "";
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
  expect(problems).toEqual([]);
}, 60_000);
