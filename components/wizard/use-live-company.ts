"use client";
import { useEffect, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { watchCompanyStream } from "@/components/live/company-stream";
import { setupQueryKey, testPushQueryKey } from "./wizard-api";

/**
 * Keeps the company's test push and wizard state in the query cache from its live-update stream, and
 * says whether the stream is open (while it is not, the hooks poll as before).
 */
export function useLiveCompany(companyId: string): boolean {
  const client = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(
    () =>
      watchCompanyStream(companyId, {
        onState: (state) => {
          client.setQueryData(testPushQueryKey(companyId), state.testPush);
          client.setQueryData(setupQueryKey(companyId), state.setup);
        },
        onLive: setLive,
      }),
    [client, companyId],
  );
  return live;
}
