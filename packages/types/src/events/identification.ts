import * as z from 'zod';
import { BankAccountInput } from '../bank-account.js';
import { defineEvent } from '../events.js';

/**
 * Events of the identification service and the household facts they carry. Subsidy builds its
 * projection from these snapshots; dispatch counts them. ID numbers and accounts are never in the
 * snapshots (only in `householdPayees`, for subsidy alone).
 * Owned by the identification service: extend by adding optional fields only.
 */
export const REGISTER_STATUSES = [
  'APPLYING', // in the entry workflow (workflows.md §1.3)
  'REJECTED',
  'REGISTERED',
  'RE_REGISTERED',
  'MONITORED',
  'RISK_ELIMINATED',
  'EXITED_WITH_POLICY',
  'EXITED_NO_POLICY',
] as const;
export const RegisterStatus = z.enum(REGISTER_STATUSES);

/** 贫困户属性 (workflows.md §1.2: derived from 民政 flags). */
export const HouseholdAttribute = z.enum(['一般贫困户', '低保户', '五保户', '低保贫困户']);
/** 识别标准: 国标 / 省标 / 市标. */
export const IdentificationStandard = z.enum(['national', 'provincial', 'municipal']);
/** 致贫原因 national codes 01–12 (ANC §1). */
export const PovertyCause = z.enum(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12']);
export const MonitorType = z.enum(['脱贫不稳定户', '边缘易致贫户', '突发严重困难户']);
export const Colour = z.enum(['RED', 'ORANGE', 'YELLOW', 'GREEN']);

export const MemberFacts = z.object({
  memberId: z.string(),
  name: z.string(),
  relation: z.enum(['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other']),
  birthDate: z.string(),
  sex: z.enum(['male', 'female']),
  /** 在校情况 */
  schooling: z.enum(['none', 'preschool', 'primary', 'junior', 'senior', 'vocational', 'college', 'graduate']).default('none'),
  health: z.enum(['healthy', 'chronic', 'serious', 'disabled']).default('healthy'),
  /** 残疾等级 1–4 (一级 most severe), from 残联. */
  disabilityGrade: z.number().int().min(1).max(4).nullable().default(null),
  laborCapacity: z.enum(['full', 'partial', 'none']).default('full'),
  medicalInsurance: z.boolean().default(true),
  pensionInsurance: z.boolean().default(false),
  status: z.enum(['active', 'deceased', 'moved_out']).default('active'),
});
export type MemberFacts = z.infer<typeof MemberFacts>;

export const WelfareChecks = z.object({
  food: z.boolean(),
  clothing: z.boolean(),
  education: z.boolean(),
  medical: z.boolean(),
  housing: z.boolean(),
  water: z.boolean(),
});
export type WelfareChecks = z.infer<typeof WelfareChecks>;

export const HouseholdSnapshot = z.object({
  householdId: z.string(),
  /** Village code (12 digits). */
  region: z.string(),
  group: z.string(),
  headName: z.string(),
  size: z.number().int().min(1),
  status: RegisterStatus,
  attribute: HouseholdAttribute,
  standard: IdentificationStandard,
  mainCause: PovertyCause,
  secondaryCauses: z.array(PovertyCause).max(2),
  /** Survey year and net income per person in fen. */
  incomeYear: z.number().int(),
  incomePerCapitaFen: z.number().int(),
  welfare: WelfareChecks,
  /** 住建 danger rating of the house. */
  houseDangerGrade: z.enum(['A', 'B', 'C', 'D']).nullable().default(null),
  dibao: z.boolean().default(false),
  tekun: z.boolean().default(false),
  registeredAt: z.string().optional(),
  exitedAt: z.string().optional(),
  policyUntil: z.string().optional(),
  monitorType: MonitorType.optional(),
  colour: Colour.optional(),
  /** Whether a 帮扶责任人 and at least one 帮扶措施 are recorded (counts for the county index, seed 004 L885). */
  hasHelper: z.boolean().optional(),
  hasMeasures: z.boolean().optional(),
  members: z.array(MemberFacts),
});
export type HouseholdSnapshot = z.infer<typeof HouseholdSnapshot>;

const withSnapshot = z.object({ householdId: z.string(), region: z.string(), snapshot: HouseholdSnapshot });

export const householdRegistered = defineEvent('identification.household.registered', withSnapshot);
export const householdChanged = defineEvent('identification.household.changed', withSnapshot.extend({ changes: z.array(z.string()) }));
export const householdExited = defineEvent('identification.household.exited', withSnapshot.extend({ exitedAt: z.string(), policyUntil: z.string() }));
export const householdReturned = defineEvent('identification.household.returned', withSnapshot);
export const monitoringIdentified = defineEvent('identification.monitoring.identified', withSnapshot.extend({ monitorType: MonitorType, signalledAt: z.string() }));

/** A key village left the register (退出销号, workflows.md §2.3 step 6); policies continue to `policyUntil`. */
export const villageExited = defineEvent(
  'identification.village.exited',
  z.object({ village: z.string(), year: z.number().int(), deregisteredAt: z.string(), policyUntil: z.string(), incidencePercent: z.number() }),
);

/**
 * What the subsidy service needs to pay a household's lines (payee name, ID number, 一卡通 account),
 * in an event of its own so the household snapshots other services consume carry no ID numbers or
 * accounts. Only subsidy subscribes to it. Emitted with every household event.
 */
export const Payee = z.object({
  memberId: z.string(),
  name: z.string(),
  relation: MemberFacts.shape.relation,
  status: MemberFacts.shape.status,
  idNumber: z.string(),
  account: BankAccountInput.optional(),
});
export type Payee = z.infer<typeof Payee>;
export const householdPayees = defineEvent('identification.household.payees', z.object({ householdId: z.string(), region: z.string(), payees: z.array(Payee) }));
