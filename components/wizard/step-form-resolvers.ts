import { zodResolver } from "@hookform/resolvers/zod";
import { pushUserFormSchema } from "@/lib/sage/push-user-form-schema";
import { credentialsSchema } from "@/lib/setup/wizard-step-schemas";

/** The step forms' checks: the API route's own schemas. Imported lazily (see lazy-resolver.ts). */
export const pushUserResolver = zodResolver(pushUserFormSchema);
export const credentialsResolver = zodResolver(credentialsSchema);
