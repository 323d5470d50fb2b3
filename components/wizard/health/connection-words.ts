import type { BadgeTone } from "@/components/ui/badge";
import type { ConnectionStatus } from "@/lib/sage/types";

/** The client's words for each connection status (support's are in lib/sage/status-labels.ts). */
export const CONNECTION_WORDS: Record<ConnectionStatus, { label: string; tone: BadgeTone; words: string }> = {
  Linked: { label: "Connected", tone: "success", words: "The connector is linked to your Sage 50 company." },
  PendingAuth: { label: "Not linked yet", tone: "warning", words: "The connector has not finished linking your company." },
  Deauthorized: { label: "Connector removed", tone: "error", words: "The connector was uninstalled or moved; install it again." },
  Unlinked: { label: "Switched off", tone: "error", words: "The connection was switched off. Contact support for a new setup link." },
};
