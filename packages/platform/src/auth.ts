import { CommonErrors, isWithinRegion, JWT_CLAIM, type Role, StaffClaims } from '@jingzhun/types';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';

/**
 * Reads the staff claims that the API Gateway JWT authorizer (Cognito in the cloud, the local
 * gateway in development) placed on the request. The signature was checked at the gateway.
 */
export function claimsFromEvent(event: Pick<APIGatewayProxyEventV2WithJWTAuthorizer, 'requestContext'>): StaffClaims {
  const raw = event.requestContext?.authorizer?.jwt?.claims;
  if (!raw) throw CommonErrors.unauthenticated();
  const parsed = StaffClaims.safeParse({
    sub: raw.sub,
    name: raw[JWT_CLAIM.name] ?? raw['cognito:username'] ?? raw.sub,
    role: raw[JWT_CLAIM.role],
    region: raw[JWT_CLAIM.region],
    department: raw[JWT_CLAIM.department],
    bankId: raw[JWT_CLAIM.bankId],
  });
  if (!parsed.success) throw CommonErrors.unauthenticated('登录凭证缺少角色或区划信息');
  return parsed.data;
}

export function requireRole(claims: StaffClaims, roles: readonly Role[] | undefined, departments?: readonly string[]): void {
  if (roles && roles.length > 0 && !roles.includes(claims.role)) throw CommonErrors.forbidden();
  if (claims.role === 'department' && departments && !departments.includes(claims.department ?? '')) {
    throw CommonErrors.forbidden('本操作只对指定职能部门开放');
  }
}

/** Every read and write of regional data checks the caller's region scope on the server. */
export function assertInScope(claims: StaffClaims, region: string): void {
  if (!isWithinRegion(region, claims.region)) throw CommonErrors.outOfScope(region);
}
