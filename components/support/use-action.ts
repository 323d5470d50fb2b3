"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ApiResult } from "./call-api";

export type ActionMessage = { tone: "success" | "error" | "info"; text: string } | null;

/**
 * One console action: runs the call, keeps a message for the live region, and refreshes the page's
 * server data (so the timeline shows the action at once).
 */
export function useAction() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<ActionMessage>(null);

  async function run<T>(call: () => Promise<ApiResult<T>>, onSuccess: (data: T) => ActionMessage): Promise<ApiResult<T>> {
    setPending(true);
    setMessage(null);
    const result = await call();
    setPending(false);
    setMessage(result.ok ? onSuccess(result.data) : { tone: "error", text: result.message });
    router.refresh();
    return result;
  }

  return { pending, message, setMessage, run };
}
