"use client";

import type { ReactNode } from "react";
import { usePathname } from "next/navigation";
import { isApiReferenceViewerPage } from "@/lib/sage/api-reference-page";

/**
 * The layout's main landmark (the skip link's target), one per page: a plain box on a page whose
 * content renders its own `<main>`, so there is never a main inside a main.
 */
export function MainLandmark({ className, children }: { className: string; children: ReactNode }) {
  // The API reference's viewer renders the page's <main> itself.
  const Tag = isApiReferenceViewerPage(usePathname()) ? "div" : "main";
  return (
    <Tag id="main" className={className}>
      {children}
    </Tag>
  );
}
