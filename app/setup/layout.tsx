import type { ReactNode } from "react";
import { WizardQueryProvider } from "@/components/wizard/query-provider";
import "./wizard.css";

/** The wizard and the health page share one query cache per tab. */
export default function SetupLayout({ children }: { children: ReactNode }) {
  return <WizardQueryProvider>{children}</WizardQueryProvider>;
}
