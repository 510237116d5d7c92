import { manifest as dispatch } from './dispatch/src/manifest.js';
import { manifest as funds } from './funds/src/manifest.js';
import { manifest as identification } from './identification/src/manifest.js';
import { manifest as notices } from './notices/src/manifest.js';
import { manifest as scoring } from './scoring/src/manifest.js';
import { manifest as subsidy } from './subsidy/src/manifest.js';
import { manifest as supervision } from './supervision/src/manifest.js';
import { manifest as wechat } from './wechat/src/manifest.js';

/**
 * Every service of the system. CDK and local-cloud both build from this list; demo data loads in
 * this order (identification first: the other services build on its events).
 */
export const services = [identification, notices, subsidy, scoring, dispatch, supervision, funds, wechat];
