import type { components as Platform } from "@/lib/codat/generated/platform";
import { MIN_PUSH_SAGE_VERSION } from "../push/push-rules";

type PushOption = Platform["schemas"]["PushOption"];
type Property = Platform["schemas"]["PushOption_pushOptionProperty"];

const text = (displayName: string, description: string, required: boolean, extra: Partial<Property> = {}): Property => ({
  type: "String",
  displayName,
  description,
  required,
  ...extra,
});

const warn = (field: string, details: string) => ({ warnings: [{ field, details }], information: [] });

/** The create-supplier model for Sage 50 (UK & IE): the fields and limits the connector enforces. */
export function sage50SupplierOptions(sageVersion: number): PushOption {
  const versionNote = `Sage 50 2016 (v${MIN_PUSH_SAGE_VERSION}) or later is needed to write data; older versions are not supported. Upgrade, then re-sync the company.`;
  return {
    type: "Object",
    displayName: "Supplier",
    description: "A person or business the company buys from.",
    required: true,
    properties: {
      id: text("Id", "The supplier's account reference in Sage 50.", true, {
        validation: {
          warnings: [{ field: "id", details: "Required and unique: at most 8 characters, without spaces." }],
          information: [{ field: "id", details: "Lower-case letters are changed to upper case before writing." }],
        },
      }),
      supplierName: text("Name", "The supplier's name.", true, { validation: warn("supplierName", "At most 60 characters.") }),
      contactName: text("Contact Name", "The main contact at the supplier.", false, {
        validation: warn("contactName", "At most 30 characters."),
      }),
      emailAddress: text("Email Address", "Where the supplier can be emailed.", false),
      phone: text("Telephone", "Where the supplier can be phoned.", false),
      defaultCurrency: text("Default Currency", "Left out, the company's base currency is used.", false),
      status: text("Status", "The supplier's status.", false, {
        options: [{ value: "Active", type: "String", displayName: "Active", required: false }],
      }),
      addresses: {
        type: "Array",
        displayName: "Addresses",
        description: "The supplier's address.",
        required: false,
        properties: {
          line1: text("Line 1", "First line of the address.", true),
          line2: text("Line 2", "Second line of the address.", false),
          city: text("City", "Town or city.", false),
          region: text("Region", "County or region.", false),
          postalCode: text("Postal code", "Postcode.", false),
          // Sage 50 lists one address type; a type left out is taken as Unknown.
          type: text("Type", "The kind of address.", false, {
            options: [{ value: "Unknown", type: "String", displayName: "Unknown", required: false }],
            validation: { warnings: [], information: [{ field: "addresses.type", details: "Left out, the address type is Unknown." }] },
          }),
        },
        validation: warn("addresses", "At most one address."),
      },
      taxNumber: text("Tax Number", "The supplier's VAT or tax number.", false),
    },
    validation: {
      warnings: sageVersion < MIN_PUSH_SAGE_VERSION ? [{ details: `This company file is Sage 50 v${sageVersion}. ${versionNote}` }] : [],
      information: [{ details: versionNote }],
    },
  };
}
