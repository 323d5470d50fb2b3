import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { loadSupportCompanyPage } from "@/lib/support/support-page-data";
import { PageHeader } from "@/components/ui/card";
import { CompanyOverview } from "@/components/support/company-overview";
import { DiagnosisCard } from "@/components/support/diagnosis-card";
import { PushHealthCard } from "@/components/support/push-health-card";
import { ChecklistCard } from "@/components/support/checklist-card";
import { ConnectionCard } from "@/components/support/connection-card";
import { TestPushHistory } from "@/components/support/test-push-history";
import { TimelineList } from "@/components/support/timeline-list";
import { ActionsCard } from "@/components/support/actions-card";
import { AutoRefresh } from "@/components/support/auto-refresh-client";
import { BackToSetups } from "@/components/support/back-to-setups";

export const metadata: Metadata = { title: "Setup" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ before?: string | string[] }> };

/** One company for support: push health (once live), diagnosis, checklist, connection, test pushes, timeline and actions. */
export default async function SupportCompanyPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requirePageActor("company:read", `/support/companies/${id}`);
  const { before } = await searchParams;
  const detail = await loadSupportCompanyPage(actor, id, typeof before === "string" ? before : undefined);
  if (!detail) notFound();
  const now = new Date();
  const role = actor.role;
  return (
    <>
      <AutoRefresh active={detail.runningTestPush} companyId={detail.company.id} />
      <BackToSetups />
      <PageHeader title={detail.company.name} lead={<CompanyOverview detail={detail} now={now} />} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {detail.pushHealth && (detail.company.pushEnabled || detail.pushHealth.state !== "unknown") ? (
            <PushHealthCard health={detail.pushHealth} flow={detail.company.flow} usernames={detail.usernames} now={now} />
          ) : null}
          <DiagnosisCard diagnosis={detail.diagnosis} />
          <ChecklistCard
            companyId={detail.company.id}
            steps={detail.checklist}
            reached={detail.stepReached}
            pushEnabled={detail.company.pushEnabled}
            canReset={can(role, "step:reset")}
          />
          <TestPushHistory pushes={detail.testPushes} />
          <TimelineList detail={detail} />
          {before ? (
            <p className="text-sm">
              <Link href={`/support/companies/${detail.company.id}`} className="font-semibold text-brand-700 underline">
                Back to the newest events
              </Link>
            </p>
          ) : null}
        </div>
        <div className="min-w-0 space-y-6">
          <ActionsCard
            detail={detail}
            can={{
              testPush: can(role, "test-push:run"),
              disablePush: can(role, "push:disable"),
              link: can(role, "link:manage"),
              note: can(role, "note:add"),
            }}
          />
          <ConnectionCard detail={detail} now={now} />
        </div>
      </div>
    </>
  );
}
