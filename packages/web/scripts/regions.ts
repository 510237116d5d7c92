/**
 * Writes public/regions.json: the region directory the public board picks county → town → village
 * from (statistical division codes are public). Source: the identification service's directory.
 * Run: npx tsx packages/web/scripts/regions.ts (a test checks the file is in sync).
 */
import { writeFileSync } from 'node:fs';
import { regionsForBoard } from './regions-source.js';

writeFileSync(new URL('../public/regions.json', import.meta.url), `${JSON.stringify(regionsForBoard(), null, 0)}\n`);
console.log('packages/web/public/regions.json written');
