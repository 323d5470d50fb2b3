import type { FieldValues, Resolver } from "react-hook-form";

/**
 * A form resolver whose code arrives after the page instead of with it. A step's form checks its
 * input with the zod schema its API route uses; that schema and zod are the heaviest part of the
 * step's JavaScript, and nothing needs them before the first submit. The form calls `preload()` when
 * the client first focuses or presses anything in it, so loading them does not compete with the
 * page's own start on a slow phone, and a submit seldom waits. Should the code fail to load, the input goes to the
 * server unchecked: the route checks it with the same schema and answers with the same messages,
 * per field.
 */
export function lazyResolver<Values extends FieldValues>(load: () => Promise<Resolver<Values, unknown, Values>>) {
  let loading: Promise<Resolver<Values, unknown, Values>> | null = null;
  const get = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null; // the next submit tries again
      throw error;
    }));

  const resolver: Resolver<Values, unknown, Values> = async (values, context, options) => {
    let resolve: Resolver<Values, unknown, Values>;
    try {
      resolve = await get();
    } catch {
      return { values, errors: {} };
    }
    return resolve(values, context, options);
  };
  const preload = () => {
    get().catch(() => undefined);
  };
  return { resolver, preload };
}
