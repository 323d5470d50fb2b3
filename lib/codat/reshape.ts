/**
 * Turns Codat's shapes (generated from its specs) into ours. Every function here is pure.
 * Fields Codat's specs leave optional become `null` (or are left out) so callers never see `undefined`
 * where we promise a value.
 */
import { CodatError } from "./errors";
import type { PayablesSchemas, PlatformSchemas } from "./spec-types";
import {
  CONNECTION_STATUSES,
  PUSH_STATUSES,
  SAGE50_PLATFORM_KEY,
  type CodatCompanyRef,
  type CodatConnection,
  type CodatConnectionStatus,
  type CodatPage,
  type CompanyInfo,
  type NewSupplier,
  type PushOperation,
  type PushOptionField,
  type PushStatus,
  type SupplierPushOptions,
  type ValidationItem,
  type ValidationResult,
} from "./types";

type CodatConnectionBody = PlatformSchemas["Connection"];
type CodatCompanyBody = PlatformSchemas["Company"];
type CodatPushOperationBody = PlatformSchemas["PushOperation"];
type CodatPushOptionBody = PayablesSchemas["PushOption"];
type CodatPushOptionProperty = PayablesSchemas["PushOption_pushOptionProperty"];
type CodatPushValidationInfo = PayablesSchemas["PushOption_pushValidationInfo"];
type CodatCompanyInfoBody = PayablesSchemas["CompanyInfo"];
type CodatSupplierBody = PayablesSchemas["Supplier"];
type CodatValidationItem = PlatformSchemas["PushOperation_validationItem"];
type CodatPagingInfo = PlatformSchemas["PagingInfo"];

function unexpected(what: string): CodatError {
  return new CodatError("upstream_unavailable", { detail: `Unexpected answer from Codat: ${what}` });
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown, what: string): T {
  const found = allowed.find((v) => v === value);
  if (found === undefined) throw unexpected(`${what} ${JSON.stringify(value)}`);
  return found;
}

function text(value: string | null | undefined): string | null {
  return value === undefined || value === null ? null : value;
}

function requireText(value: string | null | undefined, what: string): string {
  if (typeof value !== "string" || value === "") throw unexpected(`missing ${what}`);
  return value;
}

function toValidationItem(item: CodatValidationItem): ValidationItem {
  return { itemId: text(item.itemId), message: text(item.message), validatorName: text(item.validatorName) };
}

function toValidation(
  validation: { errors?: CodatValidationItem[] | null; warnings?: CodatValidationItem[] | null } | null | undefined,
): ValidationResult {
  return {
    errors: (validation?.errors ?? []).map(toValidationItem),
    warnings: (validation?.warnings ?? []).map(toValidationItem),
  };
}

export function toConnection(connection: CodatConnectionBody): CodatConnection {
  const status: CodatConnectionStatus = oneOf(CONNECTION_STATUSES, connection.status, "connection status");
  return {
    id: requireText(connection.id, "connection id"),
    status,
    linkUrl: connection.linkUrl,
    platformName: connection.platformName,
    integrationKey: text(connection.integrationKey),
    sourceType: connection.sourceType,
    lastSync: text(connection.lastSync),
    created: connection.created,
    errors: (connection.dataConnectionErrors ?? []).map((e) => ({
      statusCode: text(e.statusCode),
      statusText: text(e.statusText),
      message: text(e.errorMessage),
      occurredAt: text(e.erroredOnUtc),
      status: text(e.status),
    })),
  };
}

/** The company's Sage 50 connection: the newest one whose integration key is Sage 50's. */
export function pickSage50Connection(connections: readonly CodatConnection[]): CodatConnection | undefined {
  const sage = connections.filter((c) => c.integrationKey === SAGE50_PLATFORM_KEY);
  return sage.reduce<CodatConnection | undefined>(
    (newest, c) => (newest === undefined || Date.parse(c.created) > Date.parse(newest.created) ? c : newest),
    undefined,
  );
}

export function toCompanyRef(company: CodatCompanyBody): CodatCompanyRef {
  const ref: CodatCompanyRef = { id: requireText(company.id, "company id"), name: company.name };
  if (typeof company.description === "string" && company.description !== "") ref.description = company.description;
  if (typeof company.created === "string") ref.created = company.created;
  const sage = pickSage50Connection((company.dataConnections ?? []).map(toConnection));
  if (sage) ref.sage50Connection = sage;
  return ref;
}

export function toPushOperation(op: CodatPushOperationBody): PushOperation {
  const status: PushStatus = oneOf(PUSH_STATUSES, op.status, "push operation status");
  return {
    key: requireText(op.pushOperationKey, "pushOperationKey"),
    companyId: requireText(op.companyId, "push operation companyId"),
    connectionId: requireText(op.dataConnectionKey, "push operation dataConnectionKey"),
    dataType: text(op.dataType),
    status,
    statusCode: op.statusCode,
    errorMessage: text(op.errorMessage),
    requestedAt: op.requestedOnUtc,
    // The spec does not mark completedOnUtc nullable, but it is absent or null while Pending.
    completedAt: text(op.completedOnUtc),
    timeoutInMinutes: op.timeoutInMinutes ?? null,
    validation: toValidation(op.validation),
    changes: (op.changes ?? []).map((c) => ({
      type: c.type ?? "Unknown",
      recordId: text(c.recordRef?.id),
      dataType: text(c.recordRef?.dataType),
    })),
  };
}

export function toCompanyInfo(info: CodatCompanyInfoBody): CompanyInfo {
  return { companyName: text(info.companyName), baseCurrency: text(info.baseCurrency) };
}

export function toPage<TIn, TOut>(
  body: CodatPagingInfo & { results?: TIn[] },
  map: (item: TIn) => TOut,
): CodatPage<TOut> {
  const items = (body.results ?? []).map(map);
  const hasNextLink = typeof body._links?.next?.href === "string";
  return {
    items,
    pageNumber: body.pageNumber,
    pageSize: body.pageSize,
    totalResults: body.totalResults,
    hasNextPage: hasNextLink || body.pageNumber * body.pageSize < body.totalResults,
  };
}

function validationTexts(info: CodatPushValidationInfo | null | undefined) {
  return {
    warnings: (info?.warnings ?? []).map((w) => w.details),
    information: (info?.information ?? []).map((i) => i.details),
  };
}

function collectFields(
  properties: Record<string, CodatPushOptionProperty> | null | undefined,
  prefix: string,
  into: Record<string, PushOptionField>,
): void {
  for (const [name, prop] of Object.entries(properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    into[path] = {
      path,
      displayName: prop.displayName,
      description: text(prop.description),
      type: prop.type,
      required: prop.required,
      options: (prop.options ?? []).flatMap((o) =>
        typeof o.value === "string" ? [{ value: o.value, displayName: o.displayName ?? o.value }] : [],
      ),
      ...validationTexts(prop.validation),
    };
    collectFields(prop.properties, path, into);
  }
}

export function toSupplierPushOptions(option: CodatPushOptionBody): SupplierPushOptions {
  const fields: Record<string, PushOptionField> = {};
  collectFields(option.properties, "", fields);
  return { fields, ...validationTexts(option.validation) };
}

/** Our test supplier as Codat's Supplier record (status Active, at most one address, Unknown unless typed). */
export function toCodatSupplier(supplier: NewSupplier): CodatSupplierBody {
  const body: CodatSupplierBody = { id: supplier.id, supplierName: supplier.supplierName, status: "Active" };
  if (supplier.contactName !== undefined) body.contactName = supplier.contactName;
  if (supplier.emailAddress !== undefined) body.emailAddress = supplier.emailAddress;
  if (supplier.phone !== undefined) body.phone = supplier.phone;
  if (supplier.defaultCurrency !== undefined) body.defaultCurrency = supplier.defaultCurrency;
  if (supplier.address !== undefined) {
    const { type, ...lines } = supplier.address;
    body.addresses = [{ type: type ?? "Unknown", ...lines }];
  }
  return body;
}
