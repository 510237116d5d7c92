import * as z from 'zod';
import { maskAccount } from './mask.js';

/**
 * The 一卡通 account a subsidy is paid into (惠农一卡通: a bank card or a passbook account at one of
 * the banks that pay subsidies in the county). The bank is chosen from this list by name, never
 * typed in as a code.
 */
export const PAYING_BANKS = ['山东台儿庄农村商业银行', '中国农业银行', '中国邮政储蓄银行', '中国工商银行', '中国建设银行', '中国银行', '交通银行', '枣庄银行'] as const;
export const PayingBank = z.enum(PAYING_BANKS, { message: '开户银行须从列表中选择' });

/** card: a bank card (its number carries a Luhn check digit); passbook: a 存折 account (no check digit). */
export const ACCOUNT_KINDS = ['card', 'passbook'] as const;

/** True when the digits pass the Luhn check (ISO/IEC 7812 check digit, used by bank cards). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Why an account number is refused, or undefined when it is acceptable (spaces already removed). */
export function accountNumberProblem(digits: string, kind: (typeof ACCOUNT_KINDS)[number]): string | undefined {
  if (!/^\d+$/.test(digits)) return '账号只能包含数字';
  if (digits.length < 12 || digits.length > 19) return '账号须为 12 至 19 位数字';
  // Passbook (存折) accounts of the rural banks carry no Luhn check digit; cards do.
  if (kind === 'card' && !luhnValid(digits)) return '银行卡号校验位不正确，请核对卡号';
  return undefined;
}

/** Input: number with spaces allowed (removed), bank by name, kind of account. */
export const BankAccountInput = z
  .object({
    bank: PayingBank,
    kind: z.enum(ACCOUNT_KINDS),
    number: z
      .string()
      .max(40)
      .transform((value) => value.replace(/\s/g, '')),
  })
  .superRefine((account, ctx) => {
    const problem = accountNumberProblem(account.number, account.kind);
    if (problem) ctx.addIssue({ code: 'custom', path: ['number'], message: problem });
  });
export type BankAccountInput = z.output<typeof BankAccountInput>;

/** What every view shows of an account: the bank and the last 4 digits. */
export const BankAccountMasked = z.object({ bank: PayingBank, kind: z.enum(ACCOUNT_KINDS), numberMasked: z.string() });
export type BankAccountMasked = z.infer<typeof BankAccountMasked>;

export function maskBankAccount(account: BankAccountInput): BankAccountMasked {
  return { bank: account.bank, kind: account.kind, numberMasked: maskAccount(account.number) };
}
