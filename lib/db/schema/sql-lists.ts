import { sql, type SQL } from "drizzle-orm";

/**
 * A list of constant strings as SQL literals ('a', 'b'), for the places SQL must spell a status list
 * out: check constraints, partial indexes' predicates and the queries that must match those
 * predicates word for word. The lists themselves live in lib/sage; this only writes them down.
 */
export function sqlLiterals(values: readonly string[]): SQL {
  return sql.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", "));
}
