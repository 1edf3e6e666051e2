/**
 * The OpenAPI 3.1 document of the add-in API, generated from the route table the server registers
 * (routes.ts) and its zod schemas (JSON Schema 2020-12, which OpenAPI 3.1 uses as is).
 */
import { z } from 'zod';
import type { ApiRoute } from './http';
import { problemSchema } from './schemas';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (object.required ?? []).includes(name),
    schema: property,
  }));
}

export interface OpenApiOptions {
  baseUrl: string;
}

export function openApiDocument(routes: readonly ApiRoute[], options: OpenApiOptions): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const responses: Record<string, JsonSchema> = {};
    for (const [status, spec] of Object.entries(route.responses)) {
      const content = spec.problem
        ? { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }
        : spec.file
          ? { [spec.file]: { schema: { type: 'string', contentMediaType: spec.file } } }
          : spec.schema
            ? { 'application/json': { schema: jsonSchema(spec.schema, 'output') } }
            : undefined;
      responses[status] = { description: spec.description, ...(content ? { content } : {}) };
    }
    // Every signed-in route counts against the user's rate limit (http.ts).
    if (route.access === 'user') {
      responses['429'] = {
        description: "Over the user's rate limit; Retry-After says when to try again",
        headers: { 'Retry-After': { schema: { type: 'integer', minimum: 1 } } },
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
    const operation: JsonSchema = {
      operationId: route.operationId,
      summary: route.summary,
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
      responses,
      security: route.access === 'user' ? [{ entraBearer: [] }] : [],
      ...(route.access === 'local-dev' ? { 'x-local-only': true } : {}),
    };
    if (route.body) operation.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } };
    (paths[route.path] ??= {})[route.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Woonbegeleiding: API of the Outlook add-in',
      version: '1',
      description: 'Errors are RFC 9457 problem documents with a Dutch detail to show as is.',
    },
    servers: [{ url: options.baseUrl }],
    paths,
    components: {
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
      securitySchemes: {
        entraBearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'An Entra ID v2 access token for this API (audience the API app id or its api:// URI, scope access_as_user, tenant on the allowlist); in local mode also a token of the development sign-in.',
        },
      },
    },
  };
}
