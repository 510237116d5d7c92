import { getItem } from '@jingzhun/platform';
import type { JurisdictionId } from '../catalog/schema.js';
import type { ParameterSet } from '../domain/engine.js';
import { parameterKeys } from './keys.js';
import { table } from './table.js';

export interface ParametersItem {
  pk: string;
  sk: string;
  entity: 'parameters';
  jurisdiction: JurisdictionId;
  version: number;
  values: Record<string, number | boolean | string>;
  updatedAt?: string;
  updatedBy?: string;
}

/** The current parameters (version 0 and empty when never set). */
export async function currentParameters(jurisdiction: JurisdictionId): Promise<{ item: ParametersItem | undefined; set: ParameterSet }> {
  const item = await getItem<ParametersItem>(table(), parameterKeys.current(jurisdiction));
  return {
    item,
    set: {
      jurisdiction,
      version: item?.version ?? 0,
      values: item?.values ?? {},
    },
  };
}

/** A past version (runs freeze the version they started with). */
export async function parametersVersion(jurisdiction: JurisdictionId, version: number): Promise<ParameterSet> {
  if (version === 0) return { jurisdiction, version: 0, values: {} };
  const item = await getItem<ParametersItem>(table(), parameterKeys.version(jurisdiction, version));
  if (!item) throw new Error(`parameters ${jurisdiction} v${version} missing`);
  return { jurisdiction, version, values: item.values };
}
