import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi';

const V1 = path.resolve(import.meta.dirname, '../../app/api/v1');
// Not API operations: the document itself, and the JSON 404 for every unknown address.
const UNDOCUMENTED = new Set(['openapi.json', '[...path]']);

/** Every route handler under app/api/v1 as `METHOD /api/v1/path` in OpenAPI's spelling. */
const routeOperations = (): string[] => {
  const found: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        // `_receipts` is the receipts folder parked until its PDF dependency can be bundled (see its routes).
        const segment = entry.name === '_receipts' ? 'receipts' : entry.name;
        if (!UNDOCUMENTED.has(entry.name)) walk(path.join(dir, entry.name), [...segments, segment]);
      } else if (entry.name === 'route.ts') {
        const source = readFileSync(path.join(dir, entry.name), 'utf8');
        const methods = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
        // The receipt route's segment is `<number>.pdf`.
        const apiPath = `/api/v1/${segments.map((s) => s.replace(/^\[(\w+)\]$/, '{$1}')).join('/')}`.replace('/receipts/{number}', '/receipts/{number}.pdf');
        for (const method of methods) found.push(`${method} ${apiPath.replace(/\/$/, '')}`);
      }
    }
  };
  walk(V1, []);
  return found.sort();
};

const document = buildOpenApiDocument();
const documentedOperations = () =>
  Object.entries(document.paths ?? {})
    .flatMap(([p, item]) => Object.keys(item as object).map((method) => `${method.toUpperCase()} ${p}`))
    .sort();

describe('the OpenAPI document', () => {
  it('documents every route handler of /api/v1, and nothing that does not exist', () => {
    const routes = routeOperations();
    expect(routes.length).toBeGreaterThanOrEqual(13);
    expect(documentedOperations()).toEqual(routes);
  });

  it('is JSON with the shared error shape behind every failure', () => {
    const json = JSON.parse(JSON.stringify(document)) as typeof document;
    expect(json.openapi).toBe('3.1.0');
    expect(json.components?.schemas?.ApiError).toMatchObject({ required: ['code', 'message'] });
    for (const [p, item] of Object.entries(json.paths ?? {})) {
      for (const [method, operation] of Object.entries(
        item as Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>,
      )) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (Number(status) >= 400)
            expect(response.content?.['application/json']?.schema, `${method} ${p} ${status}`).toEqual({ $ref: '#/components/schemas/ApiError' });
        }
        expect(Object.keys(operation.responses), `${method} ${p}`).toEqual(expect.arrayContaining(['500', '503']));
      }
    }
  });

  it('shows request bodies from the validation schemas, with their rules', () => {
    const schemas = document.components?.schemas as Record<string, { properties?: Record<string, Record<string, unknown>>; required?: string[] }>;
    expect(schemas.SetPeriodRequest?.properties?.period).toMatchObject({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' });
    expect(schemas.StartPaymentRequest?.required).toEqual(['acceptTerms', 'termsVersion']);
    expect(schemas.ReadingsInput).toBeDefined();
    expect(schemas.AmountInput).toBeDefined();
  });

  it('keeps a nullable reference nullable without making the component itself nullable', () => {
    const schemas = document.components?.schemas as Record<string, { type?: unknown; properties?: Record<string, unknown> }>;
    expect(schemas.AccountView?.type).toBe('object');
    expect(schemas.PaymentState?.properties?.account).toEqual({ anyOf: [{ $ref: '#/components/schemas/AccountView' }, { type: 'null' }] });
  });
});
