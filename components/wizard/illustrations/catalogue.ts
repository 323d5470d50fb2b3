import type { ComponentType } from "react";

import { ConnectorDownload } from "./connector-download";
import { SageNewUserDetails } from "./sage-new-user-details";
import { SageRemoteDataAccess } from "./sage-remote-data-access";
import { SageUserManagement } from "./sage-user-management";
import type { IllustrationProps } from "./parts/types";

export type IllustrationEntry = {
  readonly component: ComponentType<IllustrationProps>;
  readonly caption: string;
};

export const illustrationCatalogue = {
  "sage-user-management": {
    component: SageUserManagement,
    caption: "In Sage 50, open Settings (1), choose User Management (2), then click New (3).",
  },
  "sage-new-user-details": {
    component: SageNewUserDetails,
    caption: "Fill in the username (1), choose Administrator as the user type (2) and set a password (3).",
  },
  "sage-remote-data-access": {
    component: SageRemoteDataAccess,
    caption: "Skip Remote Data Access with Continue (1), then click Save (2).",
  },
  "connector-download": {
    component: ConnectorDownload,
    caption: "Open your browser's downloads (1) and click Open file under the connector installer (2).",
  },
} as const satisfies Record<string, IllustrationEntry>;

export type IllustrationKey = keyof typeof illustrationCatalogue;
