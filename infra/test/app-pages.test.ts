import { describe, expect, it } from 'vitest';
import { appPagesFunction } from '../lib/web-stack.js';

/** The CloudFront viewer-request function of the web, run as CloudFront would run it (issue 14: path links). */
function rewrite(uri: string, staffPage: boolean): string {
  const handler = new Function(`${appPagesFunction(staffPage)}\nreturn handler;`)() as (event: { request: { uri: string } }) => { uri: string };
  return handler({ request: { uri } }).uri;
}

describe('CloudFront app pages function', () => {
  it('answers board page paths with index.html', () => {
    for (const uri of ['/', '/notice/01HXYZ', '/objection', '/payments']) expect(rewrite(uri, true), uri).toBe('/index.html');
  });
  it('answers /staff paths with the console page when the build has one', () => {
    expect(rewrite('/staff', true)).toBe('/staff/index.html');
    expect(rewrite('/staff/households/1', true)).toBe('/staff/index.html');
    expect(rewrite('/staff/households/1', false)).toBe('/index.html');
  });
  it('passes files through unchanged', () => {
    for (const uri of ['/index.html', '/assets/index-abc.js', '/regions.json', '/config.json', '/staff/index.html']) expect(rewrite(uri, true), uri).toBe(uri);
  });
});
