import * as z from 'zod';

/**
 * The zod schema of the project's copy of the policy catalog (`policy-catalog.json`). The catalog is
 * validated once at load: a malformed amount, band or formula fails loudly instead of paying wrong.
 */
export const PAYMENT_KINDS = ['cash', 'waiver', 'reimbursement', 'in-kind', 'premium-subsidy', 'interest-subsidy', 'award'] as const;
export const RULE_KINDS = ['loan-term', 'fund', 'fiscal-rule', 'tax-rule', 'quota', 'limit', 'rule'] as const;
export const ItemKind = z.enum([...PAYMENT_KINDS, ...RULE_KINDS]);
export type ItemKind = z.infer<typeof ItemKind>;

export const JURISDICTION_IDS = ['taierzhuang', 'yiyuan', 'yicheng', 'qingdao', 'jining'] as const;
export const JurisdictionId = z.enum(JURISDICTION_IDS);
export type JurisdictionId = z.infer<typeof JurisdictionId>;

export const Source = z.object({
  seed: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/),
  lines: z.string().regex(/^\d+(-\d+)?$/),
  rule: z.string().min(1),
  quoteZh: z.string().min(1),
});
export type Source = z.infer<typeof Source>;

const Scalar = z.union([z.string(), z.number(), z.boolean()]);
export const ConditionValue = z.union([Scalar, z.array(Scalar), z.object({ fact: z.string() }).strict()]);
export const Op = z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'notIn']);
export type Op = z.infer<typeof Op>;

export type Condition = { fact: string; op: Op; value: z.infer<typeof ConditionValue> } | { anyOf: Condition[] } | { allOf: Condition[] };
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ fact: z.string().min(1), op: Op, value: ConditionValue }).strict(),
    z.object({ anyOf: z.array(Condition).min(1) }).strict(),
    z.object({ allOf: z.array(Condition).min(1) }).strict(),
  ]),
);

export const Band = z
  .object({
    key: z.string().optional(),
    from: z.number().optional(),
    to: z.number().nullable().optional(),
    value: z.union([Scalar, z.array(Scalar), z.null()]).optional(),
    amount: z.number().nonnegative().optional(),
    rate: z.number().min(0).max(1).optional(),
    threshold: z.number().nonnegative().optional(),
    capped: z.boolean().optional(),
    minArea: z.number().optional(),
    maxArea: z.number().optional(),
    minAreaPerPerson: z.number().optional(),
    maxAreaPerPerson: z.number().optional(),
  })
  .strict()
  .refine((band) => band.from === undefined || band.to == null || band.from < band.to, { message: 'band from must be below to' });
export type Band = z.infer<typeof Band>;

const YearOrDate = z.union([z.number().int().min(2000).max(2100), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]);

export const Item = z
  .object({
    id: z.string().regex(/^(tez|yiyuan|yicheng|qd|jn)-[a-z0-9-]+$/),
    nameZh: z.string().min(1),
    nameEn: z.string().min(1),
    jurisdiction: JurisdictionId,
    category: z.string().min(1),
    kind: ItemKind,
    period: z.enum(['yearly', 'one-off', 'monthly', 'per-claim']),
    unit: z.enum(['person', 'student', 'institution', 'program', 'household', 'claim', 'job', 'mu', 'post']),
    amount: z.number().nonnegative().nullable(),
    formula: z.string().min(1).nullable(),
    inputs: z.array(z.string()),
    eligibility: z.array(Condition),
    isMinimum: z.boolean(),
    /**
     * `carriesForward`: the amounts are a standard (e.g. 专栏20 "2017年标准") that stays in force after
     * `to` until a newer version is published (docs/decisions.md, Subsidy 20).
     */
    effective: z.object({ from: YearOrDate, to: YearOrDate, carriesForward: z.boolean().optional() }).strict(),
    source: Source,
    notes: z.string(),
    stacking: z
      .object({
        stacksWith: z.array(z.string()).optional(),
        /** True alternatives for one subject: the higher amount is paid, the other is excluded. */
        excludes: z.array(z.string()).optional(),
        /**
         * Items this one takes the place of for a subject both apply to (the poor version of a scheme
         * replaces the general one): this item's amount is paid, its caps included, whatever the
         * replaced item would have paid.
         */
        replaces: z.array(z.string()).optional(),
        note: z.string().optional(),
      })
      .strict()
      .optional(),
    limits: z.record(z.string(), z.unknown()).optional(),
    bands: z.array(Band).optional(),
    seeAlso: z.array(Source).optional(),
    quantity: z
      .object({
        value: z.number(),
        unit: z.string(),
        isMinimum: z.boolean().optional(),
      })
      .strict()
      .optional(),
    parameters: z
      .record(
        z.string(),
        z
          .object({
            default: z.number().nullable(),
            isMinimum: z.boolean().optional(),
            year: z.number().optional(),
            /** Part of the item's standard (changed through standard versions, not county parameters). */
            standard: z.boolean().optional(),
            note: z.string().optional(),
          })
          .strict(),
      )
      .optional(),
    adjusts: z
      .object({
        base: z.string(),
        deductibleFactor: z.number(),
        rateDelta: z.number(),
        annualCap: z.number().optional(),
      })
      .strict()
      .optional(),
    range: z.object({ min: z.number(), max: z.number() }).strict().optional(),
    ratingCoverage: z.unknown().optional(),
  })
  .strict()
  .refine((item) => !(item.amount !== null && item.formula !== null), {
    message: 'an item has an amount or a formula, not both',
  });
export type Item = z.infer<typeof Item>;

export const Standard = z
  .object({
    id: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    jurisdiction: JurisdictionId,
    kind: z.string(),
    level: z.string(),
    year: z.number().int().nullable(),
    amountYuanPerPersonYear: z.number().nonnegative().nullable(),
    rule: z.string(),
    source: Source,
    notes: z.string(),
    base: z.unknown().optional(),
  })
  .strict();
export type Standard = z.infer<typeof Standard>;

export const Unquantified = z
  .object({
    id: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    jurisdiction: JurisdictionId,
    category: z.string(),
    source: Source,
    notes: z.string(),
  })
  .strict();
export type Unquantified = z.infer<typeof Unquantified>;

export const FactType = z.enum(['yuan', 'number', 'boolean', 'enum', 'date', 'ratio']);
export type FactType = z.infer<typeof FactType>;

export const Catalog = z
  .object({
    version: z.number().int().positive(),
    currency: z.literal('CNY'),
    amountsIn: z.literal('yuan'),
    title: z.string(),
    jurisdictions: z.array(z.object({ id: JurisdictionId, nameZh: z.string(), seed: z.string() }).passthrough()).length(5),
    conventions: z.record(z.string(), z.string()),
    kinds: z.record(ItemKind, z.string()),
    facts: z.record(z.string(), z.object({ type: FactType, meaning: z.string().optional() }).strict()),
    items: z.array(Item),
    standards: z.array(Standard),
    unquantified: z.array(Unquantified),
  })
  .strict();
export type Catalog = z.infer<typeof Catalog>;
