"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { PcActionInput, PcActionType } from "@/lib/simulator/pc/pc-actions";
import type { PcState } from "@/lib/simulator/pc/pc-state";
import { ApiError, fetchJson } from "@/components/api/fetch-json";

export type PcResult = { tone: "success" | "error"; text: string };
type ActionAnswer = { ok: true; message: string; state: PcState };

/** How often the page re-reads the PC, so pushes the connector processes show up by themselves. */
const PC_POLL_MS = 2000;

/** The simulated PC's state, kept fresh, and a way to act on it through the control API. */
export function useSimulatedPc(initial: PcState) {
  const [state, setState] = useState(initial);
  const [running, setRunning] = useState<PcActionType | null>(null);
  const [result, setResult] = useState<PcResult | null>(null);
  const busy = useRef(false);
  const url = `/api/sim/pc/${initial.companyId}`;

  const refresh = useCallback(async () => {
    if (busy.current) return;
    try {
      setState(await fetchJson<PcState>(url));
    } catch {
      // The next poll tries again.
    }
  }, [url]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void refresh();
    }, PC_POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const run = useCallback(
    async (action: PcActionInput): Promise<boolean> => {
      busy.current = true;
      setRunning(action.type);
      try {
        const answer = await fetchJson<ActionAnswer>(`${url}/actions`, { method: "POST", body: action });
        setState(answer.state);
        setResult({ tone: "success", text: answer.message });
        return true;
      } catch (err) {
        const refused = err instanceof ApiError && err.status !== 0;
        setResult({ tone: "error", text: refused ? err.message : "The simulator did not answer. Try again." });
        return false;
      } finally {
        busy.current = false;
        setRunning(null);
      }
    },
    [url],
  );

  return { state, running, result, run };
}

export type PcControls = ReturnType<typeof useSimulatedPc>;
