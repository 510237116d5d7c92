import { createHash } from 'node:crypto';
import { type Actor, type Clock, httpHandler, type IdGenerator, rawResponse } from '@jingzhun/platform';
import { readUpload, toCsv, writeXlsx } from '@jingzhun/platform/tabular';
import { CommonErrors, DomainError, formatYuan, subsidyApi } from '@jingzhun/types';
import { currentCatalog } from '../catalog/index.js';
import { amountsByOutcome, BANK_HEADER, bankRows, checkResults, MISSING_HEADER, type PayRow, reissuable } from '../domain/payment.js';
import { totalsRows } from '../domain/roster.js';
import { loadRun, type RunItem, type RunStatus } from '../run/process.js';
import { paymentKeys, reissueKeys, runKeys } from '../store/keys.js';
import { loadPayees } from '../store/payees.js';
import { type PaymentItem, paymentResults, type ReissueItem, reissueLines, reissuesOf, rosterIdOf, rosterRows } from '../store/payments.js';
import { table } from '../store/table.js';
import { unitOfWork } from '../store/unit-of-work.js';

const APPROVED: RunStatus[] = ['APPROVED', 'PAID'];
/** Results (or re-issued lines) written per transaction, leaving room for the import record and the audit. */
const PER_TRANSACTION = 90;
const REISSUE_PER_TRANSACTION = 45;

/** The roster a payment route addresses: the run's approved roster, or one of its finished re-issue rosters. */
async function payableRoster(period: string, region: string, reissue: number | undefined): Promise<{ run: RunItem; rosterId: string }> {
  const run = await loadRun(period, region);
  if (!run) throw CommonErrors.notFound('该期花名册');
  if (!APPROVED.includes(run.status)) throw new DomainError('ROSTER_NOT_APPROVED', '花名册未经区县审核，不能导出或登记发放结果', 409, { status: run.status });
  if (reissue !== undefined) {
    const found = (await reissuesOf(period, region)).find((r) => r.n === reissue);
    if (found?.status !== 'READY') throw CommonErrors.notFound(`第 ${reissue} 次补发花名册`);
  }
  return { run, rosterId: rosterIdOf(run, reissue) };
}

function subjectOf(run: RunItem): string {
  return runKeys.subject(run.period, run.region);
}

/**
 * GET /subsidy/rosters/{period}/{region}/export?format=xlsx|csv[&reissue=n]: the bank's payment
 * file of an approved roster (county only): per row the line reference, payee name and ID number,
 * bank and account, item and amount. Rows without an account are not in the bank's file; the XLSX
 * lists them on a sheet of their own, the CSV counts them in `x-missing-accounts`. Every download
 * is audited (who, when, which roster, how many rows).
 */
export const exportRoster = httpHandler(subsidyApi.exportRoster, async ({ params, query, assertInScope, clock, ids, actor }) => {
  assertInScope(params.region);
  const { run, rosterId } = await payableRoster(params.period, params.region, query.reissue);
  const rows = await rosterRows(run, query.reissue);
  const totalFen = rows.reduce((sum, row) => sum + row.amountFen, 0);
  // Never export a roster that does not add up to the approved totals.
  if (query.reissue === undefined && totalFen !== run.totals.totalFen)
    throw new DomainError('ROSTER_INCONSISTENT', `明细合计 ${formatYuan(totalFen)} 元与审核合计 ${formatYuan(run.totals.totalFen)} 元不符，请重算`, 409);
  const payees = await loadPayees(rows.map((row) => row.householdId));
  const file = bankRows(rows, (householdId) => payees.get(householdId));
  const uow = unitOfWork({ clock, ids, actor });
  uow.audit({
    subject: subjectOf(run),
    action: 'roster.exported',
    after: { rosterId, format: query.format, rows: file.pay.length, payFen: file.payFen, missingAccounts: file.missing.length, missingFen: file.missingFen },
  });
  await uow.commit();
  const name = `subsidy-roster-${params.period}-${params.region}${query.reissue ? `-R${query.reissue}` : ''}`;
  const headers = { 'content-disposition': `attachment; filename="${name}.${query.format}"`, 'x-missing-accounts': String(file.missing.length), 'cache-control': 'no-store' };
  if (query.format === 'csv') {
    const csv = toCsv([BANK_HEADER, ...file.pay]);
    // Exactly one byte-order mark, whether or not toCsv writes one.
    return rawResponse(200, csv.startsWith('\ufeff') ? csv : `\ufeff${csv}`, 'text/csv; charset=utf-8', headers);
  }
  const names = Object.fromEntries([...currentCatalog().items.values()].map(({ item }) => [item.id, item.nameZh]));
  const buffer = writeXlsx([
    { name: '发放明细', rows: [BANK_HEADER, ...file.pay] },
    { name: '缺少账户', rows: [MISSING_HEADER, ...file.missing] },
    ...(query.reissue === undefined ? [{ name: '按镇按项目合计', rows: totalsRows(run.totals, names) }] : []),
  ]);
  return rawResponse(200, buffer, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', headers);
});

/**
 * POST /subsidy/rosters/{period}/{region}/payment-results: the bank's answer per row (paid, or
 * failed with a reason). Every row is checked first; any problem refuses the file (422, per-row
 * report) and nothing is written. Rows already recorded the same way are unchanged, so a file
 * imported twice changes nothing the second time (and writes nothing). Results are written in
 * transactions of 90 rows, each conditional on the version read; should one fail midway, importing
 * the same file again completes it.
 */
export const importPaymentResults = httpHandler(subsidyApi.importPaymentResults, async ({ params, body, assertInScope, clock, ids, actor }) => {
  assertInScope(params.region);
  // The file is read (and a hostile one refused) before anything is looked up.
  const table = readUpload(body.format, body.contentBase64);
  const { run, rosterId } = await payableRoster(params.period, params.region, body.reissue);
  const roster = new Map((await rosterRows(run, body.reissue)).map((row) => [row.ref, row]));
  const stored = new Map((await paymentResults(rosterId)).map((item) => [item.ref, item]));
  const { problems, outcomes, changes } = checkResults(table, roster, stored, body.correction);
  if (problems.length > 0) {
    throw new DomainError('PAYMENT_RESULTS_INVALID', `发放结果有 ${problems.length} 行不合格，整份文件未导入，请修改后重新上传`, 422, { problems: problems.slice(0, 500) });
  }
  const importId = createHash('sha256').update(body.contentBase64).digest('hex').slice(0, 32);
  const count = (kind: string) => outcomes.filter((o) => o.outcome === kind).length;
  const report = {
    importId,
    rosterId,
    rows: outcomes.length,
    paid: count('paid'),
    failed: count('failed'),
    corrected: count('corrected'),
    unchanged: count('unchanged'),
    ...amountsByOutcome(outcomes),
    outcomes,
  };
  if (changes.length === 0) return report;
  for (let start = 0; start < changes.length; start += PER_TRANSACTION) {
    const uow = unitOfWork({ clock, ids, actor });
    for (const change of changes.slice(start, start + PER_TRANSACTION)) {
      const entry = {
        status: change.status,
        ...(change.reason ? { reason: change.reason } : {}),
        importId,
        at: uow.timestamp,
        by: actor.name ?? actor.sub,
        ...(change.before?.status === 'paid' && body.correction ? { correction: body.correction } : {}),
      };
      const before = change.before as PaymentItem | undefined;
      if (before) {
        const { reason: _reason, ...rest } = before;
        uow.replace({ ...rest, status: change.status, ...(change.reason ? { reason: change.reason } : {}), importId, history: [...before.history, entry] });
      } else {
        uow.create(
          {
            ...paymentKeys.result(rosterId, change.ref),
            entity: 'payment',
            rosterId,
            ...change.row,
            status: change.status,
            ...(change.reason ? { reason: change.reason } : {}),
            importId,
            history: [entry],
          },
          CommonErrors.versionConflict(),
        );
      }
    }
    if (start + PER_TRANSACTION >= changes.length) {
      uow.put({
        ...paymentKeys.import(rosterId, importId),
        entity: 'payment-import',
        importId,
        rosterId,
        rows: report.rows,
        paid: report.paid,
        failed: report.failed,
        corrected: report.corrected,
        paidFen: report.paidFen,
        failedFen: report.failedFen,
        correctedFen: report.correctedFen,
      });
      uow.audit({
        subject: subjectOf(run),
        action: report.corrected > 0 ? 'roster.payment-results.corrected' : 'roster.payment-results.imported',
        after: {
          rosterId,
          importId,
          rows: report.rows,
          paid: report.paid,
          failed: report.failed,
          corrected: report.corrected,
          unchanged: report.unchanged,
          paidFen: report.paidFen,
          failedFen: report.failedFen,
        },
        ...(body.correction ? { reason: body.correction } : {}),
      });
    }
    await uow.commit();
  }
  return report;
});

function reissueView(item: ReissueItem) {
  return {
    rosterId: item.rosterId,
    period: item.period,
    region: item.region,
    reissue: item.n,
    status: item.status,
    lines: item.lines,
    totalFen: item.totalFen,
    createdBy: item.createdBy,
    ...(item.createdAt ? { createdAt: item.createdAt } : {}),
  };
}

/** Every result of the period's roster and of its re-issue rosters (including one still being built). */
async function resultsOfPeriod(run: RunItem, reissues: readonly ReissueItem[]): Promise<PaymentItem[]> {
  const rosters = [rosterIdOf(run, undefined), ...reissues.map((r) => r.rosterId)];
  return (await Promise.all(rosters.map(paymentResults))).flat();
}

async function buildReissue(run: RunItem, header: ReissueItem, ctx: { clock: Clock; ids: IdGenerator; actor: Actor }): Promise<ReissueItem> {
  const reissues = await reissuesOf(run.period, run.region);
  const chosen = reissuable(await resultsOfPeriod(run, reissues)) as PaymentItem[];
  for (let start = 0; start < chosen.length; start += REISSUE_PER_TRANSACTION) {
    const uow = unitOfWork(ctx);
    for (const result of chosen.slice(start, start + REISSUE_PER_TRANSACTION)) {
      // The failed line is marked with this re-issue exactly once: the condition refuses a line
      // already re-issued (or no longer failed), and the new line is written in the same transaction.
      uow.raw(
        {
          Update: {
            TableName: table(),
            Key: { pk: result.pk, sk: result.sk },
            UpdateExpression: 'SET reissuedIn = :n, version = version + :one, updatedAt = :now',
            ConditionExpression: '#s = :failed AND attribute_not_exists(reissuedIn) AND version = :v',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':n': header.n, ':one': 1, ':now': uow.timestamp, ':failed': 'failed', ':v': result.version },
          },
        },
        new DomainError('REISSUE_CONFLICT', '发放结果刚被修改，请重新发起补发', 409),
      );
      const row: PayRow = {
        ref: result.ref,
        period: result.period,
        village: result.village,
        town: result.town,
        householdId: result.householdId,
        headName: result.headName,
        itemId: result.itemId,
        nameZh: result.nameZh,
        subject: result.subject,
        subjectName: result.subjectName,
        amountFen: result.amountFen,
      };
      uow.create({ ...reissueKeys.line(run.period, run.region, header.n, result.ref), entity: 'reissue-line', ...row, from: result.rosterId, failedReason: result.reason ?? '' });
    }
    await uow.commit();
  }
  const lines = await reissueLines(run.period, run.region, header.n);
  const uow = unitOfWork(ctx);
  const ready = uow.replace({ ...header, status: 'READY' as const, lines: lines.length, totalFen: lines.reduce((sum, line) => sum + line.amountFen, 0) });
  uow.audit({ subject: subjectOf(run), action: 'roster.reissued', after: { rosterId: header.rosterId, lines: ready.lines, totalFen: ready.totalFen } });
  await uow.commit();
  return ready;
}

/**
 * POST /subsidy/rosters/{period}/{region}/reissues: a re-issue roster of the failed lines not yet
 * re-issued (of the period's roster and its earlier re-issues). Its amounts are the approved ones,
 * so the county's request is its approval; it is exported and answered like the period's roster.
 * A re-issue left BUILDING by a failure is completed by the next request.
 */
export const createReissue = httpHandler(subsidyApi.createReissue, async ({ params, assertInScope, clock, ids, actor }) => {
  assertInScope(params.region);
  const { run } = await payableRoster(params.period, params.region, undefined);
  const reissues = await reissuesOf(run.period, run.region);
  const building = reissues.find((r) => r.status === 'BUILDING');
  const ctx = { clock, ids, actor };
  if (building) return reissueView(await buildReissue(run, building, ctx));
  if (reissuable(await resultsOfPeriod(run, reissues)).length === 0) throw new DomainError('NOTHING_TO_REISSUE', '没有待补发的失败笔数', 409);
  const n = reissues.reduce((max, r) => Math.max(max, r.n), 0) + 1;
  const uow = unitOfWork(ctx);
  const header = uow.create(
    {
      ...reissueKeys.roster(run.period, run.region, n),
      entity: 'reissue' as const,
      rosterId: reissueKeys.rosterId(run.period, run.region, n),
      period: run.period,
      region: run.region,
      n,
      status: 'BUILDING' as const,
      lines: 0,
      totalFen: 0,
      createdBy: actor.name ?? actor.sub,
    },
    new DomainError('REISSUE_CONFLICT', '补发花名册正在由他人生成，请稍后刷新', 409),
  ) as ReissueItem;
  await uow.commit();
  return reissueView(await buildReissue(run, header, ctx));
});
