import type { ComponentType } from "react";

import { ConnectorConfirmCompany } from "./connector-confirm-company";
import { ConnectorCredentials } from "./connector-credentials";
import { ConnectorDataFile } from "./connector-data-file";
import { ConnectorDownload } from "./connector-download";
import { ConnectorLicenseKey } from "./connector-license-key";
import { ConnectorManageConnection } from "./connector-manage-connection";
import type { IllustrationProps } from "./parts/types";
import { SageForeignTrader } from "./sage-foreign-trader";
import { SageNewUserDetails } from "./sage-new-user-details";
import { SageRemoteDataAccess } from "./sage-remote-data-access";
import { SageSuppliersRefresh, suppliersRefreshCaption } from "./sage-suppliers-refresh";
import { SageUserManagement } from "./sage-user-management";
import { TrayOpenConnector } from "./tray-open-connector";


export type IllustrationEntry = {
  /** Server-compatible component; pass `integratorName`, `pushUsername`, `companyName` when known. */
  readonly component: ComponentType<IllustrationProps>;
  /** Short visible caption; the numbers refer to the badges in the picture. */
  readonly caption: string;
};

/**
 * Every illustration of a screen the client meets, by key. The pictures are our own schematic
 * drawings. Each component carries its full spoken description (`role="img"` + `aria-label`);
 * the caption is a short visible summary to show under it (e.g. in a `<figcaption>`).
 */
export const illustrationCatalogue = {
  "sage-user-management": {
    component: SageUserManagement,
    caption: "In Sage 50, open Settings (1), choose User Management (2), then click New (3).",
  },
  "sage-new-user-details": {
    component: SageNewUserDetails,
    caption: "Type the username (1), choose Administrator as the user type (2) and set a password (3).",
  },
  "sage-remote-data-access": {
    component: SageRemoteDataAccess,
    caption: "Skip Remote Data Access with Continue (1), then click Save (2).",
  },
  "connector-download": {
    component: ConnectorDownload,
    caption: "Open your browser's downloads (1) and click Open file under the connector installer (2).",
  },
  "connector-license-key": {
    component: ConnectorLicenseKey,
    caption: "Paste the license key (1), then click Install (2).",
  },
  "connector-data-file": {
    component: ConnectorDataFile,
    caption: "Check the path of your Sage 50 company data file (1), then click Next (2).",
  },
  "connector-credentials": {
    component: ConnectorCredentials,
    caption: "Enter the push user's username (1) and password (2), then click Next (3).",
  },
  "connector-confirm-company": {
    component: ConnectorConfirmCompany,
    caption: "Check the company name, dates, version and data directory, then click Confirm (1).",
  },
  "tray-open-connector": {
    component: TrayOpenConnector,
    caption: "Right-click the connector icon next to the clock (1) and choose Open Sage 50 connector (2).",
  },
  "connector-manage-connection": {
    component: ConnectorManageConnection,
    caption: "Click Manage connection (1), enter the push user's username (2) and password (3), then Save (4).",
  },
  "sage-suppliers-refresh": {
    component: SageSuppliersRefresh,
    caption: suppliersRefreshCaption,
  },
  "sage-foreign-trader": {
    component: SageForeignTrader,
    caption: "Open Tools (1) > Activation (2) > Enable Foreign Trader (3).",
  },
} as const satisfies Record<string, IllustrationEntry>;

export type IllustrationKey = keyof typeof illustrationCatalogue;

