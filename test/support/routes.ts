import type { RouteContract } from '@jingzhun/types';
import * as z from 'zod';
import type { RouteEntry, ServiceManifest } from '../../packages/platform/src/manifest.js';

/** Every route of every manifest, with its service. */
export function allRoutes(manifests: ServiceManifest[]): { service: string; route: RouteEntry; contract: RouteContract }[] {
  return manifests.flatMap((manifest) => manifest.routes.map((route) => ({ service: manifest.name, route, contract: route.contract })));
}

/** Names of the parameters (path and query) that carry a region code. */
const REGION_PARAM = /^(code|region|regionCode|village|town|county|district|jurisdiction)$/;

export function paramNames(contract: RouteContract): string[] {
  return [...contract.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
}

export function regionParams(contract: RouteContract): { path: string[]; query: string[] } {
  const queryShape = contract.query instanceof z.ZodObject ? Object.keys(contract.query.shape) : [];
  return { path: paramNames(contract).filter((name) => REGION_PARAM.test(name)), query: queryShape.filter((name) => REGION_PARAM.test(name)) };
}

/** Fills a path template: region parameters get `region`, others a value their schema takes (a year, or `other`). */
export function fillPath(contract: RouteContract, region: string, other = 'x'): string {
  return contract.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(REGION_PARAM.test(name) ? region : sampleValue(contract, name, other)));
}

/** Values tried, in order, for a non-region path parameter: an identifier, a year, a period, a date, a quarter. */
const SAMPLE_VALUES = ['sample-1', '2019', '2019-06', '2019-06-01', '2019-Q2'];

function sampleValue(contract: RouteContract, name: string, fallback: string): string {
  const field = contract.params instanceof z.ZodObject ? (contract.params.shape as Record<string, z.ZodType>)[name] : undefined;
  return field ? sampleFor(field, fallback) : fallback;
}

/** `fallback` where the schema takes it, else an enum's first option or the first sample value it takes. */
function sampleFor(field: z.ZodType, fallback: string): string {
  if (field.safeParse(fallback).success) return fallback;
  const options = enumOptions(field);
  if (options) return options[0] as string;
  return SAMPLE_VALUES.find((value) => field.safeParse(value).success) ?? fallback;
}

function enumOptions(field: z.ZodType): string[] | undefined {
  if (field instanceof z.ZodEnum) return field.options.map(String);
  if (field instanceof z.ZodOptional || field instanceof z.ZodDefault) return enumOptions(field.unwrap() as z.ZodType);
  return undefined;
}

/** A query string with `region` in every region parameter and a sample in every other required one. */
export function regionQuery(contract: RouteContract, region: string): string {
  if (!(contract.query instanceof z.ZodObject)) return '';
  const pairs: string[] = [];
  for (const [name, field] of Object.entries(contract.query.shape as Record<string, z.ZodType>)) {
    if (REGION_PARAM.test(name)) pairs.push(`${name}=${region}`);
    else if (!field.safeParse(undefined).success) pairs.push(`${name}=${encodeURIComponent(sampleFor(field, 'x'))}`);
  }
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/**
 * The first of `candidates` (region codes of different levels) that the contract's path and query
 * schemas accept in every region parameter: a village route needs a village code, and so on.
 */
export function regionAcceptedBy(contract: RouteContract, candidates: readonly string[]): string | undefined {
  const { path, query } = regionParams(contract);
  const others = Object.fromEntries(
    paramNames(contract)
      .filter((name) => !path.includes(name))
      .map((name) => [name, 'x']),
  );
  return candidates.find((code) => {
    const params = { ...others, ...Object.fromEntries(path.map((name) => [name, code])) };
    const pathOk = path.length === 0 || regionFieldsAccept(contract.params, params, path);
    const queryOk = query.length === 0 || regionFieldsAccept(contract.query, Object.fromEntries(query.map((name) => [name, code])), query);
    return pathOk && queryOk;
  });
}

/** Whether a schema's parse of `value` reports no issue on the named fields. */
function regionFieldsAccept(schema: z.ZodType, value: Record<string, string>, fields: string[]): boolean {
  const result = schema.safeParse(value);
  return result.success || !result.error.issues.some((issue) => fields.includes(String(issue.path[0])));
}
