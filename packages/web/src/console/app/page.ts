import type { ComponentType, LazyExoticComponent } from 'react';
import type { StaffPage } from '../../access.js';

/**
 * One page of the console. Each area (pages/<area>/index.ts) lists its pages; app/pages.ts joins
 * the areas. The menu, the routes and the "无权访问" answer all come from this list, and a page is
 * offered when the signed-in role may make at least one of the calls in `reads` (access.ts, from
 * the contracts' `roles`, the same declaration the server enforces).
 */
export interface ConsolePage extends StaffPage {
  /** Route path inside the console, e.g. `/households` or `/households/:householdId`. */
  path: string;
  /** The menu group (识别, 公示, 补贴 …); detail pages (`menu: false`) sit under their list. */
  group: string;
  menu?: boolean;
  /** Loaded when first opened: every page is its own chunk. */
  component: LazyExoticComponent<ComponentType>;
}
