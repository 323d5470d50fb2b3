import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { loadSupportListPage } from "@/lib/support/support-page-data";
import { PageHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { ListFilters } from "@/components/support/list-filters";
import { SetupsTable } from "@/components/support/setups-table";
import { Pagination } from "@/components/support/pagination";
import { EmptyList } from "@/components/support/empty-list";
import { NewSetupPanel } from "@/components/support/new-setup-panel";

export const metadata: Metadata = { title: "Setups" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The support console: every setup, searchable and filterable, with the state in the URL. */
export default async function SupportPage({ searchParams }: Props) {
  const actor = await requirePageActor("company:read", "/support");
  const { query, corrected, list } = await loadSupportListPage(await searchParams);
  const now = new Date();
  return (
    <>
      <PageHeader title="Setups" lead="Every client setup, the step it reached, and what went wrong when something did." />
      {can(actor.role, "company:create") ? <NewSetupPanel /> : null}
      <ListFilters query={query} stuckAfterDays={list.stuckAfterDays} />
      {corrected ? (
        <div className="mb-4">
          <Alert tone="warning">Part of the address was not understood, so those choices were reset.</Alert>
        </div>
      ) : null}
      {list.items.length ? (
        <>
          <SetupsTable items={list.items} query={query} now={now} />
          <Pagination query={query} pages={list.pages} total={list.total} />
        </>
      ) : (
        <EmptyList query={query} total={list.total} stuckAfterDays={list.stuckAfterDays} />
      )}
    </>
  );
}
