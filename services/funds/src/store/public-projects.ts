import type { UnitOfWork } from '@jingzhun/platform';
import { isPublic, publicProject } from '../app/public-project.js';
import type { Payment, ProjectRecord } from '../app/records.js';
import { householdsByIds } from './households.js';
import { countyOf, projectKeys, publicProjectKeys } from './keys.js';
import { readAll } from './records.js';

/**
 * Writes the project's public copy in the same transaction as the change (issue 16; decisions
 * Funds 11): from 立项 on, after every step, commitment and payment. The public routes read only
 * these copies, like every other public route reads only what publication wrote (docs/security.md).
 * `paid` is a payment of this same transaction, not yet readable.
 */
export async function putPublicProject(uow: UnitOfWork, project: ProjectRecord, paid?: Pick<Payment, 'paidOn' | 'amountFen'>): Promise<void> {
  if (!isPublic(project)) return;
  const [payments, households] = await Promise.all([
    readAll<Payment>({ partition: projectKeys.partition(project.projectId), sortKeyPrefix: projectKeys.payments() }),
    householdsByIds(project.beneficiaries.map((beneficiary) => beneficiary.householdId)),
  ]);
  const heads = new Map([...households].map(([id, household]) => [id, household.headName]));
  const shown = publicProject(project, paid ? [...payments, paid] : payments, heads);
  const county = countyOf(project.region) as string;
  uow.put({ ...publicProjectKeys.item(project.projectId), ...publicProjectKeys.index(county, project.region, project.projectId), entity: 'public-project', project: shown });
}
