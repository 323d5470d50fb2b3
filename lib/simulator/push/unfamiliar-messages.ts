/**
 * The `connectorMessages: "unfamiliar"` variant: failure messages in wordings no pattern in
 * lib/sage/push-error-patterns.ts knows, as a connector might give once Codat or Sage change theirs.
 * Deliberately bland (an error number and a reference), so the product has to advise without them.
 */
export const UNFAMILIAR_CONNECTOR_MESSAGES = {
  loginInUse: (user: string) => `Sage 50 SDO error -2147217871 while opening the company data for '${user}' (ref 0x80040E31).`,
  accessDenied: (user: string) => `Sage 50 SDO error -2147024891 on Supplier.Update for '${user}' (ref 0x80070005).`,
  loginRejected: (user: string) => `Sage 50 SDO error -2147217843 while signing in as '${user}' (ref 0x80040E4D).`,
  versionUnsupported: () => "Sage 50 SDO error -2147221164 on connect: the installed Sage 50 build does not answer this request (ref 0x80040154).",
} as const;
