import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

/**
 * A list of constant strings as SQL literals ('a', 'b'), for the places SQL must spell a status list
 * out: check constraints, partial indexes' predicates and the queries that must match those
 * predicates word for word. The lists themselves live in lib/sage; this only writes them down.
 */
export function sqlLiterals(values: readonly string[]): SQL {
  return sql.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", "));
}

/**
 * A column's position in an ordered list, as SQL (`case col when 'a' then 0 when 'b' then 1 … end`):
 * the health sort and its expression index write it with the same function, so they match.
 */
export function sqlRank(column: SQL | SQLWrapper, values: readonly string[]): SQL {
  return sql`(case ${column} ${sql.raw(values.map((v, i) => `when '${v.replace(/'/g, "''")}' then ${i}`).join(" "))} end)`;
}
