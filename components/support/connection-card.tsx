import type { ReactNode } from "react";
import type { CompanyDetail } from "@/lib/support/load-company-detail";
import { Card } from "@/components/ui/card";
import { ConnectionBadge } from "./status-badges";
import { LicenseKey } from "./license-key-client";
import { When } from "./when";

/** Codat ids, connection status and last sync, the license key on request, and the declared usernames. */
export function ConnectionCard({ detail, now }: { detail: CompanyDetail; now: Date }) {
  const c = detail.company;
  return (
    <Card>
      <h2 className="text-lg font-bold text-slate-900">Connection</h2>
      <dl className="mt-4 space-y-3 text-sm">
        <Row term="Status">
          <ConnectionBadge status={c.connectionStatus} />
        </Row>
        <Row term="Last sync">
          <When iso={c.lastSyncAt} now={now} />
          {c.lastSyncAt ? null : <span className="text-slate-600"> (never)</span>}
        </Row>
        <Row term="License key (Codat company ID)">
          <LicenseKey companyId={c.id} masked={c.licenseKeyMasked} />
        </Row>
        <Row term="Codat connection ID">
          <span className="break-all font-mono">{c.codatConnectionId ?? "—"}</span>
        </Row>
        <Row term="Company file reported by the connector">
          {c.reportedCompanyName ? `${c.reportedCompanyName}${c.baseCurrency ? ` (${c.baseCurrency})` : ""}` : "—"}
        </Row>
      </dl>
      <h3 className="mt-6 font-semibold text-slate-900">Sage 50 usernames the client declared</h3>
      <dl className="mt-2 space-y-3 text-sm">
        <Row term="Push user (the connector's login)">{detail.usernames.push ?? "Not given yet"}</Row>
        <Row term="Everyday logins">
          {detail.usernames.everyday.length ? detail.usernames.everyday.join(", ") : "None given"}
        </Row>
      </dl>
    </Card>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="font-semibold text-slate-700">{term}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}
