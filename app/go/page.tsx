import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { ShortCodeForm } from "@/components/auth/short-code-form";

export const metadata: Metadata = { title: "Continue on this PC" };

/** `?embedOrigin=` when an integrator's page frames /go: checked on the server when the code is sent. */
export default async function GoPage({ searchParams }: { searchParams: Promise<{ embedOrigin?: string | string[] }> }) {
  const { embedOrigin } = await searchParams;
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="text-2xl font-bold">Continue your setup on this PC</h1>
        <p className="mt-1 text-slate-700">
          Type the short code shown on the device where you started. You will pick up exactly where you left off.
        </p>
        <ShortCodeForm embedOrigin={typeof embedOrigin === "string" ? embedOrigin.slice(0, 200) : null} />
      </Card>
    </div>
  );
}
