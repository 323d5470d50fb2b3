"use client";
import { useState } from "react";
import type { PcControls } from "./use-simulated-pc";
import { Panel } from "./window-frame";

/**
 * Sage 50's Suppliers view. Suppliers written while Sage 50 is open appear only after a refresh:
 * clicking the filter twice, as on the real thing.
 */
export function SuppliersView({ pc }: { pc: PcControls }) {
  const { state, running, run } = pc;
  const [filterOn, setFilterOn] = useState(false);
  const shown = state.sage.suppliers.filter((s) => s.visibleInOpenSage);

  function clickFilter() {
    if (!filterOn) {
      setFilterOn(true);
      return;
    }
    setFilterOn(false);
    void run({ type: "refreshSuppliers" });
  }

  return (
    <Panel title="Suppliers">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          aria-pressed={filterOn}
          onClick={clickFilter}
          disabled={running !== null}
          className="rounded border border-slate-400 bg-white px-3 py-1 text-sm font-semibold hover:bg-slate-100 aria-pressed:bg-amber-100"
        >
          Filter {filterOn ? "(on)" : "(off)"}
        </button>
        <p className="text-xs text-slate-600">Click the filter twice to refresh the list.</p>
      </div>
      {shown.length === 0 ? (
        <p className="text-slate-700">No suppliers to show.</p>
      ) : (
        <table className="w-full text-left">
          <caption className="sr-only">Suppliers in Sage 50</caption>
          <thead>
            <tr className="border-b border-slate-300 text-xs uppercase text-slate-600">
              <th scope="col" className="py-1">A/C</th>
              <th scope="col" className="py-1">Name</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => (
              <tr key={s.id} className="border-b border-slate-200">
                <td className="py-1 font-mono">{s.id}</td>
                <td className="py-1">{s.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
