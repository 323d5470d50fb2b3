"use client";
import { useEffect, useRef } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TestPushView } from "@/lib/test-push/test-push-view";
import type { ApiError } from "@/components/api/fetch-json";
import { fetchLatestTestPush, setupQueryKey, startTestPush, testPushQueryKey } from "../wizard-api";
import { isTestPushRunning } from "@/lib/sage/test-push-status";
import { useLiveCompany } from "../use-live-company";
import { embedEvent } from "@/lib/sage/embed-events";
import { emitEmbedEvent } from "@/components/embed/embed-events";

/** How often a running test push is asked about while the live stream is not open (the server asks Codat at most every few seconds). */
const TEST_PUSH_POLL_MS = 1_500;

const isRunning = (push: TestPushView | null | undefined) => isTestPushRunning(push?.status);

/**
 * The company's latest test push, followed while it runs, and the action that starts one. A new
 * Idempotency-Key per click: a double click or a resent request never starts two pushes.
 */
export function useTestPush(companyId: string) {
  const client = useQueryClient();
  const live = useLiveCompany(companyId);
  const query = useQuery({
    queryKey: testPushQueryKey(companyId),
    queryFn: () => fetchLatestTestPush(companyId),
    refetchInterval: (q) => (isRunning(q.state.data) && !live ? TEST_PUSH_POLL_MS : false),
    refetchIntervalInBackground: true,
  });
  const start = useMutation<TestPushView, ApiError, void>({
    mutationFn: () => startTestPush(companyId, crypto.randomUUID()),
    onSuccess: (push) => {
      client.setQueryData(testPushQueryKey(companyId), push);
      emitEmbedEvent(embedEvent("test_push_started", companyId));
    },
    onError: (error) => {
      if (error.code === "test_push_running") void client.invalidateQueries({ queryKey: testPushQueryKey(companyId) });
    },
  });

  const push = query.data ?? null;
  const running = isRunning(push);
  // When a push finishes, the wizard's steps and readiness change: read them again.
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running) {
      void client.invalidateQueries({ queryKey: setupQueryKey(companyId) });
      if (push) emitEmbedEvent(embedEvent("test_push_finished", companyId, { outcome: push.status }));
    }
    wasRunning.current = running;
  }, [running, client, companyId, push]);

  return { push, running, query, start };
}
