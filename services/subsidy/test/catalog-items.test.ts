/**
 * One test per catalog item with an amount or a formula. Each expected figure is worked out here
 * from the seed text quoted in the item (the quote is repeated in the case), never read back from the
 * engine: amounts are literal yuan from the quote, arithmetic is written out. Band edges and floors
 * are tested where the text sets them. Facts of catalog type `yuan` are given in fen (house rule).
 */
import { yuanToFen } from '@jingzhun/types';
import { describe, expect, it } from 'vitest';
import { currentCatalog } from '../src/catalog/index.js';
import type { Facts } from '../src/domain/eligibility.js';
import { evaluateItem, type ParameterSet } from '../src/domain/engine.js';

const catalog = currentCatalog();
const fen = (yuan: number) => Math.round(yuan * 100);

type Expect = { yuan: number; floor?: number } | { value: number | string } | { notEligible: true } | { notQuantified: true };

interface Case {
  item: string;
  /** What the seed says, as the test name. */
  why: string;
  facts: Facts;
  expect: Expect;
  params?: Record<string, number | boolean>;
}

const POOR = { isRegisteredPoor: true } as const;
const cases: Case[] = [];
const c = (item: string, why: string, facts: Facts, expectation: Expect, params?: Record<string, number | boolean>) =>
  cases.push({
    item,
    why,
    facts,
    expect: expectation,
    ...(params ? { params } : {}),
  });

// ── 台儿庄 seed 000 ─────────────────────────────────────────────────────────────────────────────
const WORKSHOP = {
  workshopOperator: 'town',
  hasProcessingContract: true,
  ...POOR,
  provincialPovertyLine: fen(3609),
};
c('tez-workshop-award-per-worker', '按每人1000元；12个月报酬达到省定贫困线以上（含）', { ...WORKSHOP, payWithin12Months: fen(3609) }, { yuan: 1000 });
c('tez-workshop-award-per-worker', '报酬低于省定贫困线：不奖补', { ...WORKSHOP, payWithin12Months: fen(3608.99) }, { notEligible: true });
c('tez-workshop-award-headcount', '15人（含）以上、30人以下 2万元 (edge 15)', { workshopOperator: 'town', poorWorkersHired: 15 }, { yuan: 20000 });
c('tez-workshop-award-headcount', '30人以下 2万元 (edge 29)', { workshopOperator: 'town', poorWorkersHired: 29 }, { yuan: 20000 });
c('tez-workshop-award-headcount', '30人（含）以上 3万元 (edge 30)', { workshopOperator: 'town', poorWorkersHired: 30 }, { yuan: 30000 });
c('tez-workshop-award-headcount', '14人：不足15人无此奖补', { workshopOperator: 'town', poorWorkersHired: 14 }, { notEligible: true });
const JOB = {
  isFirstTimeFounder: true,
  enterpriseSize: 'micro',
  registeredOn: '2013-10-01',
  operatingMonths: 12,
  hireType: 'registeredUnemployed',
  contractMonths: 12,
  socialInsuranceMonthsPaid: 4,
};
c('tez-job-creation-subsidy', '每个岗位补贴2000元', JOB, { yuan: 2000 });
c('tez-vocational-training-subsidy', '初级工800元/人', { trainingCompleted: true, trainingLevel: 'junior' }, { yuan: 800 });
c('tez-vocational-training-subsidy', '创业培训补贴1600元/人', { trainingCompleted: true, trainingLevel: 'entrepreneurship' }, { yuan: 1600 });
c('tez-skill-certification-subsidy', '鉴定收费标准的80%: 0.8 × 250', { isFirstCertification: true, certificationFee: fen(250) }, { yuan: 0.8 * 250 });
c('tez-startup-subsidy-registered-poor', '不低于2000元一次性创业补贴 (floor)', { ...POOR, isNewSoleTrader: true, operatingMonths: 12 }, { yuan: 2000, floor: 2000 });
c(
  'tez-startup-subsidy-registered-poor',
  '不低于2000元: county pays 2500',
  { ...POOR, isNewSoleTrader: true, operatingMonths: 12 },
  { yuan: 2500, floor: 2000 },
  { 'paid:tez-startup-subsidy-registered-poor': fen(2500) },
);
c('tez-startup-guarantee-fund', '设立10万元左右的创业扶贫担保资金', {}, { yuan: 100000 });
c('tez-guaranteed-loan-employer', '最高额度不超过300万元: 5,000,000 asked → 3,000,000', { eligibleHires: 3, loanRequested: fen(5_000_000) }, { yuan: 3_000_000 });
c('tez-guaranteed-loan-employer', '不超过300万元: 1,200,000 asked → 1,200,000', { eligibleHires: 3, loanRequested: fen(1_200_000) }, { yuan: 1_200_000 });
const HOUSE = { ...POOR, wantsRenovation: true };
c(
  'tez-housing-repair-subsidy',
  '修缮加固户均补助不低于0.8万元: min(8000, 12000)',
  {
    ...HOUSE,
    houseDangerGrade: 'C',
    renovationMode: 'repair',
    actualInvestment: fen(12000),
  },
  { yuan: 8000, floor: 8000 },
);
c(
  'tez-housing-repair-subsidy',
  '修缮: actual investment 5000 below the standard → 5000',
  {
    ...HOUSE,
    houseDangerGrade: 'D',
    renovationMode: 'repair',
    actualInvestment: fen(5000),
  },
  { yuan: 5000, floor: 5000 },
);
c(
  'tez-housing-rebuild-subsidy',
  '重建房屋户均补助不低于2.5万元: min(25000, 40000)',
  {
    ...HOUSE,
    houseDangerGrade: 'D',
    renovationMode: 'rebuild',
    actualInvestment: fen(40000),
  },
  { yuan: 25000, floor: 25000 },
);
c(
  'tez-housing-rebuild-subsidy',
  '重建: a C-grade house gets 0 (not eligible)',
  {
    ...HOUSE,
    houseDangerGrade: 'C',
    renovationMode: 'rebuild',
    actualInvestment: fen(40000),
  },
  { notEligible: true },
);
c(
  'tez-housing-rebuild-subsidy',
  '不低于2.5万元: county standard 30000',
  {
    ...HOUSE,
    houseDangerGrade: 'D',
    renovationMode: 'rebuild',
    actualInvestment: fen(40000),
  },
  { yuan: 30000, floor: 30000 },
  { rebuildStandard: fen(30000) },
);
c('tez-preschool-grant', '学前教育政府助学金每生每年平均1200元', { schoolLevel: 'preschool', ...POOR, isEconomicallyDifficult: false }, { yuan: 1200 });
c('tez-boarding-living-allowance', '寄宿生生活费补助小学1000元', { isBoarder: true, schoolLevel: 'primary', ...POOR }, { yuan: 1000 });
c('tez-boarding-living-allowance', '初中1250元', { isBoarder: true, schoolLevel: 'juniorHigh', ...POOR }, { yuan: 1250 });
c('tez-high-school-national-grant', '普通高中、中职国家助学金平均2000元', { schoolLevel: 'seniorHigh', ...POOR }, { yuan: 2000 });
c('tez-university-national-grant', '高校国家助学金平均3000元', { schoolLevel: 'undergraduate', ...POOR }, { yuan: 3000 });
c('tez-national-encouragement-scholarship', '国家励志奖学金5000元', { schoolLevel: 'undergraduate', isMeritSelected: true, ...POOR }, { yuan: 5000 });
c('tez-student-loan-ceiling', '本专科生每年8000元: 10000 asked → 8000', { ...POOR, schoolLevel: 'undergraduate', loanRequested: fen(10000) }, { yuan: 8000 });
c('tez-student-loan-ceiling', '研究生12000元', { ...POOR, schoolLevel: 'master', loanRequested: fen(20000) }, { yuan: 12000 });
c('tez-student-loan-interest-subsidy', '在读期间利息由财政全额补贴: 348.75', { ...POOR, isEnrolled: true, loanInterestWhileStudying: fen(348.75) }, { yuan: 348.75 });
c('tez-rain-dew-plan', '“雨露计划”每生每年3000元', { ...POOR, schoolLevel: 'secondaryVocational' }, { yuan: 3000 });
c('tez-disabled-student-one-off-aid', '普通高中1000元', { isDisabled: true, isPoor: true, schoolLevel: 'seniorHigh' }, { yuan: 1000 });
c('tez-disabled-student-one-off-aid', '博士研究生10000元', { isDisabled: true, isPoor: true, schoolLevel: 'doctorate' }, { yuan: 10000 });
c('tez-disabled-family-child-aid', '贫困残疾人家庭子女一次性救助1500元', { parentIsDisabled: true, isPoor: true, schoolLevel: 'higherVocational' }, { yuan: 1500 });
c('tez-preschool-fee-waiver', '免除学前教育保教费 (fee 1800)', { ...POOR, schoolLevel: 'preschool', preschoolCareFee: fen(1800) }, { yuan: 1800 });
c('tez-senior-high-fee-waiver', '免除普通高中学生学杂费 (fee 1600)', { ...POOR, schoolLevel: 'seniorHigh', tuitionAndMiscFees: fen(1600) }, { yuan: 1600 });
c(
  'tez-vocational-tuition-waiver',
  '全部免除中职全日制在校生学费 (fee 2400)',
  {
    schoolLevel: 'secondaryVocational',
    isFullTimeStudent: true,
    tuitionFee: fen(2400),
  },
  { yuan: 2400 },
);
c('tez-huancui-vocational-living-allowance', '每生每年1000元生活补助', { isPoor: true, enrolledAtWeihaiVocationalCollege: true }, { yuan: 1000 });
c('tez-medical-premium-subsidy-poor', '个人缴费由财政补贴; 个人缴费160元 (2017 default)', { ...POOR, disabilityLevel: null }, { yuan: 160 });
c('tez-resident-medical-insurance-gov-subsidy', '政府补助450元/人•年', {}, { yuan: 450 });
c(
  'tez-resident-medical-insurance-reimbursement',
  '一级医院85%: 0.85 × 2000',
  {
    hospitalLevel: 1,
    eligibleMedicalCost: fen(2000),
    annualCapRemaining: fen(150000),
  },
  { yuan: 0.85 * 2000 },
);
c(
  'tez-resident-medical-insurance-reimbursement',
  '三级医院55%, 限额15万元 remaining 10000',
  {
    hospitalLevel: 3,
    eligibleMedicalCost: fen(100000),
    annualCapRemaining: fen(10000),
  },
  { yuan: 10000 },
);
c('tez-serious-illness-insurance-general', '起付0.6万元 (edge: 6000 → 0)', { annualSelfPaidAfterBasic: fen(6000) }, { yuan: 0 });
c('tez-serious-illness-insurance-general', '0.6万—10万按55%: 0.55 × (100000 − 6000)', { annualSelfPaidAfterBasic: fen(100000) }, { yuan: 0.55 * (100000 - 6000) });
c('tez-serious-illness-insurance-general', '10万—20万65%, 20万以上70%: 250000', { annualSelfPaidAfterBasic: fen(250000) }, { yuan: 0.55 * 94000 + 0.65 * 100000 + 0.7 * 50000 });
c('tez-serious-illness-insurance-poor', '起付标准减半 3000, 每段+5点: 0.6 × (50000 − 3000)', { ...POOR, annualSelfPaidAfterBasic: fen(50000) }, { yuan: 0.6 * 47000 });
c('tez-serious-illness-insurance-poor', '200000: 0.6 × 97000 + 0.7 × 100000', { ...POOR, annualSelfPaidAfterBasic: fen(200000) }, { yuan: 0.6 * 97000 + 0.7 * 100000 });
c('tez-serious-illness-insurance-poor', '最高支付限额提高到50万元', { ...POOR, annualSelfPaidAfterBasic: fen(1_000_000) }, { yuan: 500000 });
c('tez-two-free-two-half', '免收普通门诊挂号费 (100%)', { ...POOR, feeType: 'outpatientRegistration', selfPaidFee: fen(12) }, { yuan: 12 });
c('tez-two-free-two-half', '大型设备检查费减半收取', { ...POOR, feeType: 'largeEquipmentExam', selfPaidFee: fen(300) }, { yuan: 150 });
c('tez-inpatient-exam-discount', '个人自负部分30%的优惠减免', { ...POOR, selfPaidExamFee: fen(500) }, { yuan: 0.3 * 500 });
c(
  'tez-commercial-supplementary-insurance',
  '自付费用比例降到10%以下: 8000 − 0.1 × 40000',
  {
    ...POOR,
    selfPaidCompliantCost: fen(8000),
    compliantMedicalCost: fen(40000),
  },
  { yuan: 8000 - 4000 },
);
c(
  'tez-commercial-supplementary-insurance',
  'already below 10%: nothing',
  {
    ...POOR,
    selfPaidCompliantCost: fen(3000),
    compliantMedicalCost: fen(40000),
  },
  { yuan: 0 },
);
c('tez-free-cataract-treatment', '白内障免费救治 (cost 3200)', { isRuralPoor: true, hasCataract: true, cataractTreatmentCost: fen(3200) }, { yuan: 3200 });
c('tez-old-age-allowance', '80—89周岁30元 (edge 80)', { age: 80, isDibao: false }, { yuan: 30 });
c('tez-old-age-allowance', '80—89周岁30元 (edge 89)', { age: 89, isDibao: false }, { yuan: 30 });
c('tez-old-age-allowance', '90—99周岁60元 (edge 90)', { age: 90, isDibao: false }, { yuan: 60 });
c('tez-old-age-allowance', '90—99周岁60元 (edge 99)', { age: 99, isDibao: false }, { yuan: 60 });
c('tez-old-age-allowance', '79周岁: none', { age: 79, isDibao: false }, { notEligible: true });
c('tez-longevity-allowance', '百岁≥400元 (edge 100)', { age: 100 }, { yuan: 400, floor: 400 });
c('tez-longevity-allowance', '每增加1岁再增加10元: 103 → 400 + 10 × 3', { age: 103 }, { yuan: 400 + 10 * 3, floor: 430 });
c('tez-longevity-allowance', '99周岁: none', { age: 99 }, { notEligible: true });
c('tez-dibao-old-age-allowance', '低保 80—89周岁130元', { isDibao: true, age: 85 }, { yuan: 130 });
c('tez-dibao-old-age-allowance', '低保 90—99周岁260元 (edge 90)', { isDibao: true, age: 90 }, { yuan: 260 });
c('tez-disabled-elderly-care-allowance', '完全不能自理的2000元', { careDependency: 'full', age: 70 }, { yuan: 2000 });
c('tez-disabled-elderly-care-allowance', '能自理500元', { careDependency: 'self', age: 60 }, { yuan: 500 });
c('tez-wubao-support', '集中供养5070元', { isTekun: true, tekunCareMode: 'centralised' }, { yuan: 5070 });
c('tez-wubao-support', '分散供养5070元', { isTekun: true, tekunCareMode: 'dispersed' }, { yuan: 5070 });
c('tez-orphan-allowance', '社会散居≥720元', { isOrphan: true, orphanCareMode: 'scattered' }, { yuan: 720, floor: 720 });
c(
  'tez-orphan-allowance',
  '集中供养≥1200元; county pays 1300',
  { isOrphan: true, orphanCareMode: 'institutional' },
  { yuan: 1300, floor: 1200 },
  { 'paid:tez-orphan-allowance:institutional': fen(1300) },
);
c('tez-child-in-difficulty-allowance', '按≥300元/人•月', { isChildInDifficulty: true, isOrphan: false }, { yuan: 300, floor: 300 });
c('tez-basic-pension', '年满60周岁以上≥100元 (edge 60)', { age: 60 }, { yuan: 100, floor: 100 });
c('tez-basic-pension', '59周岁: none', { age: 59 }, { notEligible: true });
c('tez-pension-contribution-subsidy', '300元缴费档次补贴30元', { pensionContributionTier: 300 }, { yuan: 30 });
c('tez-pension-contribution-subsidy', '500元以上缴费档次60元 (edge 500)', { pensionContributionTier: 500 }, { yuan: 60 });
c('tez-funeral-grant', '丧葬补助：600元', { wasPensionRecipient: true }, { yuan: 600 });
c(
  'tez-temporary-assistance',
  '月低保标准×家庭人口×救助时限: (3900 ÷ 12) × 3 × 2 (低保 3900元/年, L2874)',
  { dibaoMonthlyStandard: fen(3900 / 12), householdSize: 3, aidMonths: 2 },
  { yuan: (3900 / 12) * 3 * 2 },
);
c(
  'tez-pension-contribution-paid-on-behalf',
  '重病重残致贫按最低标准全额代缴 (100)',
  {
    ...POOR,
    povertyCause: 'seriousIllness',
    minimumTierContribution: fen(100),
  },
  { yuan: 100 },
);
c('tez-disability-living-allowance', '低保家庭中的残疾人不低于每人每月80元', { isDisabled: true, isDibao: true }, { yuan: 80, floor: 80 });
c('tez-severe-disability-care-allowance', '重度残疾人护理补贴不低于80元', { disabilityLevel: 2 }, { yuan: 80, floor: 80 });
c('tez-severe-disability-care-allowance', '非重度智力、精神残疾人', { disabilityLevel: 3, disabilityType: 'mental' }, { yuan: 80, floor: 80 });
c('tez-severe-disability-early-pension', '提前5年领取: 60 − 5', { disabilityLevel: 1, statutoryPensionAge: 60 }, { value: 60 - 5 });
c(
  'tez-severe-disability-premiums-paid',
  '政府代缴养老保险和医疗保险费: 100 + 180',
  {
    disabilityLevel: 1,
    minimumTierContribution: fen(100),
    medicalIndividualContribution: fen(180),
  },
  { yuan: 100 + 180 },
);
c(
  'tez-filial-piety-pension',
  '每人每月10—30元孝善养老金 (village sets 20)',
  {
    villageHasFilialFund: true,
    isSupportedByChildren: true,
    villageSetAmount: fen(20),
  },
  { yuan: 20 },
);
c('tez-afforestation-subsidy', '每亩补贴200元: 3亩 → 600', { plantedAreaMu: 3, forestType: 'arbor' }, { yuan: 200 * 3 });
c('tez-free-electricity', '每月免费用电15度: 15 × 0.55', { isDibao: true, electricityTariff: fen(0.55) }, { yuan: 15 * 0.55 });
c('tez-drinking-water-works-exemption', '免除村内及入户工程费用 (1200)', { ...POOR, inVillageAndConnectionWorksCost: fen(1200) }, { yuan: 1200 });
c('tez-agri-insurance-premium-share', '省50%+市30%+区20% of the household share 60', { ...POOR, inProvincialKeyVillage: true, householdPremiumShare: fen(60) }, { yuan: 60 });
c('tez-huancui-poor-mother-aid', '每人资助2000元', { isPoorFamilyWoman: true, runsHouseholdFarming: true }, { yuan: 2000 });
c('tez-huancui-elderly-party-member-aid', '80岁以上贫困老党员每人资助1000元 (edge 80)', { isPartyMember: true, isPoor: true, age: 80 }, { yuan: 1000 });
c('tez-huancui-moral-model-aid', '每人资助10000元', { isMoralModel: true, isPoor: true }, { yuan: 10000 });
c('tez-huancui-nursing-home-aid', '2017年30万元', { year: 2017 }, { yuan: 300000 });
c('tez-huancui-nursing-home-aid', '2018年50万元', { year: 2018 }, { yuan: 500000 });
c('tez-huancui-partnership-total', '至少投入资金422.5万元', {}, { yuan: 4_225_000, floor: 4_225_000 });
c('tez-safety-award-town-first', '一等奖各奖励3万元', { unitType: 'town', prizeGrade: 'first' }, { yuan: 30000 });
c('tez-safety-award-town-second', '二等奖各奖励2万元', { unitType: 'town', prizeGrade: 'second' }, { yuan: 20000 });
c('tez-safety-award-department-first', '区消防大队一等奖2万元', { unitType: 'department', prizeGrade: 'first' }, { yuan: 20000 });
c('tez-safety-award-department-second', '区文广新局二等奖1万元', { unitType: 'department', prizeGrade: 'second' }, { yuan: 10000 });
c('tez-safety-award-enterprise-representative', '奖励各法定代表人1万元', { hadFatalAccident: false }, { yuan: 10000 });
c('tez-safety-insurance-rate-reduction', '费率在基准费率基础上降低5%: 0.95 × 0.004', { hadFatalAccident: false, baseRate: 0.004 }, { value: 0.0038 });
const FIN = { registeredInDistrictOn: '2018-07-01', institutionClass: 'bank' };
c('tez-fin-premises-own-subsidy', '按购房价格的5%: 0.05 × 2,000,000', { ...FIN, premisesMode: 'bought', buildCostOrPurchasePrice: fen(2_000_000) }, { yuan: 100000 });
c('tez-fin-premises-own-subsidy', '最高可达20万元', { ...FIN, premisesMode: 'built', buildCostOrPurchasePrice: fen(10_000_000) }, { yuan: 200000 });
c('tez-fin-premises-lease-subsidy', '租赁费50%的补贴: 0.5 × 120000', { ...FIN, premisesMode: 'leased', annualRent: fen(120000) }, { yuan: 60000 });
c('tez-fin-startup-grant-head-office', '总部一次性50万元开办补助', { ...FIN, institutionLevel: 'headOffice' }, { yuan: 500000 });
c('tez-fin-startup-grant-branch', '分（支）行30万元开办费补助', { ...FIN, institutionLevel: 'branch' }, { yuan: 300000 });
c('tez-fin-rural-institution-grant', '分别给予20万元的开办费补助', { parentIsNewlyEstablishedBank: true, ruralInstitutionType: 'villageBank' }, { yuan: 200000 });
c('tez-fin-rural-outlet-grant', '农村新增营业网点10万元', { parentIsNewlyEstablishedBank: true, isNewRuralOutlet: true }, { yuan: 100000 });
c('tez-agri-funds-share', '其他涉农资金20%以上: 0.20 × 5,000,000', { otherAgriRelatedFunds: fen(5_000_000) }, { value: 1_000_000 });
c('tez-post-exit-policy-retention', '退出后原有政策三年内保持不变', { exitDate: '2018-06-30' }, { value: '2021-06-30' });
c('tez-poverty-budget-growth', '增幅明显高于财政收入增幅: 0.15 − 0.08', { povertyBudgetGrowthRate: 0.15, localRevenueGrowthRate: 0.08 }, { value: 0.07 });

// ── 沂源 seed 001 ───────────────────────────────────────────────────────────────────────────────
c(
  'yiyuan-workshop-award-per-worker',
  '市定贫困线以上报酬，每人1000元',
  {
    hasProcessingContract: true,
    isWorkingAge: true,
    isRuralPoor: true,
    payWithin12Months: fen(4000),
    municipalPovertyLine: fen(4000),
  },
  { yuan: 1000 },
);
c('yiyuan-guaranteed-loan-employer-cap', '最高额度不超过300万元', { eligibleHires: 5, loanRequested: fen(3_500_000) }, { yuan: 3_000_000 });
c(
  'yiyuan-guaranteed-loan-employer-interest-subsidy',
  '基准利率的50%贴息: 0.5 × 0.0435 × 1,000,000',
  {
    benchmarkRate: 0.0435,
    outstandingPrincipal: fen(1_000_000),
    interestCharged: fen(50000),
  },
  { yuan: 21750 },
);
c(
  'yiyuan-guaranteed-loan-individual-interest-subsidy',
  '全额贴息 (interest 2175)',
  {
    isRuralPoor: true,
    isSelfEmployedFounder: true,
    interestCharged: fen(2175),
  },
  { yuan: 2175 },
);
c(
  'yiyuan-business-entity-loan-interest-subsidy',
  '财政年贴息3%: 0.03 × 2,000,000',
  {
    leadsPoorToStableIncome: true,
    outstandingPrincipal: fen(2_000_000),
    interestCharged: fen(90000),
  },
  { yuan: 60000 },
);
c(
  'yiyuan-business-entity-loan-interest-subsidy',
  '3% capped at the interest charged',
  {
    leadsPoorToStableIncome: true,
    outstandingPrincipal: fen(2_000_000),
    interestCharged: fen(50000),
  },
  { yuan: 50000 },
);
c('yiyuan-student-loan-interest-subsidy', '在校期间助学贷款利息全部由财政补贴', { isPoor: true, isEnrolled: true, loanInterestWhileStudying: fen(400) }, { yuan: 400 });
c(
  'yiyuan-mutual-aid-fund-fee-subsidy',
  '按基准利率对借款占用费补贴: 0.0435 × 10000',
  {
    isPoor: true,
    benchmarkRate: 0.0435,
    outstandingPrincipal: fen(10000),
    occupationFeeCharged: fen(600),
  },
  { yuan: 435 },
);
c('yiyuan-forest-ranger-quota', '每500亩森林配一名护林员: 1499亩 → 2', { forestAreaMu: 1499 }, { value: 2 });
c('yiyuan-forest-ranger-quota', '1500亩 → 3 (edge)', { forestAreaMu: 1500 }, { value: 3 });
c('yiyuan-serious-illness-insurance-poor', '基础方案未给出: not quantified', { ...POOR, annualSelfPaidAfterBasic: fen(50000) }, { notQuantified: true });
c(
  'yiyuan-second-medical-aid',
  '不低于70%的比例: 0.7 × 10000',
  {
    isKeyAidTarget: true,
    remainingSelfPaidCost: fen(10000),
    annualAidCapRemaining: fen(20000),
  },
  { yuan: 7000, floor: 7000 },
);
c(
  'yiyuan-second-medical-aid',
  '在年度救助限额内',
  {
    isKeyAidTarget: true,
    remainingSelfPaidCost: fen(10000),
    annualAidCapRemaining: fen(5000),
  },
  { yuan: 5000, floor: 5000 },
);
c('yiyuan-free-cataract-treatment', '白内障患者免费救治', { isRuralPoor: true, hasCataract: true, cataractTreatmentCost: fen(2800) }, { yuan: 2800 });
c('yiyuan-disabled-child-rehab-subsidy', '每人每年12000-17200元 (county sets 15000)', { ...POOR, age: 5, inRehabTraining: true, rehabSubsidyAmount: fen(15000) }, { yuan: 15000 });
c('yiyuan-disabled-child-family-allowance', '家庭每年2500元的生活补贴', { hasChildInRehabTraining: true, ...POOR }, { yuan: 2500 });
c('yiyuan-disabled-startup-grant', '不低于5000元的一次性创业补助', { isDisabled: true, isPoor: true, isSelfEmployedFounder: true }, { yuan: 5000, floor: 5000 });
c('yiyuan-disabled-poverty-base-support', '每个基地5万元', { isSelectedBase: true }, { yuan: 50000 });
c('yiyuan-severe-disability-early-pension', '提前五年: 60 − 5', { disabilityLevel: 2, statutoryPensionAge: 60 }, { value: 55 });
c('yiyuan-preschool-fee-waiver', '免除学前教育保教费', { ...POOR, schoolLevel: 'preschool', preschoolCareFee: fen(1500) }, { yuan: 1500 });
c('yiyuan-senior-high-fee-waiver', '免除普通高中学杂费', { ...POOR, schoolLevel: 'seniorHigh', tuitionAndMiscFees: fen(1400) }, { yuan: 1400 });
c(
  'yiyuan-vocational-tuition-waiver',
  '免除中职全日制在校生学费',
  {
    schoolLevel: 'secondaryVocational',
    isFullTimeStudent: true,
    tuitionFee: fen(2000),
  },
  { yuan: 2000 },
);
c('yiyuan-boarding-allowance-coverage', '由15%扩大至30%: 0.30 × 1000', { boardersInCompulsoryEducation: 1000 }, { value: 300 });
c('yiyuan-free-skills-training', '农村贫困人口免费培训', { isRuralPoor: true, hasLabourCapacity: true, trainingFee: fen(900) }, { yuan: 900 });
c('yiyuan-poverty-budget-growth', '高于收入增幅20%以上: 0.35 − 0.10', { povertyBudgetGrowthRate: 0.35, localRevenueGrowthRate: 0.1 }, { value: 0.25 });
c('yiyuan-agri-funds-share', '其他涉农资金20%以上', { otherAgriRelatedFunds: fen(1_000_000) }, { value: 200000 });
c('yiyuan-soe-profit-share', '每年拿出利润的3%', { annualProfit: fen(2_000_000) }, { value: 60000 });
c('yiyuan-land-quota-gains', '土地增值收益全部返还用于扶贫', { landValueGainFromSurplusQuota: fen(800000) }, { value: 800000 });
c('yiyuan-rural-microloan-income-tax-inclusion', '按90%计入收入总额: 0.9 × 1,000,000', { qualifyingIncome: fen(1_000_000) }, { value: 900000 });
c('yiyuan-loan-loss-provision-deduction', '次级类贷款计提25%', { loanClass: 'substandard', loanBalance: fen(400000) }, { value: 100000 });
c('yiyuan-loan-loss-provision-deduction', '损失类贷款计提100%', { loanClass: 'loss', loanBalance: fen(400000) }, { value: 400000 });
c('yiyuan-charity-fund-all-to-poor', '资金全部用于贫困村、贫困户', { charityFundSpending: 'poorOnly' }, { value: 'poorOnly' });

// ── 峄城 seed 002 ───────────────────────────────────────────────────────────────────────────────
c('yicheng-cadre-poverty-allowance', '每人每月津补贴460元', { cadreSystem: 'townPovertySystem', isFrontLine: true }, { yuan: 460 });
c(
  'yicheng-enterprise-loan-full-interest-subsidy',
  '基准利率财政全额贴息: 0.0435 × 1,000,000',
  {
    isCityPovertyBaseOrLeadingEnterprise: true,
    benchmarkRate: 0.0435,
    outstandingPrincipal: fen(1_000_000),
  },
  { yuan: 43500 },
);
c('yicheng-pension-premium-full-payment', '政府全额代缴养老保险费 (100)', { ...POOR, meetsConditions: true, minimumTierContribution: fen(100) }, { yuan: 100 });
c('yicheng-soe-donations', '捐赠不少于300万元', {}, { yuan: 3_000_000, floor: 3_000_000 });
c(
  'yicheng-poverty-budget-non-decrease',
  '不得少于上年: 5.2M − 5.0M',
  {
    povertyBudgetThisYear: fen(5_200_000),
    povertyBudgetLastYear: fen(5_000_000),
  },
  { value: 200000 },
);

// ── 青岛 seed 003 ───────────────────────────────────────────────────────────────────────────────
c('qd-public-welfare-post-subsidy', '每人每月不低于500元的岗位补贴', { isRuralPoor: true, isWorkingAge: true, postType: 'partTime' }, { yuan: 500, floor: 500 });
c(
  'qd-auxiliary-post-subsidy',
  '参照扶贫公益岗位标准 (500)',
  {
    isRuralPoor: true,
    isAboveWorkingAge: true,
    hasLabourCapacity: true,
    publicWelfarePostSubsidy: fen(500),
  },
  { yuan: 500 },
);
c(
  'qd-incubator-fee-waiver',
  '场地租赁、物业管理、网络宽带等费用减免: 300 + 50 + 80',
  {
    isRuralPoor: true,
    siteRent: fen(300),
    propertyFee: fen(50),
    broadbandFee: fen(80),
  },
  { yuan: 430 },
);
c('qd-apprentice-wage-floor', '不低于当地最低工资标准: max(1500, 1810)', { isPoor: true, apprenticeWage: fen(1500), localMinimumWage: fen(1810) }, { value: 1810 });
c(
  'qd-pre-employment-training-waivers',
  '免除住宿费和教材费: 600 + 200',
  {
    isPoor: true,
    inPreEmploymentTraining: true,
    accommodationFee: fen(600),
    textbookFee: fen(200),
  },
  { yuan: 800 },
);
c(
  'qd-free-training-list',
  '免费培训',
  {
    isRuralPoor: true,
    isWorkingAge: true,
    hasLabourCapacity: true,
    trainingFee: fen(1200),
  },
  { yuan: 1200 },
);
const QD_STUDENT = { ...POOR, isRural: true };
c('qd-preschool-grant', '每生每年平均1800元', { ...QD_STUDENT, schoolLevel: 'preschool' }, { yuan: 1800 });
c('qd-preschool-fee-waiver', '免除学前教育保教费', { ...QD_STUDENT, schoolLevel: 'preschool', preschoolCareFee: fen(2400) }, { yuan: 2400 });
c('qd-senior-high-grant', '每生每年平均2000元国家助学金', { ...QD_STUDENT, schoolLevel: 'seniorHigh' }, { yuan: 2000 });
c('qd-senior-high-fee-waiver', '免除普通高中学杂费', { ...QD_STUDENT, schoolLevel: 'seniorHigh', tuitionAndMiscFees: fen(1700) }, { yuan: 1700 });
c('qd-vocational-grant', '一、二年级中职每生每年2000元 (grade 2)', { ...QD_STUDENT, schoolLevel: 'secondaryVocational', schoolGrade: 2 }, { yuan: 2000 });
c('qd-vocational-grant', '三年级: none', { ...QD_STUDENT, schoolLevel: 'secondaryVocational', schoolGrade: 3 }, { notEligible: true });
c(
  'qd-vocational-tuition-waiver',
  '全部免除中职全日制学生学费',
  {
    schoolLevel: 'secondaryVocational',
    isFullTimeStudent: true,
    tuitionFee: fen(3000),
  },
  { yuan: 3000 },
);
c('qd-university-grant', '每生每年平均3000元', { ...QD_STUDENT, atQingdaoMunicipalUniversity: true }, { yuan: 3000 });
c(
  'qd-serious-illness-medical-aid',
  '低保家庭成员按90%: 0.9 × 20000',
  {
    aidGroup: 'dibao',
    selfPaidAfterInsurance: fen(20000),
    annualCapRemaining: fen(130000),
  },
  { yuan: 18000 },
);
c(
  'qd-serious-illness-medical-aid',
  '低保边缘按85%',
  {
    aidGroup: 'dibaoEdge',
    selfPaidAfterInsurance: fen(20000),
    annualCapRemaining: fen(130000),
  },
  { yuan: 17000 },
);
c(
  'qd-serious-illness-medical-aid',
  '个人自负3万元以上的费用按80%: 0.8 × (50000 − 30000)',
  {
    aidGroup: 'lowIncomeOrOther',
    selfPaidAfterInsurance: fen(50000),
    annualCapRemaining: fen(130000),
  },
  { yuan: 16000 },
);
c(
  'qd-serious-illness-medical-aid',
  '3万元 edge: nothing',
  {
    aidGroup: 'lowIncomeOrOther',
    selfPaidAfterInsurance: fen(30000),
    annualCapRemaining: fen(130000),
  },
  { yuan: 0 },
);
c('qd-second-medical-aid-80plus', '最高5000元的第二次医疗救助', { isDibao: true, age: 80, remainingSelfPaidCost: fen(8000) }, { yuan: 5000 });
c('qd-dibao-outpatient-aid', '普通门诊救助每人每年420元', { isDibao: true }, { yuan: 420 });
c('qd-dibao-hospital-deposit-waiver', '住院押金减免80%: 0.8 × 3000', { isDibao: true, hospitalDeposit: fen(3000) }, { yuan: 2400 });
c('qd-medical-premium-subsidy', '低保边缘按50%: 0.5 × 180', { subsidyGroup: 'dibaoEdge', individualContribution: fen(180) }, { yuan: 90 });
c('qd-medical-premium-subsidy', '贫困家庭全额补助', { subsidyGroup: 'poorFamily', individualContribution: fen(180) }, { yuan: 180 });
c('qd-rural-poor-premium-subsidy', '成年居民按一档标准全额补贴 (300)', { isRuralPoor: true, tier1IndividualContribution: fen(300) }, { yuan: 300 });
c('qd-serious-illness-insurance-poor', '基础方案未给出: not quantified', { isRuralPoor: true, annualSelfPaidAfterBasic: fen(50000) }, { notQuantified: true });
c(
  'qd-three-free-two-half',
  '减半收取大型医用设备检查费',
  {
    isPoor: true,
    feeType: 'inpatientLargeEquipmentExam',
    selfPaidFee: fen(400),
  },
  { yuan: 200 },
);
c('qd-three-free-two-half', '免中药代煎费 (100%)', { isPoor: true, feeType: 'herbalDecoction', selfPaidFee: fen(15) }, { yuan: 15 });
c('qd-free-health-checkup-35plus', '35岁以上贫困人口纳入查体 (edge 35)', { isPoor: true, age: 35, healthCheckCost: fen(120) }, { yuan: 120 });
c('qd-poor-pension-subsidy-baseline', '每人每年100元补贴', { isPoor: true }, { yuan: 100 });
c('qd-severe-disability-early-pension', '提前5年领取', { disabilityLevel: 1, statutoryPensionAge: 60 }, { value: 55 });
c(
  'qd-severe-disability-premiums-paid',
  '政府代缴养老保险和医疗保险费: 100 + 180',
  {
    disabilityLevel: 2,
    minimumTierContribution: fen(100),
    medicalIndividualContribution: fen(180),
  },
  { yuan: 280 },
);
c(
  'qd-disabled-employment-base-reward',
  '当地农民平均收入的70%: 0.7 × 18000 × 2',
  {
    isCertifiedBase: true,
    ruralDisabledEmployed: 2,
    localFarmerAverageIncome: fen(18000),
  },
  { yuan: 25200 },
);
c('qd-pv-income-floor', '不低于每年每户3000元', { isPvBeneficiaryHousehold: true }, { yuan: 3000, floor: 3000 });
c('qd-fumin-farmer-loan', '5万元以下“富民农户贷”', { isRuralPoor: true, loanRequested: fen(80000) }, { yuan: 50000 });
c('qd-free-seedlings-slope-farmland', '政府免费供苗 (15度以上)', { isPoorFarmer: true, slopeDegrees: 15, seedlingCost: fen(640) }, { yuan: 640 });
c('qd-agri-funds-share', '不低于20%的比例', { otherAgriRelatedFunds: fen(3_000_000) }, { value: 600000 });
c('qd-charity-day-funds', '“慈善一日捐”资金全部用于扶贫', { charityDayDonations: fen(120000) }, { value: 120000 });
c('qd-soe-weak-town-pairing', '每家国企不少于500万元', {}, { yuan: 5_000_000, floor: 5_000_000 });
c('qd-strong-district-town-support', '每年投入每个镇不少于200万元', {}, { yuan: 2_000_000, floor: 2_000_000 });
c('qd-urban-needy-annual-health-check', '每年免费进行一次健康体检', { isUrbanNeedyTarget: true, healthCheckCost: fen(150) }, { yuan: 150 });

// ── 济宁 seed 004 ───────────────────────────────────────────────────────────────────────────────
c('jn-orphan-scattered-allowance-2019', '散居孤儿不低于920元', { isOrphan: true, orphanCareMode: 'scattered' }, { yuan: 920, floor: 920 });
c('jn-orphan-scattered-allowance-2018', '散居孤儿不低于720元', { isOrphan: true, orphanCareMode: 'scattered' }, { yuan: 720, floor: 720 });
c('jn-orphan-institutional-allowance-2019', '集中养育不低于1400元', { isOrphan: true, orphanCareMode: 'institutional' }, { yuan: 1400, floor: 1400 });
c('jn-orphan-institutional-allowance-2018', '集中养育不低于1200元', { isOrphan: true, orphanCareMode: 'institutional' }, { yuan: 1200, floor: 1200 });
c('jn-key-child-in-distress-allowance-2019', '重点困境儿童不低于500元', { isKeyChildInDistress: true, isOrphan: false }, { yuan: 500, floor: 500 });
c('jn-key-child-in-distress-allowance-2018', '重点困境儿童不低于300元', { isKeyChildInDistress: true, isOrphan: false }, { yuan: 300, floor: 300 });
c(
  'jn-dibao-gradual-exit',
  '渐退期间继续享受低保待遇 (benefit 450)',
  {
    ...POOR,
    isDibao: true,
    perCapitaIncome: fen(5000),
    dibaoStandard: fen(4000),
    dibaoMonthlyBenefit: fen(450),
  },
  { value: 450 },
);
const JN_POOR = {
  isTekun: false,
  ...POOR,
  isDibao: false,
  disabilityLevel: null,
};
c('jn-medical-premium-subsidy', '参保缴费全额补贴 (220)', { ...JN_POOR, individualContribution: fen(220) }, { yuan: 220 });
c('jn-serious-illness-insurance-poor', '基础方案未给出: not quantified', { ...JN_POOR, annualSelfPaidAfterBasic: fen(50000) }, { notQuantified: true });
c(
  'jn-medical-aid-70',
  '救助比例不低于70%: 0.7 × 10000',
  {
    ...JN_POOR,
    selfPaidInPolicyInpatientCost: fen(10000),
    annualAidCapRemaining: fen(50000),
  },
  { yuan: 7000, floor: 7000 },
);
c(
  'jn-free-severe-mental-disorder-treatment',
  '危险性评估三级及以上免费救治',
  {
    hasSevereMentalDisorder: true,
    dangerAssessmentGrade: 3,
    underCaseManagement: false,
    isRegisteredPoor: false,
    treatmentCost: fen(6000),
  },
  { yuan: 6000 },
);
c('jn-free-pre-pregnancy-check', '孕前优生健康检查', { ...POOR, planningPregnancy: true, prePregnancyCheckCost: fen(300) }, { yuan: 300 });
c(
  'jn-technical-school-five-free',
  '免学费、免住宿费、免教材费: 3000 + 800 + 400',
  {
    ...POOR,
    schoolLevel: 'technicalSchool',
    isFullTimeStudent: true,
    tuitionFee: fen(3000),
    accommodationFee: fen(800),
    textbookFee: fen(400),
  },
  { yuan: 4200 },
);
c('jn-disabled-student-free-education', '残疾学生从学前到高中阶段免费教育', { isDisabled: true, schoolLevel: 'juniorHigh', tuitionAndMiscFees: fen(500) }, { yuan: 500 });
c('jn-women-tourism-demo-base-support', '每处提供2万元配套扶持资金', { isDemonstrationBase: true }, { yuan: 20000 });
c('jn-fanhai-scholarship', '助学金“5000万元” read as 5000 yuan', { isPoor: true, isUniversityFreshman: true, hasAllocatedQuota: true }, { yuan: 5000 });
c('jn-amblyopia-charity-treatment', '免除各项费用共约120万元', { isPoor: true, hasAmblyopia: true }, { yuan: 1_200_000 });
c(
  'jn-microcredit',
  '5万元以下: 30000 asked',
  {
    ...POOR,
    meetsLoanConditions: true,
    wantsLoan: true,
    loanRequested: fen(30000),
  },
  { yuan: 30000 },
);
c(
  'jn-microcredit-interest-subsidy',
  '财政贴息 at benchmark: 0.0435 × 50000',
  {
    benchmarkRate: 0.0435,
    outstandingPrincipal: fen(50000),
    interestCharged: fen(3000),
  },
  { yuan: 2175 },
);
c('jn-microcredit-npl-tolerance', '高出目标2个百分点以内: 0.035 − 0.02', { microcreditNplRatio: 0.035, bankAnnualNplTarget: 0.02 }, { value: 0.015 });
c('jn-free-will-notarisation-80plus', '80岁以上老年人免费', { age: 80, notaryFee: fen(200) }, { yuan: 200 });
c(
  'jn-city-poverty-fund-non-decrease',
  '资金规模不少于上年',
  {
    povertyBudgetThisYear: fen(9_000_000),
    povertyBudgetLastYear: fen(8_000_000),
  },
  { value: 1_000_000 },
);
c('jn-agri-funds-integration', '按照20%以上的比例整合', { agriRelatedFunds: fen(10_000_000) }, { value: 2_000_000 });
c('jn-united-front-village-clinics', '争取资金100万元', {}, { yuan: 1_000_000 });

function params(values: Record<string, number | boolean> | undefined): ParameterSet | undefined {
  return values ? { jurisdiction: 'taierzhuang', version: 1, values } : undefined;
}

describe('every catalog item with an amount or formula, from the seed text', () => {
  for (const testCase of cases) {
    const compiled = catalog.items.get(testCase.item);
    const source = compiled ? `seed ${compiled.item.source.seed.slice(0, 3)} ${compiled.item.source.rule} L${compiled.item.source.lines}` : '?';
    it(`${testCase.item} (${source}): ${testCase.why}`, () => {
      expect(compiled, `unknown item ${testCase.item}`).toBeDefined();
      const result = evaluateItem(catalog, compiled!, testCase.facts, params(testCase.params));
      const e = testCase.expect;
      if ('notEligible' in e) {
        expect(result.status).toBe('not-eligible');
      } else if ('notQuantified' in e) {
        expect(result.status).toBe('not-quantified');
        expect(result.amountFen).toBe(0);
      } else if ('value' in e) {
        expect(result.status).toBe('payable');
        if (typeof e.value === 'number') expect(result.value as number).toBeCloseTo(e.value, 6);
        else expect(result.value).toBe(e.value);
      } else {
        expect(result.status, result.explanation).toBe('payable');
        expect(result.amountFen).toBe(yuanToFen(e.yuan));
        if (e.floor !== undefined) expect(result.floorFen).toBe(yuanToFen(e.floor));
        expect(result.explanation).toContain(source.replace(/L(\d+)-(\d+)/, 'L$1–$2'));
      }
    });
  }

  it('covers every item that has an amount or a formula', () => {
    const covered = new Set(cases.map((testCase) => testCase.item));
    const uncovered = [...catalog.items.values()]
      .filter(({ item }) => item.amount !== null || item.formula !== null)
      .map(({ item }) => item.id)
      .filter((id) => !covered.has(id));
    expect(uncovered).toEqual([]);
  });
});
