import * as z from 'zod';

/** The API error envelope: every 4xx/5xx body has this shape; `message` is Chinese. */
export const ApiErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/**
 * A rule refused the request. Domain code throws it; the HTTP layer maps it to `status` with the
 * stable `code` and the Chinese `message`. It carries no AWS or HTTP types so domain code stays pure.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly messageZh: string,
    readonly status: number = 409,
    readonly details?: unknown,
  ) {
    super(`${code}: ${messageZh}`);
    this.name = 'DomainError';
  }
}

/** Errors every service shares. Service-specific ones are thrown as DomainError with their own code. */
export const CommonErrors = {
  validation: (details?: unknown) => new DomainError('VALIDATION_FAILED', '请求参数不合法', 400, details),
  unauthenticated: (reason = '未登录或登录已失效') => new DomainError('UNAUTHENTICATED', reason, 401),
  forbidden: (reason = '无权执行此操作') => new DomainError('FORBIDDEN', reason, 403),
  outOfScope: (region: string) => new DomainError('OUT_OF_SCOPE', `无权访问区划 ${region} 的数据`, 403, { region }),
  notFound: (what: string) => new DomainError('NOT_FOUND', `${what}不存在`, 404),
  versionConflict: () => new DomainError('VERSION_CONFLICT', '数据已被他人修改，请刷新后重试', 409),
  alreadyExists: (what: string) => new DomainError('ALREADY_EXISTS', `${what}已存在`, 409),
  rateLimited: () => new DomainError('RATE_LIMITED', '请求过于频繁，请稍后再试', 429),
} as const;
