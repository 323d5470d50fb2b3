type JsonSchema = Record<string, unknown>;

/** A JSON Schema's type in words: `string (uuid)`, `Setup` (linked), `array of SetupLink`, `a or null`. */
export function SchemaType({ schema }: { schema: JsonSchema }) {
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.split("/").pop()!;
    return (
      <a href={`#schema-${name}`} className="font-mono text-brand-700 underline">
        {name}
      </a>
    );
  }
  const anyOf = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (anyOf) {
    return (
      <>
        {anyOf.map((s, i) => (
          <span key={i}>
            {i > 0 ? " or " : null}
            <SchemaType schema={s} />
          </span>
        ))}
      </>
    );
  }
  if (Array.isArray(schema.enum)) return <span className="font-mono">{schema.enum.map((v) => JSON.stringify(v)).join(" | ")}</span>;
  if (schema.type === "array" && schema.items) {
    return (
      <span>
        array of <SchemaType schema={schema.items as JsonSchema} />
      </span>
    );
  }
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : String(schema.type ?? "any");
  const format = typeof schema.format === "string" ? ` (${schema.format})` : "";
  return <span className="font-mono">{`${type}${format}`}</span>;
}

/** An object schema's properties as a table: name, type, required, description. */
export function PropertiesTable({ schema, caption }: { schema: JsonSchema; caption: string }) {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const names = Object.keys(properties);
  if (!names.length) return <SchemaType schema={schema} />;
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-200 text-slate-700">
          <th scope="col" className="py-1 pr-3">Field</th>
          <th scope="col" className="py-1 pr-3">Type</th>
          <th scope="col" className="py-1 pr-3">Required</th>
          <th scope="col" className="py-1">Meaning</th>
        </tr>
      </thead>
      <tbody>
        {names.map((name) => (
          <tr key={name} className="border-b border-slate-100 align-top">
            <th scope="row" className="py-1 pr-3 font-mono font-medium">{name}</th>
            <td className="py-1 pr-3">
              <SchemaType schema={properties[name]!} />
            </td>
            <td className="py-1 pr-3">{required.has(name) ? "yes" : "no"}</td>
            <td className="py-1">{String(properties[name]!.description ?? "")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
