/**
 * Colours and type sizes shared by every illustration.
 *
 * Text colours are checked against the fills they sit on (WCAG 2.2 AA, 4.5:1):
 * ink on surface 14.7:1, on panel 13.3:1, on accentSoft 12.8:1; muted on surface 7.6:1, on panel 6.9:1;
 * white on sageBar 9.1:1, on connectorBar 10.4:1, on accent 5.2:1, on primary 6.7:1, on taskbar 14.7:1;
 * accent on surface 5.2:1 and on panel 4.7:1; primary on surface 6.7:1;
 * warnInk on warnBg 9.2:1; okInk on okBg 8.3:1.
 * Outlines that carry meaning (fields, rings) use `line` (4.8:1) or `accent`.
 */
export const colour = {
  ink: "#1f2937",
  muted: "#4b5563",
  line: "#6b7280",
  faint: "#d1d5db",
  surface: "#ffffff",
  panel: "#f3f4f6",
  desktop: "#dbe4ee",
  taskbar: "#1f2937",
  sageBar: "#14532d",
  connectorBar: "#1e3a8a",
  dialogBar: "#e5e7eb",
  accent: "#c2410c",
  accentSoft: "#ffedd5",
  primary: "#1d4ed8",
  onDark: "#ffffff",
  warnBg: "#fef2f2",
  warnLine: "#b91c1c",
  warnInk: "#7f1d1d",
  infoBg: "#eff6ff",
  infoLine: "#1d4ed8",
  okBg: "#dcfce7",
  okInk: "#14532d",
} as const;

/** Font stack: Segoe UI on Windows (what the real screens use), metric-compatible fallbacks elsewhere. */
export const fontFamily = "'Segoe UI', 'Liberation Sans', Arial, 'Helvetica Neue', sans-serif";
export const monoFamily = "Consolas, 'Liberation Mono', 'DejaVu Sans Mono', monospace";

/**
 * Every illustration is drawn on a 400-unit-wide canvas. At a 320 px phone width the
 * scale is 0.8, so the 15-unit UI text renders at 12 px and the 14-unit minimum at 11.2 px.
 */
export const canvasWidth = 400;

export const size = {
  ui: 15,
  small: 14,
  title: 14,
  heading: 17,
} as const;
