/**
 * /api/openapi.json lists exactly the routes the server registered for the add-in API (it is
 * generated from the same table), in both modes; each operation's path parameters match its path.
 */

import { startHarness, type Harness } from './harness';

interface Operation {
  operationId: string;
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, { schema: { additionalProperties?: boolean; required?: string[] } }> };
  security: unknown[];
  responses: Record<string, unknown>;
}
interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown> };
}

/** "METHOD /path/{param}" of every /api/ route on the restify server, except the product's own. */
function registeredApiRoutes(h: Harness): string[] {
  const notOurs = new Set(['/api/health', '/api/messages']);
  const { routes } = h.server.getDebugInfo() as { routes: { method: string; path: string }[] };
  return routes
    .filter((r) => r.path.startsWith('/api/') && !notOurs.has(r.path))
    .map((r) => `${r.method.toUpperCase()} ${r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`)
    .sort();
}

const documented = (doc: OpenApi): string[] =>
  Object.entries(doc.paths)
    .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();

describe.each(['azure', 'local'] as const)('OpenAPI document (%s mode)', (mode) => {
  let h: Harness;
  let doc: OpenApi;
  beforeAll(async () => {
    h = await startHarness({ mode });
    const response = await h.request('GET', '/api/openapi.json');
    expect(response.status).toBe(200);
    doc = response.body as OpenApi;
  });
  afterAll(() => h.close());

  it('is OpenAPI 3.1 with the Entra bearer scheme', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.entraBearer).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  });

  it('lists exactly the registered routes', () => {
    expect(documented(doc)).toEqual(registeredApiRoutes(h));
    expect(documented(doc)).toEqual(expect.arrayContaining(['GET /api/me', 'GET /api/consultations/{partnerId}/{month}', 'GET /api/dossiers', 'POST /api/flags', 'DELETE /api/flags/{partnerId}/{month}/{dossierId}']));
    expect(documented(doc).some((r) => r.includes('/api/dev/'))).toBe(mode === 'local');
  });

  it('describes each path parameter, the bodies as closed objects, and who must sign in', () => {
    for (const [path, operations] of Object.entries(doc.paths)) {
      const placeholders = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      for (const operation of Object.values(operations)) {
        expect([operation.operationId, operation.parameters.filter((p) => p.in === 'path').map((p) => p.name).sort()]).toEqual([operation.operationId, placeholders]);
        const body = operation.requestBody?.content['application/json']?.schema;
        if (body) expect(body.additionalProperties).toBe(false);
      }
    }
    expect(doc.paths['/api/flags']?.post?.requestBody?.content['application/json']?.schema.required?.sort()).toEqual(['dossierId', 'month', 'partnerId', 'problem']);
    expect(doc.paths['/api/me']?.get?.security).toEqual([{ entraBearer: [] }]);
    expect(doc.paths['/api/openapi.json']?.get?.security).toEqual([]);
    expect(Object.keys(doc.paths['/api/flags']?.post?.responses ?? {})).toEqual(expect.arrayContaining(['201', '200', '401', '404', '422']));
  });
});
