import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/guards";
import { loadOutboxPage } from "@/lib/email/outbox-page-data";
import { PageHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { OutboxFilters, OutboxList } from "@/components/support/outbox-list";
import { BackToSetups } from "@/components/support/back-to-setups";

export const metadata: Metadata = { title: "Outbox" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every email the product sent (or is still sending), for support and admin. */
export default async function OutboxPage({ searchParams }: Props) {
  await requirePageActor("outbox:read", "/support/outbox");
  const data = await loadOutboxPage(await searchParams);
  return (
    <>
      <BackToSetups />
      <PageHeader
        title="Outbox"
        lead="Every email sent to clients and support, newest first: setup links, reminders and alerts. Without an SMTP server configured, emails are kept here only."
      />
      {data.corrected ? (
        <div className="mb-4">
          <Alert tone="warning">Part of the address was not understood, so those filters were reset.</Alert>
        </div>
      ) : null}
      <OutboxFilters query={data.query} />
      <OutboxList messages={data.messages} query={data.query} hasMore={data.hasMore} />
    </>
  );
}
