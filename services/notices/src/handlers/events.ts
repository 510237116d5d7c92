import { eventHandler } from '@jingzhun/platform';
import { DomainError, noticeEvents } from '@jingzhun/types';
import { createNotice, rejectRequest } from '../app/commands.js';
import { primeNameKey } from '../config.js';

/** Publishing a requested notice keys its name index with the name key: read at cold start (config.ts). */
primeNameKey();

/**
 * identification / subsidy / scoring / funds `*.notice.requested`: one notice per request id, published at
 * once unless the request says otherwise. The requester is the envelope's source service. A
 * request that breaks a rule is recorded, acknowledged and reported back (`notices.request.rejected`).
 */
export const onNoticeRequested = eventHandler('notices.requests', async (envelope, ctx) => {
  const ports = { clock: ctx.clock, ids: ctx.ids, actor: { sub: `service:${envelope.source}`, role: 'service', name: envelope.source } };
  const consumed = { consumer: ctx.consumer, eventId: envelope.id };
  const raw = envelope.data as Record<string, unknown>;
  const fallback = {
    requester: envelope.source,
    requestId: typeof raw.requestId === 'string' ? raw.requestId : envelope.id,
    type: typeof raw.type === 'string' ? raw.type : 'unknown',
    region: typeof raw.region === 'string' ? raw.region : '',
    context: {},
  };
  const parsed = noticeEvents.NoticeRequest.safeParse(envelope.data);
  if (!parsed.success) {
    await rejectRequest(
      ports,
      fallback,
      new DomainError(
        'VALIDATION_FAILED',
        `公示请求格式不正确：${parsed.error.issues
          .slice(0, 3)
          .map((issue) => `${issue.path.join('.')} ${issue.message}`)
          .join('；')}`,
        400,
      ),
      consumed,
    );
    return;
  }
  const request = parsed.data;
  try {
    await createNotice(
      ports,
      {
        type: request.type,
        region: request.region,
        title: request.title,
        entries: request.entries,
        publish: request.publish,
        requester: envelope.source,
        requestId: request.requestId,
        context: request.context,
      },
      consumed,
    );
  } catch (error) {
    // Rule violations are final: record and report them. Conflicts and infrastructure errors are retried.
    if (error instanceof DomainError && error.status >= 400 && error.status < 500 && error.code !== 'VERSION_CONFLICT' && error.code !== 'NOTICE_INCOMPLETE') {
      await rejectRequest(ports, { ...fallback, type: request.type, context: request.context }, error, consumed);
      return;
    }
    throw error;
  }
});
