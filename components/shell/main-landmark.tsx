"use client";

import type { ReactNode } from "react";
import { usePathname } from "next/navigation";

/** Pages whose content brings its own `<main>`: the API reference's viewer renders one. */
const PAGES_WITH_THEIR_OWN_MAIN = new Set(["/docs/api"]);

/**
 * The layout's main landmark (the skip link's target), one per page: a plain box on a page whose
 * content renders its own `<main>`, so there is never a main inside a main.
 */
export function MainLandmark({ className, children }: { className: string; children: ReactNode }) {
  const Tag = PAGES_WITH_THEIR_OWN_MAIN.has(usePathname()) ? "div" : "main";
  return (
    <Tag id="main" className={className}>
      {children}
    </Tag>
  );
}
