/**
 * Test support: validates request and response bodies against Codat's real OpenAPI specs, so the
 * adapter (what we send) and the simulator (what it answers) can be checked against the contract.
 * Not for use at run time: it loads ~2.5 MB of JSON.
 *
 * The specs declare OpenAPI 3.1, whose schemas are JSON Schema 2020-12, so Ajv2020 is used (with
 * ajv-formats, strict: false for OpenAPI's extra keywords). One adjustment is made in memory: the
 * specs still use OpenAPI 3.0's `nullable: true` (54 times beside a $ref, which Ajv rejects). It is
 * read as "null is also allowed", which is what Codat means and sends.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";

export type OpenApiSpecName = "platform" | "payables";

export const SPEC_FILES: Record<OpenApiSpecName, string> = {
  platform: "Codat-Platform.json",
  payables: "Codat-Sync-Payables-v1.json",
};

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The vendored copy of Codat's specs (see NOTICE.md there): the only place they are read from. */
export const DEFAULT_SPEC_DIR = path.join(projectRoot, "lib/codat/oas");

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Rewrites OpenAPI 3.0 `nullable` into JSON Schema, keeping every other node where it was. */
export function rewriteNullable(node: Json, parentKey: string | null = null): Json {
  if (Array.isArray(node)) return node.map((item) => rewriteNullable(item));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "nullable" && parentKey !== "properties") continue;
    out[key] = rewriteNullable(value, key);
  }
  if (node.nullable !== true || parentKey === "properties") return out;
  if (typeof out.$ref === "string") {
    const { $ref, ...rest } = out;
    return { ...rest, anyOf: [{ $ref }, { type: "null" }] };
  }
  if (typeof out.type === "string") out.type = [out.type, "null"];
  else if (Array.isArray(out.type) && !out.type.includes("null")) out.type = [...out.type, "null"];
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  return out;
}

const escapePointer = (part: string) => encodeURIComponent(part.replace(/~/g, "~0").replace(/\//g, "~1"));

function formatError(e: ErrorObject): string {
  const where = e.instancePath || "(root)";
  const params = e.params as Record<string, unknown>;
  let extra = "";
  if (typeof params.additionalProperty === "string") extra = `: ${params.additionalProperty}`;
  else if (Array.isArray(params.allowedValues)) extra = `: ${params.allowedValues.map(String).join(", ")}`;
  return `${where} ${e.message ?? "is invalid"}${extra}`;
}

export interface OpenApiValidator {
  validateRequestBody(spec: OpenApiSpecName, method: string, pathTemplate: string, body: unknown): string[];
  validateResponse(
    spec: OpenApiSpecName,
    method: string,
    pathTemplate: string,
    status: number,
    body: unknown,
  ): string[];
  /** Validates against a named schema, e.g. ("platform", "Connection"). */
  validateSchema(spec: OpenApiSpecName, schemaName: string, value: unknown): string[];
  /** Validates a webhook body; `suppliers.write.successful` is looked up as `{dataType}.write.successful`. */
  validateWebhookBody(eventType: string, body: unknown): string[];
}

export function createOpenApiValidator(specDir: string = DEFAULT_SPEC_DIR): OpenApiValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, logger: false });
  addFormats(ajv);
  // Formats the payables spec uses that are not JSON Schema formats.
  ajv.addFormat("decimal", { type: "number", validate: () => true });
  ajv.addFormat("ISO4217", /^[A-Z]{3}$/);

  const docs = new Map<OpenApiSpecName, JsonObject>();
  const compiled = new Map<string, ValidateFunction>();
  const uriOf = (spec: OpenApiSpecName) => `https://specs.codat.invalid/${spec}.json`;

  function doc(spec: OpenApiSpecName): JsonObject {
    const loaded = docs.get(spec);
    if (loaded) return loaded;
    const file = path.join(specDir, SPEC_FILES[spec]);
    if (!existsSync(file)) throw new Error(`Codat spec not found: ${file}`);
    const prepared = rewriteNullable(JSON.parse(readFileSync(file, "utf8")) as Json);
    if (!isObject(prepared)) throw new Error(`Codat spec is not an object: ${file}`);
    ajv.addSchema(prepared as object, uriOf(spec));
    docs.set(spec, prepared);
    return prepared;
  }

  function validateAt(spec: OpenApiSpecName, pointer: string[], value: unknown): string[] {
    doc(spec);
    const ref = `${uriOf(spec)}#/${pointer.map(escapePointer).join("/")}`;
    let validate = compiled.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: ref });
      compiled.set(ref, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).map(formatError);
  }

  function operation(spec: OpenApiSpecName, method: string, pathTemplate: string): JsonObject | string {
    const item = doc(spec).paths;
    const pathItem = isObject(item) ? item[pathTemplate] : undefined;
    const op = isObject(pathItem) ? pathItem[method.toLowerCase()] : undefined;
    return isObject(op) ? op : `${spec} spec has no operation ${method.toUpperCase()} ${pathTemplate}`;
  }

  /** Follows a `$ref` to components (responses, requestBodies); returns the object and its pointer. */
  function follow(spec: OpenApiSpecName, node: JsonObject, pointer: string[]): [JsonObject, string[]] {
    if (typeof node.$ref !== "string") return [node, pointer];
    const parts = node.$ref
      .replace(/^#\//, "")
      .split("/")
      .map((p) => decodeURIComponent(p).replace(/~1/g, "/").replace(/~0/g, "~"));
    let target: Json | undefined = doc(spec);
    for (const part of parts) target = isObject(target) ? target[part] : undefined;
    if (!isObject(target)) throw new Error(`Unresolvable ${node.$ref} in ${spec} spec`);
    return [target, parts];
  }

  function validateContent(
    spec: OpenApiSpecName,
    holder: JsonObject,
    pointer: string[],
    body: unknown,
    what: string,
  ): string[] {
    const content = holder.content;
    const media = isObject(content) ? content["application/json"] : undefined;
    if (!isObject(media) || media.schema === undefined) {
      return body === undefined || body === "" ? [] : [`${what} has no JSON body in the spec, but one was given`];
    }
    if (body === undefined) return holder.required === true ? [`${what} requires a JSON body`] : [];
    return validateAt(spec, [...pointer, "content", "application/json", "schema"], body);
  }

  return {
    validateRequestBody(spec, method, pathTemplate, body) {
      const op = operation(spec, method, pathTemplate);
      if (typeof op === "string") return [op];
      const what = `${method.toUpperCase()} ${pathTemplate} request`;
      if (!isObject(op.requestBody)) return body === undefined ? [] : [`${what} takes no body in the spec`];
      const base = ["paths", pathTemplate, method.toLowerCase(), "requestBody"];
      const [holder, pointer] = follow(spec, op.requestBody, base);
      return validateContent(spec, holder, pointer, body, what);
    },

    validateResponse(spec, method, pathTemplate, status, body) {
      const op = operation(spec, method, pathTemplate);
      if (typeof op === "string") return [op];
      const responses = isObject(op.responses) ? op.responses : {};
      const code = String(status);
      const key = [code, `${code[0] ?? ""}XX`, "default"].find((k) => isObject(responses[k]));
      const what = `${method.toUpperCase()} ${pathTemplate} ${status} response`;
      const declared = key === undefined ? undefined : responses[key];
      if (key === undefined || !isObject(declared)) return [`${what} is not documented in the ${spec} spec`];
      const base = ["paths", pathTemplate, method.toLowerCase(), "responses", key];
      const [holder, pointer] = follow(spec, declared, base);
      return validateContent(spec, holder, pointer, body, what);
    },

    validateSchema(spec, schemaName, value) {
      const schemas = doc(spec).components;
      const exists = isObject(schemas) && isObject(schemas.schemas) && schemas.schemas[schemaName] !== undefined;
      if (!exists) return [`${spec} spec has no schema ${schemaName}`];
      return validateAt(spec, ["components", "schemas", schemaName], value);
    },

    validateWebhookBody(eventType, body) {
      const webhooks = doc("platform").webhooks;
      const key = /\.write\.(successful|unsuccessful)$/.test(eventType)
        ? eventType.replace(/^[^.]+/, "{dataType}")
        : eventType;
      if (!isObject(webhooks) || !isObject(webhooks[key])) return [`platform spec has no webhook ${eventType}`];
      return validateAt("platform", ["webhooks", key, "post", "requestBody", "content", "application/json", "schema"], body);
    },
  };
}

let shared: OpenApiValidator | undefined;
const defaultValidator = () => (shared ??= createOpenApiValidator());

/** Errors (empty when valid) for a request body, against the spec's operation. */
export function validateRequestBody(
  specName: OpenApiSpecName,
  method: string,
  pathTemplate: string,
  body: unknown,
): string[] {
  return defaultValidator().validateRequestBody(specName, method, pathTemplate, body);
}

/** Errors (empty when valid) for a response body with the given status, against the spec's operation. */
export function validateResponse(
  specName: OpenApiSpecName,
  method: string,
  pathTemplate: string,
  status: number,
  body: unknown,
): string[] {
  return defaultValidator().validateResponse(specName, method, pathTemplate, status, body);
}

export function validateSchema(specName: OpenApiSpecName, schemaName: string, value: unknown): string[] {
  return defaultValidator().validateSchema(specName, schemaName, value);
}

export function validateWebhookBody(eventType: string, body: unknown): string[] {
  return defaultValidator().validateWebhookBody(eventType, body);
}
