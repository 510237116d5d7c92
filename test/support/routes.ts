import type { RouteContract } from '@jingzhun/types';
import { z } from 'zod';
import type { RouteEntry, ServiceManifest } from '../../packages/platform/src/manifest.js';

/** Every route of every manifest, with its service. */
export function allRoutes(manifests: ServiceManifest[]): { service: string; route: RouteEntry; contract: RouteContract }[] {
  return manifests.flatMap((manifest) => manifest.routes.map((route) => ({ service: manifest.name, route, contract: route.contract })));
}

/** Names of the parameters (path and query) that carry a region code. */
const REGION_PARAM = /^(code|region|regionCode|village|town|county|district)$/;

export function paramNames(contract: RouteContract): string[] {
  return [...contract.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
}

export function regionParams(contract: RouteContract): { path: string[]; query: string[] } {
  const queryShape = contract.query instanceof z.ZodObject ? Object.keys(contract.query.shape) : [];
  return { path: paramNames(contract).filter((name) => REGION_PARAM.test(name)), query: queryShape.filter((name) => REGION_PARAM.test(name)) };
}

/** Fills a path template: region parameters get `region`, others `other`. */
export function fillPath(contract: RouteContract, region: string, other = 'x'): string {
  return contract.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(REGION_PARAM.test(name) ? region : other));
}

export function regionQuery(contract: RouteContract, region: string): string {
  const names = regionParams(contract).query;
  return names.length ? `?${names.map((name) => `${name}=${region}`).join('&')}` : '';
}
