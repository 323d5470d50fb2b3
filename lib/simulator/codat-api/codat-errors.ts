import { randomBytes } from "node:crypto";
import type { components as Platform } from "@/lib/codat/generated/platform";
import type { ForceableStatus } from "../config";
import type { SimValidation } from "../schema";

/** Codat's error body (`ErrorMessage`) and the few errors the simulator answers with. */
type CodatErrorMessage = Platform["schemas"]["ErrorMessage"];

export class CodatHttpError extends Error {
  override name = "CodatHttpError";
  readonly status: number;
  readonly service: string;
  readonly canBeRetried: "True" | "False" | "Unknown";
  readonly validation?: SimValidation;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    message: string,
    opts: {
      service?: string;
      canBeRetried?: "True" | "False" | "Unknown";
      validation?: SimValidation;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.status = status;
    this.service = opts.service ?? "PublicApi";
    this.canBeRetried = opts.canBeRetried ?? "Unknown";
    this.validation = opts.validation;
    this.headers = opts.headers ?? {};
  }
}

function correlationId(): string {
  return randomBytes(16).toString("hex");
}

export function codatErrorResponse(err: CodatHttpError): Response {
  const body: CodatErrorMessage = {
    statusCode: err.status,
    service: err.service,
    error: err.message,
    correlationId: correlationId(),
    ...(err.validation ? { validation: err.validation } : {}),
    canBeRetried: err.canBeRetried,
    detailedErrorCode: 0,
  };
  return Response.json(body, { status: err.status, headers: err.headers });
}

export const codatErrors = {
  unauthorized: () => new CodatHttpError(401, "Unauthorized"),
  companyNotFound: (id: string) => new CodatHttpError(404, `No company was found with ID ${id}`, { service: "ClientsApi" }),
  connectionNotFound: (id: string) => new CodatHttpError(404, `Data connection ${id} not found`),
  supplierNotFound: (id: string) => new CodatHttpError(404, `Supplier ${id} not found`),
  pushOperationNotFound: (key: string) => new CodatHttpError(404, `Push operation ${key} not found`),
  routeNotFound: () => new CodatHttpError(404, "The requested resource was not found."),
  methodNotAllowed: () => new CodatHttpError(405, "The requested method is not allowed on this resource."),
  badRequest: (message = "Error processing request - not valid.") =>
    new CodatHttpError(400, message, { canBeRetried: "False" }),
  malformedQuery: (detail: string) =>
    new CodatHttpError(400, `Error parsing query - ${detail}`, { service: "ClientsApi", canBeRetried: "False" }),
  dataNotAvailable: () => new CodatHttpError(409, "The data set has not been requested.", { canBeRetried: "False" }),
  rateLimited: () =>
    new CodatHttpError(429, "You have made too many requests in a given amount of time; please retry later.", {
      canBeRetried: "True",
      headers: { "Retry-After": "1" },
    }),
  /** `failNext` in the simulator's knobs: one error per status, worded as Codat words them. */
  forced: (status: ForceableStatus): CodatHttpError => FORCED[status](),
  serverError: () =>
    new CodatHttpError(500, "There is a problem with our server. Please try again later.", { canBeRetried: "True" }),
};

const FORCED: Record<ForceableStatus, () => CodatHttpError> = {
  400: () =>
    new CodatHttpError(400, "Error processing request - not valid.", {
      canBeRetried: "False",
      validation: {
        errors: [{ itemId: "supplierName", message: "Supplier name is required.", validatorName: "Supplier" }],
        warnings: [{ itemId: "contactName", message: "Contact name is longer than 30 characters and was cut short.", validatorName: "Supplier" }],
      },
    }),
  401: () => new CodatHttpError(401, "Unauthorized", { canBeRetried: "False" }),
  403: () => new CodatHttpError(403, "You do not have permission to perform this action.", { canBeRetried: "False" }),
  404: () => new CodatHttpError(404, "The requested resource was not found.", { canBeRetried: "False" }),
  409: () => new CodatHttpError(409, "The company is being processed; try again later.", { canBeRetried: "False" }),
  429: () => codatErrors.rateLimited(),
  500: () => codatErrors.serverError(),
  503: () => new CodatHttpError(503, "The service is unavailable. Please try again later.", { canBeRetried: "True" }),
};
