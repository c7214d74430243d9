// Reads the app's own OpenAPI document: the list of operations that route-level tests walk through.
import type { App } from '../kernel/http/app-types.ts';

export type Operation = {
  method: string;
  path: string; // OpenAPI form: /api/v1/customers/{id}
  permission: string | undefined;
  isPublic: boolean;
  bodySchema: JsonSchema | undefined;
  pathParams: string[];
};
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  $ref?: string;
  anyOf?: JsonSchema[];
  [k: string]: unknown;
};

export async function operations(app: App): Promise<{ ops: Operation[]; doc: any }> {
  const res = await app.inject({ url: '/api/openapi.json' });
  const doc = res.json();
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      ops.push({
        method: method.toUpperCase(),
        path,
        permission: op['x-permission'],
        isPublic: op['x-public'] === true,
        bodySchema: op.requestBody?.content?.['application/json']?.schema,
        pathParams: (op.parameters ?? []).filter((p: any) => p.in === 'path').map((p: any) => p.name),
      });
    }
  }
  return { ops, doc };
}

export function resolveRef(doc: any, s: JsonSchema | undefined): JsonSchema | undefined {
  if (!s?.$ref) return s;
  const name = s.$ref.split('/').pop()!;
  return resolveRef(doc, doc.components?.schemas?.[name]);
}

export const fillPath = (path: string, values: Record<string, string>) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '00000000-0000-4000-8000-000000000000');
