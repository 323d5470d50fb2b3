import { Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-lg">
      <Card>
        <p className="text-sm font-semibold text-red-700">Error 403</p>
        <h1 className="mt-1 text-2xl font-bold">This page is not available to you</h1>
        <p className="mt-2 text-slate-700">
          Your account does not have access to this part of the app. If you think it should, ask an administrator.
        </p>
        <ButtonLink href="/" variant="secondary" className="mt-6">
          Go to the start page
        </ButtonLink>
      </Card>
    </div>
  );
}
