"use client";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="mx-auto max-w-lg">
      <Card>
        <h1 className="text-2xl font-bold">Something went wrong on our side</h1>
        <p className="mt-2 text-slate-700">Nothing you entered has been lost. Try again; if it keeps happening, contact support.</p>
        <Button className="mt-6" onClick={reset}>
          Try again
        </Button>
      </Card>
    </div>
  );
}
