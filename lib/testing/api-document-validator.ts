import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";

type Operation = { responses: Record<string, { content?: Record<string, { schema: unknown }> }> };
type Doc = { paths: Record<string, Record<string, unknown>> };

const escapePointer = (part: string) => part.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * Test support: checks our own API's answers against our OpenAPI 3.1 document (JSON Schema 2020-12,
 * so Ajv2020 with ajv-formats). An answer whose status the operation does not list is an error too.
 */
export function createApiDocumentValidator(doc: Doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc as object, "api.json");
  const compiled = new Map<string, ValidateFunction>();

  return {
    validateResponse(method: string, template: string, status: number, body: unknown): string[] {
      const operation = doc.paths[template]?.[method.toLowerCase()] as Operation | undefined;
      if (!operation) return [`${method} ${template} is not in the document`];
      const response = operation.responses[String(status)];
      if (!response) return [`${method} ${template} does not document status ${status}`];
      if (!response.content?.["application/json"]) return [`${method} ${template} ${status} has no JSON body in the document`];
      const pointer = `api.json#/paths/${escapePointer(template)}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
      let validate = compiled.get(pointer);
      if (!validate) {
        validate = ajv.compile({ $ref: pointer });
        compiled.set(pointer, validate);
      }
      if (validate(body)) return [];
      return (validate.errors ?? []).map((e) => `${method} ${template} ${status}: ${e.instancePath || "(root)"} ${e.message ?? "is invalid"} ${JSON.stringify(e.params)}`);
    },
  };
}
