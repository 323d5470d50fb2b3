import { describe, expect, it } from "vitest";
import {
  causesByWeek,
  countsByWeek,
  flowsFor,
  funnelConversions,
  growingCause,
  percent,
  PROGRESS_FACTS,
  share,
  stepLosingMost,
  stepSpans,
  weekStartOf,
  weeksBetween,
} from "./insights";

describe("stepSpans", () => {
  it("enters each step of the new flow by the previous step's fact", () => {
    expect(stepSpans("new")).toEqual([
      { step: "before-start", enteredBy: "created", leftBy: "beforeStartDone" },
      { step: "push-user", enteredBy: "beforeStartDone", leftBy: "pushUserDone" },
      { step: "connector", enteredBy: "pushUserDone", leftBy: "connectorLinked" },
      { step: "credentials", enteredBy: "connectorLinked", leftBy: "companyConfirmed" },
      { step: "test-push", enteredBy: "companyConfirmed", leftBy: "testPassed" },
      { step: "enable-push", enteredBy: "testPassed", leftBy: "pushEnabled" },
    ]);
  });

  it("skips the connector in the upgrade flow: credentials follow the push user", () => {
    const spans = stepSpans("upgrade");
    expect(spans.map((s) => s.step)).toEqual(["before-start", "push-user", "credentials", "test-push", "enable-push"]);
    expect(spans[2]).toEqual({ step: "credentials", enteredBy: "pushUserDone", leftBy: "companyConfirmed" });
  });

  it("enters and leaves steps by the kept facts, in their order", () => {
    for (const flow of ["new", "upgrade"] as const) {
      const order = stepSpans(flow).flatMap((s) => [PROGRESS_FACTS.indexOf(s.enteredBy), PROGRESS_FACTS.indexOf(s.leftBy)]);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it("covers both flows for all", () => {
    expect(flowsFor("all")).toEqual(["new", "upgrade"]);
    expect(flowsFor("upgrade")).toEqual(["upgrade"]);
  });
});

describe("conversion and shares", () => {
  it("divides safely and rounds for people", () => {
    expect(share(1, 4)).toBe(0.25);
    expect(share(3, 0)).toBe(0);
    expect(percent(0.456)).toBe("46%");
  });

  it("gives each step its conversion and the setups it lost, and finds the step losing most", () => {
    const steps = funnelConversions([
      { step: "before-start", reached: 10, movedOn: 8 },
      { step: "push-user", reached: 8, movedOn: 3 },
      { step: "test-push", reached: 3, movedOn: 3 },
    ] as const);
    expect(steps.map((s) => [s.conversion, s.lost])).toEqual([
      [0.8, 2],
      [0.375, 5],
      [1, 0],
    ]);
    expect(stepLosingMost(steps)?.step).toBe("push-user");
    expect(stepLosingMost([{ step: "push-user", lost: 0 }])).toBeNull();
  });
});

describe("weeks", () => {
  it("start on Monday, UTC", () => {
    expect(weekStartOf(new Date("2026-12-02T10:00:00Z"))).toBe("2026-11-30"); // a Wednesday
    expect(weekStartOf(new Date("2026-11-30T00:00:00Z"))).toBe("2026-11-30"); // the Monday itself
    expect(weekStartOf(new Date("2026-12-06T23:59:59Z"))).toBe("2026-11-30"); // its Sunday
    expect(weekStartOf(new Date("2026-12-07T00:00:00Z"))).toBe("2026-12-07");
  });

  it("list every week a period touches, across a year's end", () => {
    expect(weeksBetween(new Date("2026-12-20T12:00:00Z"), new Date("2027-01-06T12:00:00Z"))).toEqual([
      "2026-12-14",
      "2026-12-21",
      "2026-12-28",
      "2027-01-04",
    ]);
  });

  it("fill empty weeks with zero", () => {
    expect(countsByWeek([{ week: "2026-12-07", count: 2 }], ["2026-11-30", "2026-12-07"])).toEqual([
      { week: "2026-11-30", count: 0 },
      { week: "2026-12-07", count: 2 },
    ]);
  });
});

describe("causesByWeek", () => {
  const weeks = ["2026-11-23", "2026-11-30"];

  it("stacks causes per week, most frequent first, with shares", () => {
    const result = causesByWeek(
      [
        { week: "2026-11-23", cause: "login_clash", count: 3 },
        { week: "2026-11-30", cause: "login_clash", count: 1 },
        { week: "2026-11-30", cause: "connector_offline", count: 4 },
        { week: "2026-11-30", cause: "connector_offline", count: 2 },
        { week: "2026-01-05", cause: "ignored", count: 9 },
      ],
      weeks,
    );
    expect(result.causes).toEqual([
      { cause: "connector_offline", total: 6, share: 0.6 },
      { cause: "login_clash", total: 4, share: 0.4 },
    ]);
    expect(result.rows).toEqual([
      { week: "2026-11-23", counts: { connector_offline: 0, login_clash: 3 }, total: 3 },
      { week: "2026-11-30", counts: { connector_offline: 6, login_clash: 1 }, total: 7 },
    ]);
  });

  it("gives failures counted but not kept with a cause to the rest", () => {
    const result = causesByWeek([{ week: "2026-11-30", cause: "login_clash", count: 2 }], weeks, {
      totals: new Map([
        ["2026-11-30", 5],
        ["2026-11-23", 0],
      ]),
      restCause: "not_kept",
    });
    expect(result.rows[1]).toEqual({ week: "2026-11-30", counts: { not_kept: 3, login_clash: 2 }, total: 5 });
    expect(result.causes.map((c) => c.cause)).toEqual(["not_kept", "login_clash"]);
  });
});

describe("growingCause", () => {
  it("names the cause that grew most from the week before to the latest week", () => {
    const rows = [
      { week: "2026-11-16", counts: { a: 9, b: 0, c: 1 }, total: 10 },
      { week: "2026-11-23", counts: { a: 5, b: 1, c: 1 }, total: 7 },
      { week: "2026-11-30", counts: { a: 5, b: 4, c: 3 }, total: 12 },
    ];
    const causes = ["a", "b", "c"].map((cause) => ({ cause, total: 0, share: 0 }));
    expect(growingCause({ rows, causes })).toEqual({ cause: "b", before: 1, after: 4 });
    expect(growingCause({ rows: rows.slice(0, 2), causes })).toEqual({ cause: "b", before: 0, after: 1 });
    expect(growingCause({ rows: [rows[0]!], causes })).toBeNull();
  });
});
