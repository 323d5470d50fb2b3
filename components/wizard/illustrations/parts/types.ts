/**
 * Props every illustration accepts, so the wizard can render any of them by key.
 * Illustrations ignore the optional values they do not show.
 */
export type IllustrationProps = {
  readonly className?: string;
  /** Integrator's product name, e.g. in the connector file name. */
  readonly integratorName?: string;
  /** The Sage 50 username the wizard suggested for the push user. */
  readonly pushUsername?: string;
  /** The company the connector reported, when known. */
  readonly companyName?: string;
  /** The client's license key (the Codat company ID), when the picture shows it. */
  readonly licenseKey?: string;
};

export const illustrationDefaults = {
  integratorName: "Integrator",
  pushUsername: "PUSH USER",
  companyName: "Example Trading Ltd",
  dataPath: "C:\\ProgramData\\Sage\\Accounts\\2025\\Company.000",
} as const;
