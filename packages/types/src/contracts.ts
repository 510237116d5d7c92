import * as z from 'zod';
import type { Role } from './auth.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * An HTTP contract: shared by the handler (parsing), the gateway and CDK (routing and auth),
 * the typed client and the OpenAPI document. One definition, no hand-written copies.
 */
export interface RouteContract<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  id: string;
  method: HttpMethod;
  path: string; // API Gateway style: /regions/{code}
  summary: string;
  /** 'public': anonymous. 'staff': any signed-in role unless `roles` narrows it. */
  auth: 'public' | 'staff';
  roles?: readonly Role[];
  /** For the 'department' role: only these departments (the token's department claim) may call. */
  departments?: readonly string[];
  /**
   * Set on a staff read whose region parameter selects public reference data (a policy catalog,
   * published standards) rather than regional records: it is not region-scoped, and this says why.
   */
  unscopedReason?: string;
  params: P;
  query: Q;
  body: B;
  response: R;
  /** Non-JSON responses (HTML, XLSX, CSV) declare their media type. */
  produces?: string;
}

const none = z.object({}).strict();

export function defineContract<
  P extends z.ZodType = typeof none,
  Q extends z.ZodType = typeof none,
  B extends z.ZodType = z.ZodUndefined,
  R extends z.ZodType = z.ZodUnknown,
>(contract: {
  id: string;
  method: HttpMethod;
  path: string;
  summary: string;
  auth: 'public' | 'staff';
  roles?: readonly Role[];
  departments?: readonly string[];
  unscopedReason?: string;
  params?: P;
  query?: Q;
  body?: B;
  response?: R;
  produces?: string;
}): RouteContract<P, Q, B, R> {
  return {
    ...contract,
    params: (contract.params ?? none) as P,
    query: (contract.query ?? none) as Q,
    body: (contract.body ?? z.undefined()) as B,
    response: (contract.response ?? z.unknown()) as R,
  };
}

/** Paging shared by list routes: an opaque cursor and a bounded page size. */
export const PageQuery = z.object({
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().optional() });
}

/** A field schema with its top-level `.default()` taken off (an absent field stays absent). */
type WithoutDefault<T extends z.ZodType> = T extends z.ZodDefault<infer Inner extends z.ZodType> ? Inner : T;
export type PatchShape<S extends Record<string, z.ZodType>> = { [K in keyof S]: z.ZodOptional<WithoutDefault<S[K]>> };

/**
 * The body of an update that changes exactly the fields it names: every field of `shape` is
 * optional and has no default. (`.partial()` keeps a field's `.default()`, so a PATCH naming only
 * one field would reset every defaulted field it left out.) Defaults inside a field's own value
 * (an income object given whole) are kept: that value is replaced as a whole.
 */
export function patchOf<S extends Record<string, z.ZodType>>(shape: S): z.ZodObject<PatchShape<S>> {
  const fields: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(shape)) {
    const bare = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field;
    fields[key] = bare.optional();
  }
  return z.object(fields) as unknown as z.ZodObject<PatchShape<S>>;
}
