import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { MainLandmark } from "@/components/shell/main-landmark";
import { SiteHeader } from "@/components/shell/site-header";
import { loadSiteHeader } from "@/lib/shell/site-header-data";

// Every page reads the session and the database: nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Sage 50 push setup", template: "%s · Sage 50 push setup" },
  description: "Connect Sage 50 Accounts so data can be pushed into it, verified by a test push.",
  icons: {
    icon: [
      { url: "/img/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/img/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/img/apple-touch-icon.png",
  },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // null inside the integrator's iframe: their app is the frame there (see loadSiteHeader).
  const header = await loadSiteHeader();
  return (
    <html lang="en-GB">
      <body className="min-h-screen font-sans antialiased">
        <a
          href="#main"
          className="sr-only z-50 rounded bg-white px-3 py-2 font-semibold focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
        >
          Skip to content
        </a>
        {header ? <SiteHeader {...header} /> : null}
        <MainLandmark className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">{children}</MainLandmark>
      </body>
    </html>
  );
}
