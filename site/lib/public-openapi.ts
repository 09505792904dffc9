/**
 * Shapes the OpenAPI 3.1 document into what the API reference page shows: operations grouped
 * by tag, each with its parameters, request body fields and responses. Pure: no I/O.
 */

type Json = Record<string, any>;

export interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  notes: string;
}
export interface Operation {
  id: string;
  method: string;
  path: string;
  summary: string;
  secured: boolean;
  params: Array<FieldRow & { in: string }>;
  body: { contentType: string; fields: FieldRow[]; type: string } | null;
  responses: Array<{ status: string; description: string; contentType: string | null }>;
}
export interface TagGroup {
  tag: string;
  operations: Operation[];
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** Follows a local $ref (#/components/schemas/X) once or more. */
function resolve(doc: Json, schema: Json | undefined, depth = 0): Json {
  if (!schema || depth > 8) return schema ?? {};
  if (typeof schema.$ref === "string" && schema.$ref.startsWith("#/")) {
    const target = schema.$ref.slice(2).split("/").reduce((o: Json | undefined, k: string) => o?.[k], doc);
    return resolve(doc, target, depth + 1);
  }
  return schema;
}

/** A short, readable type: "string", "integer | null", "array of string", "one of: a, b". */
export function typeOf(doc: Json, raw: Json | undefined, depth = 0): string {
  const s = resolve(doc, raw);
  if (depth > 3) return "object";
  if (Array.isArray(s.enum)) return `${s.enum.map((v: unknown) => JSON.stringify(v)).join(" | ")}`;
  if (s.const !== undefined) return JSON.stringify(s.const);
  const variants = s.anyOf ?? s.oneOf;
  if (Array.isArray(variants)) return [...new Set(variants.map((v: Json) => typeOf(doc, v, depth + 1)))].join(" | ");
  const types: string[] = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const one = (t: string) => (t === "array" ? `array of ${typeOf(doc, s.items, depth + 1)}` : t);
  if (types.length) return types.map(one).join(" | ");
  if (s.properties) return "object";
  return "any";
}

/** Constraints worth a reader's attention, as one short line. */
function notesOf(doc: Json, raw: Json | undefined): string {
  const s = resolve(doc, raw);
  const parts: string[] = [];
  if (s.description) parts.push(String(s.description));
  if (s.format) parts.push(`format ${s.format}`);
  if (s.minLength !== undefined && s.minLength > 0) parts.push(`min length ${s.minLength}`);
  if (s.maxLength !== undefined) parts.push(`max length ${s.maxLength}`);
  if (s.minimum !== undefined) parts.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined) parts.push(`≤ ${s.maximum}`);
  if (s.minItems !== undefined && s.minItems > 0) parts.push(`min ${s.minItems} items`);
  if (s.maxItems !== undefined) parts.push(`max ${s.maxItems} items`);
  if (s.pattern) parts.push(`pattern ${s.pattern}`);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  return parts.join(" · ");
}

function fieldsOf(doc: Json, raw: Json | undefined): FieldRow[] {
  const s = resolve(doc, raw);
  const props: Json = s.properties ?? {};
  const required = new Set<string>(Array.isArray(s.required) ? s.required : []);
  return Object.entries(props).map(([name, p]) => ({ name, type: typeOf(doc, p as Json), required: required.has(name), notes: notesOf(doc, p as Json) }));
}

/** The operations of the document, grouped by their first tag, in the document's order. */
export function apiReference(doc: Json, hideTags: readonly string[] = []): TagGroup[] {
  const groups = new Map<string, Operation[]>();
  const globalSecured = Array.isArray(doc.security) && doc.security.length > 0 && doc.security.every((s: Json) => Object.keys(s).length > 0);
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Json)) {
    for (const method of METHODS) {
      const op = (item as Json)[method] as Json | undefined;
      if (!op) continue;
      const tag = (Array.isArray(op.tags) && op.tags[0]) || "other";
      if (hideTags.includes(tag)) continue;
      const params = ([...((item as Json).parameters ?? []), ...(op.parameters ?? [])] as Json[]).map((p0) => {
        const p = resolve(doc, p0);
        return { name: String(p.name), in: String(p.in), type: typeOf(doc, p.schema), required: !!p.required, notes: [p.description, notesOf(doc, p.schema)].filter(Boolean).join(" · ") };
      });
      const content = op.requestBody?.content as Json | undefined;
      const contentType = content ? Object.keys(content)[0] : undefined;
      const bodySchema = contentType ? content![contentType].schema : undefined;
      const responses = Object.entries((op.responses ?? {}) as Json).map(([status, r0]) => {
        const r = resolve(doc, r0 as Json);
        return { status, description: String(r.description ?? ""), contentType: r.content ? Object.keys(r.content).join(", ") : null };
      });
      const operation: Operation = {
        id: `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, "-").replace(/-+$/, "").toLowerCase(),
        method: method.toUpperCase(), path, summary: String(op.summary ?? ""),
        secured: Array.isArray(op.security) ? op.security.length > 0 && op.security.every((s: Json) => Object.keys(s).length > 0) : globalSecured,
        params,
        body: contentType ? { contentType, fields: fieldsOf(doc, bodySchema), type: typeOf(doc, bodySchema) } : null,
        responses,
      };
      const list = groups.get(tag) ?? [];
      list.push(operation);
      groups.set(tag, list);
    }
  }
  return [...groups].map(([tag, operations]) => ({ tag, operations }));
}
