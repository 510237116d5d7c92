import type { UnitOfWork } from '@jingzhun/platform';
import { formatYuan, fundsEvents, regionLevel } from '@jingzhun/types';
import { LINK_TYPE_NAMES, PROJECT_TYPE_NAMES } from '../domain/project.js';
import type { Allocation, AssetRecord, DistributionRecord, Fund, HouseholdRecord, ProjectRecord } from './records.js';

/**
 * The disclosures of "两个一律" (seed 004 PUB-01 L409; seed 002 P-1/P-2 L55), requested from the
 * notices service in the documents' own notice types (workflows.md §4.2) and fed from the ledger
 * and the project record, never typed again:
 * - allocation results: `fund-disclosure` (permanent, published by the county);
 * - project arrangement and fund use at selection and at acceptance: `project-disclosure` (≥7 days on
 *   the board, archive kept; seed 004 PUB-07 L776 "在村内是否进行了公示");
 * - asset income per household: `asset-income` (village, 7 days, objections; seed 004 SUB-76 L1272).
 * Each is a new notice with its own request id: a published disclosure is never edited.
 */
export function requestAllocationDisclosure(uow: UnitOfWork, fund: Fund, allocation: Allocation): void {
  uow.emit(fundsEvents.noticeRequested, `FUND#${fund.fundId}`, {
    requestId: `allocation:${allocation.allocationId}`,
    type: 'fund-disclosure',
    region: allocation.fromRegion,
    title: `${fund.title.startsWith(String(fund.year)) ? '' : `${fund.year}年`}${fund.title}分配结果`,
    publish: true,
    entries: allocation.lines.map((line) => ({
      entryId: line.region,
      fullName: line.name,
      region: line.region,
      regionName: line.name,
      fields: {
        fundSource: fund.title,
        documentNo: fund.documentNo,
        purpose: fund.purpose,
        period: String(fund.year),
        totalYuan: formatYuan(allocation.amountFen),
        allocationYuan: formatYuan(line.amountFen),
        note: `因素法分配（${line.explanation.map((e) => `${e.nameZh} ${e.value}`).join('，')}）`,
      },
    })),
    context: { fundId: fund.fundId, allocationId: allocation.allocationId },
  });
}

export function requestProjectDisclosure(uow: UnitOfWork, project: ProjectRecord, stage: 'approve' | 'accept', fundTitles: readonly string[]): void {
  const progress = stage === 'approve' ? '已立项，待实施' : `竣工验收，已拨付 ${formatYuan(project.disbursedFen)} 元`;
  const links = [...new Set(project.beneficiaries.map((b) => LINK_TYPE_NAMES[b.link]))].join('、');
  uow.emit(fundsEvents.noticeRequested, `PROJECT#${project.projectId}`, {
    requestId: `project:${project.projectId}:${stage}`,
    type: 'project-disclosure',
    region: project.region,
    title: `${project.name}${stage === 'approve' ? '项目安排' : '竣工及资金使用'}公示`,
    publish: true,
    entries: [
      {
        entryId: project.projectId,
        fullName: project.name,
        region: project.region,
        fields: {
          fundsYuan: formatYuan(project.budgetFen),
          fundSource: fundTitles.join('、') || '待安排',
          beneficiaryHouseholds: project.beneficiaries.length,
          progress,
          implementer: project.implementer,
          note: `${PROJECT_TYPE_NAMES[project.type]}${links ? `；带贫方式：${links}` : ''}`,
        },
      },
    ],
    context: { projectId: project.projectId, stage },
  });
}

/** The village board lists each household's amount; an asset above village level has no village board. */
export function requestDistributionDisclosure(uow: UnitOfWork, asset: AssetRecord, distribution: DistributionRecord, households: ReadonlyMap<string, HouseholdRecord>): void {
  if (regionLevel(asset.region) !== 'village') return;
  uow.emit(fundsEvents.noticeRequested, `ASSET#${asset.assetId}`, {
    requestId: `distribution:${distribution.distributionId}`,
    type: 'asset-income',
    region: asset.region,
    title: `${asset.name}${distribution.period}收益分配公示`,
    publish: true,
    entries: distribution.lines.map((line) => {
      const household = households.get(line.householdId);
      return {
        entryId: line.householdId,
        fullName: household?.headName ?? '受益户',
        region: household?.region ?? asset.region,
        fields: { householdSize: household?.size ?? 1, amountYuan: formatYuan(line.amountFen) },
      };
    }),
    context: { assetId: asset.assetId, distributionId: distribution.distributionId },
  });
}
