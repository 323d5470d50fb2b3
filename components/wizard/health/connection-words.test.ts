import { expect, it } from "vitest";
import { CONNECTION_STATUSES } from "@/lib/sage/types";
import { CONNECTION_WORDS } from "./connection-words";

it("has the client's words for each connection status of lib/sage, and no other", () => {
  expect(Object.keys(CONNECTION_WORDS).sort()).toEqual([...CONNECTION_STATUSES].sort());
  for (const { label, words } of Object.values(CONNECTION_WORDS)) expect(label && words).toBeTruthy();
});
