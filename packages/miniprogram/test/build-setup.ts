import { buildMiniprogram } from '../scripts/build.js';

/** Builds the DevTools project once before the mini-program tests (they render what DevTools would open). */
export default async function setup(): Promise<void> {
  process.env.JZ_MINIPROGRAM_API ??= 'http://127.0.0.1:1';
  await buildMiniprogram();
}
