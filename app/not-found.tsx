import { Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg">
      <Card>
        <p className="text-sm font-semibold text-slate-600">Error 404</p>
        <h1 className="mt-1 text-2xl font-bold">We could not find that page</h1>
        <p className="mt-2 text-slate-700">The address may be mistyped, or the record may not exist or not be yours to see.</p>
        <ButtonLink href="/" variant="secondary" className="mt-6">
          Go to the start page
        </ButtonLink>
      </Card>
    </div>
  );
}
