import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Staff sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="text-2xl font-bold">Staff sign in</h1>
        <p className="mt-1 text-slate-700">For the support team and administrators. Clients open the setup link they were sent.</p>
        <SignInForm callbackUrl={callbackUrl ?? "/support"} />
      </Card>
    </div>
  );
}
