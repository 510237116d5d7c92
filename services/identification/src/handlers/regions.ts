import { httpHandler } from '@jingzhun/platform';
import { CommonErrors, identificationApi, isWithinRegion } from '@jingzhun/types';
import { listChildren, getRegion as loadRegion } from '../store/regions.js';

/** GET /regions/{code}: a region with its path. Staff see their own region, its ancestors' names on the path, and everything below. */
export const getRegion = httpHandler(identificationApi.getRegion, async ({ params, assertInScope }) => {
  assertInScope(params.code);
  const region = await loadRegion(params.code);
  if (!region) throw CommonErrors.notFound('区划');
  const path: { code: string; name: string }[] = [];
  for (let code = region.parent; code; ) {
    const ancestor = await loadRegion(code);
    if (!ancestor) break;
    path.unshift({ code: ancestor.code, name: ancestor.name });
    code = ancestor.parent;
  }
  return { ...region, path };
});

/** GET /regions/{code}/children: the units directly below a region in the caller's scope. */
export const listRegionChildren = httpHandler(identificationApi.listRegionChildren, async ({ params, staff }) => {
  const claims = staff();
  // A county officer may list the county's towns; listing the province's cities is out of scope
  // unless the caller's own region lies below the code asked for, in which case only the branch
  // leading to the caller's region is shown.
  if (!isWithinRegion(params.code, claims.region) && !isWithinRegion(claims.region, params.code)) {
    throw CommonErrors.outOfScope(params.code);
  }
  const children = await listChildren(params.code);
  const visible = children.filter((child) => isWithinRegion(child.code, claims.region) || isWithinRegion(claims.region, child.code));
  if (children.length === 0 && !(await loadRegion(params.code))) throw CommonErrors.notFound('区划');
  return { items: visible };
});
