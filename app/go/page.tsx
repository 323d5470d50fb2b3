import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { ShortCodeForm } from "@/components/auth/short-code-form";

export const metadata: Metadata = { title: "Continue on this PC" };

export default function GoPage() {
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="text-2xl font-bold">Continue your setup on this PC</h1>
        <p className="mt-1 text-slate-700">
          Type the short code shown on the device where you started. You will pick up exactly where you left off.
        </p>
        <ShortCodeForm />
      </Card>
    </div>
  );
}
