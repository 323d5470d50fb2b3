/**
 * Codat's own shapes, taken from the types generated from its OpenAPI specs (never written by hand).
 * Only lib/codat (and the simulator, which imitates Codat) should import from here. Paths, parameters
 * and bodies of the calls are typed by openapi-fetch from the same generated `paths` (see http.ts).
 */
import type { components as PayablesComponents } from "./generated/payables";
import type { components as PlatformComponents } from "./generated/platform";

export type PlatformSchemas = PlatformComponents["schemas"];
export type PayablesSchemas = PayablesComponents["schemas"];
