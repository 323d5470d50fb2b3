import { SageSuppliersRefresh, suppliersRefreshCaption } from "../illustrations/sage-suppliers-refresh";
import { FigureFrame } from "../figure-frame";

/** The Suppliers view in Sage 50, showing this test push's supplier (drawn in the browser: the supplier comes with the push). */
export function SuppliersRefreshFigure({ testSupplierId, testSupplierName, integratorName, pushUsername }: {
  testSupplierId: string;
  testSupplierName: string;
  integratorName: string;
  pushUsername: string;
}) {
  return (
    <FigureFrame caption={suppliersRefreshCaption}>
      <SageSuppliersRefresh integratorName={integratorName} pushUsername={pushUsername} testSupplierId={testSupplierId} testSupplierName={testSupplierName} />
    </FigureFrame>
  );
}
