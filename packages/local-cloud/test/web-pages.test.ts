import { describe, expect, it } from 'vitest';
import { appPageFor } from '../src/web.js';

/** Which page answers a path that is no file of the build (issue 14: path links survive WeChat sharing). */
describe('app page for a path', () => {
  const apiPrefixes = new Set(['public', 'notices', 'dev']);
  it('answers board paths with index.html, at any depth and with a query', () => {
    for (const path of ['/', '/notice/01HX', '/objection', '/payments', '/notice/01HX/']) expect(appPageFor(path, { apiPrefixes, staffPage: true }), path).toBe('index.html');
  });
  it('answers /staff paths with the console page when the build has one, else the board (which loads the old console)', () => {
    expect(appPageFor('/staff', { apiPrefixes, staffPage: true })).toBe('staff/index.html');
    expect(appPageFor('/staff/households/1', { apiPrefixes, staffPage: true })).toBe('staff/index.html');
    expect(appPageFor('/staff/households/1', { apiPrefixes, staffPage: false })).toBe('index.html');
    expect(appPageFor('/staffing', { apiPrefixes, staffPage: true })).toBe('index.html');
  });
  it('leaves API paths and missing files alone (their own 404)', () => {
    expect(appPageFor('/public/nothing', { apiPrefixes, staffPage: true })).toBeUndefined();
    expect(appPageFor('/notices', { apiPrefixes, staffPage: true })).toBeUndefined();
    expect(appPageFor('/assets/missing.js', { apiPrefixes, staffPage: true })).toBeUndefined();
    expect(appPageFor('/favicon.ico', { apiPrefixes, staffPage: true })).toBeUndefined();
  });
});
