/**
 * jose 6 is ESM only. Node 20.19+ loads it with require(esm), but TypeScript (module node16) refuses
 * a static import of ESM in a CommonJS file, and jest's own module registry cannot load ESM on Node 20.
 * Node's real `require` (createRequire) works everywhere we run: tsx, compiled dist/, and jest.
 */
import { createRequire } from 'node:module';
import type * as Jose from 'jose' with { 'resolution-mode': 'import' };

export type { JSONWebKeySet, JWTPayload, JWTVerifyGetKey } from 'jose' with { 'resolution-mode': 'import' };

export const jose: typeof Jose = createRequire(__filename)('jose') as typeof Jose;
