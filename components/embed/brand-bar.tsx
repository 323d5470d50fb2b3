/** The integrator's logo and name above the wizard (the logo is one of the files in public/img/brand). */
export function BrandBar({ integratorName, logoPath }: { integratorName: string; logoPath: string | null }) {
  if (!logoPath) return null;
  return (
    <div className="mb-4 flex items-center gap-3">
      {/* eslint-disable-next-line @next/next/no-img-element -- a small static PNG; next/image adds nothing here */}
      <img src={logoPath} alt="" width={40} height={40} className="h-10 w-10" />
      <p className="font-semibold text-slate-900">{integratorName}</p>
    </div>
  );
}
