import { httpHandler } from '@jingzhun/platform';
import { CommonErrors, fundsApi } from '@jingzhun/types';
import type { z } from 'zod';
import { publicProjectKeys, withinPrefix } from '../store/keys.js';
import { read, readAll } from '../store/records.js';
import { requireCounty } from './funds.js';

type PublicProject = z.infer<typeof fundsApi.PublicProject>;
interface PublicProjectItem {
  project: PublicProject;
}

/**
 * The public project pages read only the projects' public copies (store/public-projects.ts, written
 * from 立项 on with every change): a reserve or rejected project has none and is not found, as an
 * unknown id is.
 */
export const publicProject = httpHandler(fundsApi.publicProject, async ({ params }) => {
  const item = await read<PublicProjectItem>(publicProjectKeys.item(params.projectId));
  if (!item) throw CommonErrors.notFound('项目');
  return item.project;
});

/** GET /public/funds/regions/{code}/projects: the public projects of a village or town (and below), newest year first. */
export const publicRegionProjects = httpHandler(fundsApi.publicRegionProjects, async ({ params }) => {
  const county = requireCounty(params.code);
  const items = await readAll<PublicProjectItem>({ index: 'gsi1', partition: publicProjectKeys.ofCounty(county), sortKeyPrefix: withinPrefix(params.code) });
  return {
    items: items
      .map((item) => item.project)
      .sort((a, b) => b.year - a.year || a.name.localeCompare(b.name, 'zh'))
      .map(({ projectId, name, typeName, region, year, stateName, budgetFen, disbursedFen, progressPercent }) => ({
        projectId,
        name,
        typeName,
        region,
        year,
        stateName,
        budgetFen,
        disbursedFen,
        progressPercent,
      })),
  };
});
