import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/guards";
import { loadImportPage } from "@/lib/import/import-page-data";
import { PageHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { CandidatesSearch } from "@/components/support/import/candidates-search";
import { ImportConsole } from "@/components/support/import/import-console-client";
import { BackToSetups } from "@/components/support/back-to-setups";

export const metadata: Metadata = { title: "Invite pull-only companies" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Support invites companies already linked for pulling to the upgrade flow (push on the same connector). */
export default async function ImportPage({ searchParams }: Props) {
  await requirePageActor("company:import", "/support/import");
  const { query, corrected, list, problem } = await loadImportPage(await searchParams);
  return (
    <>
      <BackToSetups />
      <PageHeader
        title="Invite pull-only companies"
        lead="Companies already linked to Codat for pulling keep their Sage 50 connector. Invite them to upgrade: the client creates a push user, gives it to the connector through Manage connection, and runs a test push."
      />
      <CandidatesSearch query={query} />
      <div className="mb-4 space-y-3">
        {corrected ? <Alert tone="warning">Part of the address was not understood, so those choices were reset.</Alert> : null}
        {problem ? (
          <Alert tone="error" role="alert" title="Codat's list of companies could not be read">
            {problem} You can still invite a company by its Codat company ID.
          </Alert>
        ) : null}
      </div>
      <ImportConsole list={list} query={query} nowIso={new Date().toISOString()} />
    </>
  );
}
