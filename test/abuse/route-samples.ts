/**
 * Requests for any route of the add-in API's table, built from the route itself: its path with every
 * `{param}` filled in from the target's ids, and a body that its own zod schema accepts (made from the
 * schema's JSON Schema, with the target's ids where a field names one). A route added tomorrow gets
 * the same treatment without anyone editing the abuse tests.
 */
import { z } from 'zod';
import type { ApiRoute } from '../../shared/api/http';

export interface Target {
  dossierId: string;
  partnerId: string;
  month: string;
  tenantId: string;
  objectId: string;
  requestId: string;
}

/** The value of a path parameter or body field named `name`, when it names one of the target's ids. */
function targetValue(name: string, target: Target): string | undefined {
  const lower = name.toLowerCase();
  if (lower === 'dossierid') return target.dossierId;
  if (lower.endsWith('partnerid') || lower === 'topartnerid') return target.partnerId;
  if (lower === 'month') return target.month;
  if (lower === 'tenantid') return target.tenantId;
  if (lower === 'objectid') return target.objectId;
  if (lower === 'requestid') return target.requestId;
  return undefined;
}

export function pathFor(route: ApiRoute, target: Target): string {
  return route.path.replace(/\{([A-Za-z0-9_]+)\}/g, (_m, name: string) => {
    const value = targetValue(name, target);
    if (value === undefined) throw new Error(`abuse test: no value for path parameter {${name}} of ${route.operationId}; add it to targetValue`);
    return encodeURIComponent(value);
  });
}

type Json = { type?: string | string[]; properties?: Record<string, Json>; required?: string[]; enum?: unknown[]; const?: unknown; pattern?: string; items?: Json; anyOf?: Json[]; minimum?: number; maxLength?: number; minLength?: number };

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';

function sampleOf(schema: Json, name: string, target: Target): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return sampleOf(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0]!, name, target);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries(schema.properties ?? {})) {
        const isDate = sub.pattern === DATE || sub.anyOf?.some((a) => a.pattern === DATE);
        if (schema.required?.includes(key) || targetValue(key, target) !== undefined || key === 'dossierIds' || isDate) out[key] = sampleOf(sub, key, target);
      }
      return out;
    }
    case 'array':
      return name === 'dossierIds' ? [target.dossierId] : [];
    case 'boolean':
      return true;
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'string': {
      const id = targetValue(name, target);
      if (id !== undefined) return id;
      if (schema.pattern === '^\\d{4}-(0[1-9]|1[0-2])$') return target.month;
      if (schema.pattern === DATE) return `${target.month}-12`;
      return 'Aanval van een andere organisatie'.slice(0, schema.maxLength ?? 100);
    }
    default:
      return null;
  }
}

/** A body the route's own schema accepts, aimed at the target; undefined for a route without one. */
export function bodyFor(route: ApiRoute, target: Target): unknown {
  if (!route.body) return undefined;
  const json = z.toJSONSchema(route.body, { io: 'input', unrepresentable: 'any' }) as Json;
  const body = sampleOf(json, 'body', target);
  const parsed = route.body.safeParse(body);
  if (!parsed.success) throw new Error(`abuse test: could not build a valid body for ${route.operationId}: ${parsed.error.message}`);
  return body;
}
