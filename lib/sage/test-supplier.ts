import { cutToLength } from "./cut-to-length";

/**
 * The supplier we push to prove that writing to Sage 50 works, and Sage 50's supplier rules
 * (from the connector's push options) that the simulator also applies to every pushed supplier.
 */
const SAGE50_SUPPLIER_RULES = {
  idMaxLength: 8,
  supplierNameMaxLength: 60,
  contactNameMaxLength: 30,
  maxAddresses: 1,
} as const;

/** Every test supplier's id starts with this, so support can spot them in Sage 50. */
const TEST_SUPPLIER_ID_PREFIX = "TST";
const TEST_SUPPLIER_NAME_SUFFIX = " connection test - safe to delete";
const TEST_SUPPLIER_CONTACT_NAME = "Connection test";
const TEST_SUPPLIER_ADDRESS_LINE1 = "Connection test record";
const FALLBACK_INTEGRATOR_NAME = "Codat";

export const SUPPLIER_VALIDATOR_NAME = "Sage50Supplier";

export type TestSupplier = {
  id: string;
  supplierName: string;
  contactName: string;
  status: "Active";
  addresses: { type: "Billing"; line1: string }[];
};

export type BuildTestSupplierInput = {
  integratorName: string;
  /** When this attempt started (a Date or epoch milliseconds). */
  attempt: Date | number;
  /** Any random string for this attempt (e.g. a UUID); it is hashed, so its format does not matter. */
  randomSuffix: string;
};

/**
 * The test supplier for one attempt: id "TST" + 3 base-36 characters from the attempt's second
 * (they repeat every ~13 hours) + 2 from the random suffix, so two attempts clash only if they fall
 * on the same second of that cycle and draw the same 1-in-1,296 random part.
 */
export function buildTestSupplier(input: BuildTestSupplierInput): TestSupplier {
  const ms = typeof input.attempt === "number" ? input.attempt : input.attempt.getTime();
  const seconds = Math.floor(ms / 1000);
  const timePart = toBase36(mod(seconds, 36 ** 3), 3);
  const randomPart = toBase36(mod(hashString(input.randomSuffix), 36 ** 2), 2);

  return {
    id: `${TEST_SUPPLIER_ID_PREFIX}${timePart}${randomPart}`,
    supplierName: testSupplierName(input.integratorName),
    contactName: TEST_SUPPLIER_CONTACT_NAME,
    status: "Active",
    addresses: [{ type: "Billing", line1: TEST_SUPPLIER_ADDRESS_LINE1 }],
  };
}

/** "<integrator> connection test - safe to delete", with the integrator's name cut to fit 60 characters. */
export function testSupplierName(integratorName: string): string {
  const room = SAGE50_SUPPLIER_RULES.supplierNameMaxLength - TEST_SUPPLIER_NAME_SUFFIX.length;
  const cleaned = integratorName.replace(/\p{Cc}/gu, " ").replace(/\s+/g, " ").trim();
  const name = cutToLength(cleaned, room) || FALLBACK_INTEGRATOR_NAME;
  return `${name}${TEST_SUPPLIER_NAME_SUFFIX}`;
}

function toBase36(value: number, width: number): string {
  return value.toString(36).toUpperCase().padStart(width, "0");
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

/** FNV-1a, 32 bits: spreads any random string evenly over the small id space. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** One broken rule, shaped like an item of a Codat push operation's `validation.errors`. */
export type SupplierRuleViolation = {
  itemId: string;
  /** Which rule, e.g. "id.maxLength"; stable, for tests and logs. */
  ruleId: string;
  message: string;
  validatorName: string;
};

export type SupplierRuleOptions = {
  /** Ids of suppliers already in the company; compared without regard to case. */
  existingSupplierIds?: readonly string[];
};

/**
 * Sage 50's supplier rules applied to a supplier body as pushed (any JSON value):
 * id required, unique, at most 8 characters, no spaces, upper case; supplierName required, at most 60;
 * contactName at most 30; status Active when given; at most one address, and it needs line1.
 */
export function checkSupplierAgainstSage50Rules(
  supplier: unknown,
  options: SupplierRuleOptions = {},
): SupplierRuleViolation[] {
  if (!isRecord(supplier)) return [violation("", "supplier.object", "The supplier must be a JSON object.")];
  const rules = SAGE50_SUPPLIER_RULES;
  const id = supplier["id"];
  const itemId = typeof id === "string" ? id : "";
  const out: SupplierRuleViolation[] = [];
  const add = (ruleId: string, message: string) => out.push(violation(itemId, ruleId, message));

  if (id === undefined || id === null || (typeof id === "string" && id.trim() === "")) {
    add("id.required", "Supplier id is required.");
  } else if (typeof id !== "string") {
    add("id.type", "Supplier id must be text.");
  } else {
    if (id.length > rules.idMaxLength) add("id.maxLength", `Supplier id must be at most ${rules.idMaxLength} characters.`);
    if (/\s/.test(id)) add("id.noSpaces", "Supplier id must not contain spaces.");
    if (id !== id.toUpperCase()) add("id.upperCase", "Supplier id must be in upper case.");
    const taken = (options.existingSupplierIds ?? []).some((existing) => existing.toUpperCase() === id.toUpperCase());
    if (taken) add("id.unique", `A supplier with id ${id} already exists.`);
  }

  const name = supplier["supplierName"];
  if (typeof name !== "string" || name.trim() === "") {
    add("supplierName.required", "Supplier name is required.");
  } else if (name.length > rules.supplierNameMaxLength) {
    add("supplierName.maxLength", `Supplier name must be at most ${rules.supplierNameMaxLength} characters.`);
  }

  const contact = supplier["contactName"];
  if (contact !== undefined && contact !== null) {
    if (typeof contact !== "string") add("contactName.type", "Contact name must be text.");
    else if (contact.length > rules.contactNameMaxLength) {
      add("contactName.maxLength", `Contact name must be at most ${rules.contactNameMaxLength} characters.`);
    }
  }

  const status = supplier["status"];
  if (status !== undefined && status !== null && status !== "Active") {
    add("status.active", "Supplier status must be Active.");
  }

  const addresses = supplier["addresses"];
  if (addresses !== undefined && addresses !== null) {
    if (!Array.isArray(addresses)) add("addresses.type", "Addresses must be a list.");
    else {
      if (addresses.length > rules.maxAddresses) add("addresses.max", `A supplier can have at most ${rules.maxAddresses} address.`);
      addresses.forEach((address: unknown, index) => {
        const line1 = isRecord(address) ? address["line1"] : undefined;
        if (typeof line1 !== "string" || line1.trim() === "") {
          add("addresses.line1.required", `Address ${index + 1} needs a first line (line1).`);
        }
      });
    }
  }
  return out;
}

function violation(itemId: string, ruleId: string, message: string): SupplierRuleViolation {
  return { itemId, ruleId, message, validatorName: SUPPLIER_VALIDATOR_NAME };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
