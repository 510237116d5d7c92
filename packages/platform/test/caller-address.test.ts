import { defineContract } from '@jingzhun/types';
import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callerAddress, FRONT_DOOR, type HttpEvent, httpHandler, viewerAddress } from '../src/http.js';

const SECRET = 'origin-verify-secret-0123456789';
const EDGE = '130.176.88.21'; // a CloudFront edge server: requestContext.http.sourceIp behind CloudFront

function event(headers: Record<string, string>, sourceIp = EDGE): Pick<HttpEvent, 'headers' | 'requestContext'> {
  return { headers, requestContext: { http: { sourceIp } } as HttpEvent['requestContext'] };
}

const viaCloudFront = (viewer: string) => event({ [FRONT_DOOR.originVerifyHeader]: SECRET, [FRONT_DOOR.viewerAddressHeader]: viewer });

describe("the caller's address behind CloudFront", () => {
  it('takes the viewer address CloudFront wrote, IPv4 and IPv6', () => {
    expect(callerAddress(viaCloudFront('198.51.100.10'), SECRET)).toBe('198.51.100.10');
    expect(callerAddress(viaCloudFront('2001:db8:85a3::8a2e:370:7334'), SECRET)).toBe('2001:db8:85a3::8a2e:370:7334');
    expect(callerAddress(viaCloudFront('2001:DB8::1'), SECRET)).toBe('2001:db8::1');
  });

  it('gives two viewers behind the same edge server two addresses', () => {
    expect(callerAddress(viaCloudFront('198.51.100.10'), SECRET)).not.toBe(callerAddress(viaCloudFront('203.0.113.7'), SECRET));
  });

  it('ignores the address header without the origin secret: a direct caller is measured by its own source address', () => {
    const direct = '203.0.113.99';
    expect(callerAddress(event({ [FRONT_DOOR.viewerAddressHeader]: '198.51.100.10' }, direct), SECRET)).toBe(direct);
    expect(callerAddress(event({ [FRONT_DOOR.originVerifyHeader]: 'guess', [FRONT_DOOR.viewerAddressHeader]: '198.51.100.10' }, direct), SECRET)).toBe(direct);
    expect(callerAddress(event({ [FRONT_DOOR.originVerifyHeader]: `${SECRET}x`, [FRONT_DOOR.viewerAddressHeader]: '198.51.100.10' }, direct), SECRET)).toBe(direct);
  });

  it('never believes the header when no secret is configured (npm start), even if a client sends both headers', () => {
    expect(callerAddress(viaCloudFront('198.51.100.10'), undefined)).toBe(EDGE);
    expect(callerAddress(viaCloudFront('198.51.100.10'), '')).toBe(EDGE);
  });

  it('falls back to the source address when the header is missing or not an address', () => {
    expect(callerAddress(event({ [FRONT_DOOR.originVerifyHeader]: SECRET }), SECRET)).toBe(EDGE);
    for (const junk of ['', 'unknown', '198.51.100.10:46532', '198.51.100.10, 203.0.113.7', '999.1.1.1', '<script>']) {
      expect(callerAddress(viaCloudFront(junk), SECRET), junk).toBe(EDGE);
    }
    expect(callerAddress({ headers: {}, requestContext: undefined as unknown as HttpEvent['requestContext'] }, SECRET)).toBe('unknown');
  });

  it('reads an address only when it is one', () => {
    expect(viewerAddress(' 192.0.2.1 ')).toBe('192.0.2.1');
    expect(viewerAddress('::ffff:192.0.2.1')).toBe('::ffff:192.0.2.1');
    expect(viewerAddress(undefined)).toBeUndefined();
    expect(viewerAddress('2001:db8::1:443:x')).toBeUndefined();
  });
});

describe('the HTTP wrapper', () => {
  afterEach(() => vi.unstubAllEnvs());
  const whoami = defineContract({ id: 'whoami', method: 'GET', path: '/public/whoami', summary: 'echo the address', auth: 'public' });
  const handler = httpHandler(whoami, async (ctx) => ({ sourceIp: ctx.sourceIp, actor: ctx.actor.sub }));
  const call = async (headers: Record<string, string>) => {
    const result = await handler({ ...event(headers), rawPath: '/public/whoami', pathParameters: {}, queryStringParameters: {} } as unknown as HttpEvent, {} as Context);
    return JSON.parse(String(result.body));
  };

  it('hands the handlers the viewer address when the route function holds the origin secret', async () => {
    vi.stubEnv(FRONT_DOOR.originVerifyEnv, SECRET);
    expect(await call({ [FRONT_DOOR.originVerifyHeader]: SECRET, [FRONT_DOOR.viewerAddressHeader]: '2001:db8::7' })).toEqual({
      sourceIp: '2001:db8::7',
      actor: 'public:2001:db8::7',
    });
    expect(await call({ [FRONT_DOOR.viewerAddressHeader]: '2001:db8::7' })).toEqual({ sourceIp: EDGE, actor: `public:${EDGE}` });
  });

  it('keeps the source address where no secret is configured (npm start)', async () => {
    vi.stubEnv(FRONT_DOOR.originVerifyEnv, '');
    expect(await call({ [FRONT_DOOR.originVerifyHeader]: SECRET, [FRONT_DOOR.viewerAddressHeader]: '2001:db8::7' })).toEqual({ sourceIp: EDGE, actor: `public:${EDGE}` });
  });
});
