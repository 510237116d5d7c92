import { buildDirectory } from '../domain/regions.js';
import { putRegions } from '../store/regions.js';
import { taierzhuangDirectory } from './taierzhuang.js';

/** Demo data for `npm start`: the Tai'erzhuang directory. Idempotent. */
export async function seedDemo(): Promise<{ regions: number }> {
  const regions = buildDirectory(taierzhuangDirectory());
  await putRegions(regions);
  return { regions: regions.length };
}
