/**
 * Codat's own shapes, taken from the types generated from its OpenAPI specs (never written by hand).
 * Only lib/codat (and the simulator, which imitates Codat) should import from here.
 */
import type { components as PayablesComponents, paths as PayablesPaths } from "./generated/payables";
import type { components as PlatformComponents, paths as PlatformPaths } from "./generated/platform";

export type PlatformSchemas = PlatformComponents["schemas"];
export type PayablesSchemas = PayablesComponents["schemas"];

/** The two specs, by the name used throughout the adapter and the validator. */
export interface CodatSpecs {
  platform: PlatformPaths;
  payables: PayablesPaths;
}
export type CodatSpecName = keyof CodatSpecs;
export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** A path template of the spec, e.g. "/companies/{companyId}". */
export type SpecPath<S extends CodatSpecName> = keyof CodatSpecs[S] & string;

type PathItem<S extends CodatSpecName, P extends SpecPath<S>> = CodatSpecs[S][P];

/** The methods the spec defines for a path (generated path items mark the others `?: never`). */
export type SpecMethod<S extends CodatSpecName, P extends SpecPath<S>> = {
  [M in HttpMethod]-?: M extends keyof PathItem<S, P>
    ? [NonNullable<PathItem<S, P>[M]>] extends [never]
      ? never
      : M
    : never;
}[HttpMethod];

export type SpecOperation<
  S extends CodatSpecName,
  P extends SpecPath<S>,
  M extends SpecMethod<S, P>,
> = NonNullable<PathItem<S, P>[M & keyof PathItem<S, P>]>;

type JsonContent<T> = T extends { content: { "application/json": infer B } } ? B : never;
type ParametersOf<O> = O extends { parameters: infer Params } ? Params : never;
type Field<T, K extends string> = T extends { [key in K]?: infer V } ? NonNullable<V> : never;

/** The JSON body of the operation's 200 response. */
export type SpecResponse<S extends CodatSpecName, P extends SpecPath<S>, M extends SpecMethod<S, P>> =
  SpecOperation<S, P, M> extends { responses: { 200: infer R } } ? JsonContent<R> : never;

/** The JSON request body, or never when the operation takes none. */
export type SpecRequestBody<S extends CodatSpecName, P extends SpecPath<S>, M extends SpecMethod<S, P>> = JsonContent<
  Field<SpecOperation<S, P, M>, "requestBody">
>;

export type SpecPathParams<S extends CodatSpecName, P extends SpecPath<S>, M extends SpecMethod<S, P>> = Field<
  ParametersOf<SpecOperation<S, P, M>>,
  "path"
>;

export type SpecQuery<S extends CodatSpecName, P extends SpecPath<S>, M extends SpecMethod<S, P>> = Field<
  ParametersOf<SpecOperation<S, P, M>>,
  "query"
>;
