import { illustrationCatalogue, type IllustrationKey } from "./illustrations/catalogue";

type Props = {
  name: IllustrationKey;
  integratorName: string;
  pushUsername: string;
  companyName?: string | null;
  licenseKey?: string;
  className?: string;
};

/** One illustration of a screen with its short caption; the picture carries its full description. */
export function IllustrationFigure({ name, integratorName, pushUsername, companyName, licenseKey, className = "" }: Props) {
  const { component: Picture, caption } = illustrationCatalogue[name];
  return (
    <figure className={`mx-auto w-full max-w-md ${className}`}>
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-slate-50 p-2 shadow-sm">
        <Picture
          integratorName={integratorName}
          pushUsername={pushUsername}
          {...(companyName ? { companyName } : {})}
          {...(licenseKey ? { licenseKey } : {})}
        />
      </div>
      <figcaption className="mt-2 text-sm text-slate-600">{caption}</figcaption>
    </figure>
  );
}

/** The Suppliers view in Sage 50, showing this test push's supplier. */
export function SuppliersRefreshFigure({ testSupplierId, testSupplierName, integratorName, pushUsername }: {
  testSupplierId: string;
  testSupplierName: string;
  integratorName: string;
  pushUsername: string;
}) {
  const { component: Picture, caption } = illustrationCatalogue["sage-suppliers-refresh"];
  return (
    <figure className="mx-auto w-full max-w-md">
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-slate-50 p-2 shadow-sm">
        <Picture integratorName={integratorName} pushUsername={pushUsername} testSupplierId={testSupplierId} testSupplierName={testSupplierName} />
      </div>
      <figcaption className="mt-2 text-sm text-slate-600">{caption}</figcaption>
    </figure>
  );
}
