import { illustrationCatalogue, type IllustrationKey } from "./illustrations/catalogue";
import { FigureFrame } from "./figure-frame";

type Props = {
  name: IllustrationKey;
  integratorName: string;
  pushUsername: string;
  companyName?: string | null;
  licenseKey?: string;
  className?: string;
};

/**
 * One illustration of a screen with its short caption. For server components: it takes the whole
 * catalogue along, so a client component is given the figure by its server parent instead.
 */
export function IllustrationFigure({ name, integratorName, pushUsername, companyName, licenseKey, className = "" }: Props) {
  const { component: Picture, caption } = illustrationCatalogue[name];
  return (
    <FigureFrame caption={caption} className={className}>
      <Picture
        integratorName={integratorName}
        pushUsername={pushUsername}
        {...(companyName ? { companyName } : {})}
        {...(licenseKey ? { licenseKey } : {})}
      />
    </FigureFrame>
  );
}
