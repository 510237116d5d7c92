import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import type { RouteContract } from '../src/contracts.js';
import * as dispatchApi from '../src/services/dispatch.js';
import * as identificationApi from '../src/services/identification.js';
import * as noticesApi from '../src/services/notices.js';
import * as scoringApi from '../src/services/scoring.js';
import * as subsidyApi from '../src/services/subsidy.js';

/**
 * An update changes exactly the fields it names. `.partial()` of a schema with `.default()`s keeps
 * the defaults, so `PATCH /households/{id}` naming only `group` set 低保/特困 to false and emptied
 * the secondary causes. This walks the body of every PATCH and PUT contract of every service:
 * - a patch object (every field optional: the fields to change) must leave an absent field absent;
 * - every PATCH body has such an object;
 * - a PUT body's own fields, when left out, stay out too, except where the PUT replaces a whole
 *   form that the handler stores as sent (listed below with the reason).
 */
const SERVICES = { dispatchApi, identificationApi, noticesApi, scoringApi, subsidyApi };

/** PUTs whose body is the whole form, stored as sent: an omitted field is the form's own value, not a kept one. */
const WHOLE_FORM_PUTS: Record<string, string> = {
  'scoring.submit.pboc': 'a submission replaces the section data as a whole (scoring handlers/submissions.ts)',
  'scoring.submit.routine': 'a submission replaces the section data as a whole (scoring handlers/submissions.ts)',
};

function isContract(value: unknown): value is RouteContract {
  return typeof value === 'object' && value !== null && 'id' in value && 'method' in value && 'path' in value && 'body' in value;
}

const updateContracts = Object.values(SERVICES)
  .flatMap((api) => Object.values(api))
  .filter(isContract)
  .filter((contract) => contract.method === 'PATCH' || contract.method === 'PUT');

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; options?: z.ZodType[] };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

const acceptsAbsence = (field: z.ZodType) => field.safeParse(undefined).success;
/** A field left out that parsing fills in anyway. */
const filledWhenAbsent = (field: z.ZodType) => {
  const absent = field.safeParse(undefined);
  return absent.success && absent.data !== undefined;
};

/** Every object schema in a body, with its path. */
function objectsIn(schema: z.ZodType, path: string): { path: string; shape: Record<string, z.ZodType> }[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return [{ path, shape: def.shape ?? {} }, ...Object.entries(def.shape ?? {}).flatMap(([key, field]) => objectsIn(field, `${path}.${key}`))];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      return def.innerType ? objectsIn(def.innerType, path) : [];
    case 'pipe':
      return def.in ? objectsIn(def.in, path) : [];
    case 'array':
      return def.element ? objectsIn(def.element, `${path}[]`) : [];
    case 'union':
      return (def.options ?? []).flatMap((option) => objectsIn(option, path));
    default:
      return [];
  }
}

const patchObjectsIn = (body: z.ZodType) => objectsIn(body, 'body').filter(({ shape }) => Object.keys(shape).length > 0 && Object.values(shape).every(acceptsAbsence));

describe('update contracts change exactly the fields they name', () => {
  it('finds the update contracts of every service', () => {
    const ids = updateContracts.map((c) => c.id);
    expect(ids).toContain('identification.updateHousehold');
    expect(ids).toContain('scoring.putBank');
    expect(ids).toContain('dispatch.putTarget');
  });

  it.each(updateContracts.filter((c) => !WHOLE_FORM_PUTS[c.id]).map((c) => [c.id, c] as const))('%s: a field left out stays out', (_id, contract) => {
    const patches = patchObjectsIn(contract.body);
    if (contract.method === 'PATCH') expect(patches.length, 'a PATCH body names its changes in a patch object (patchOf)').toBeGreaterThan(0);
    const filled = patches.flatMap(({ path, shape }) => Object.entries(shape).flatMap(([key, field]) => (filledWhenAbsent(field) ? [`${path}.${key}`] : [])));
    const top = objectsIn(contract.body, 'body')[0];
    if (contract.method === 'PUT' && top) {
      for (const [key, field] of Object.entries(top.shape)) if (filledWhenAbsent(field)) filled.push(`body.${key}`);
    }
    expect([...new Set(filled)]).toEqual([]);
  });

  it('identification.updateHousehold: a body naming one field parses to exactly that field', () => {
    const parsed = identificationApi.UpdateHouseholdBody.parse({ version: 3, changes: { group: '五组' }, reason: '组别调整' });
    expect(parsed.changes).toEqual({ group: '五组' });
  });
});
