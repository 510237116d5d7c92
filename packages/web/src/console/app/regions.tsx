import { useQuery } from '@tanstack/react-query';
import { Cascader } from 'antd';
import { type BoardRegion, loadRegions } from '../../regions.js';

/** The region directory (public/regions.json), loaded once and cached. */
export function useRegions() {
  return useQuery({ queryKey: ['regions'], queryFn: loadRegions, staleTime: Number.POSITIVE_INFINITY });
}

/** A region's full name from the county down: 台儿庄区 / 涧头集镇 / 冯庄村. */
export function regionPath(regions: BoardRegion[] | undefined, code: string | undefined): string {
  if (!code) return '';
  const names: string[] = [];
  let current = regions?.find((r) => r.code === code);
  while (current) {
    names.unshift(current.name);
    const parent = current.parent;
    current = parent ? regions?.find((r) => r.code === parent) : undefined;
  }
  return names.length > 0 ? names.join(' / ') : '未知区划';
}

/** A region's own name (冯庄村); never the code. */
export function RegionName(props: { code: string | undefined; full?: boolean }) {
  const { data } = useRegions();
  if (!props.code) return null;
  if (props.full) return <>{regionPath(data, props.code)}</>;
  return <>{data?.find((r) => r.code === props.code)?.name ?? (data ? '未知区划' : '…')}</>;
}

interface Option {
  value: string;
  label: string;
  children?: Option[];
}

function optionsUnder(regions: BoardRegion[], parent: string, deepest: BoardRegion['level']): Option[] {
  return regions
    .filter((r) => r.parent === parent)
    .map((r) => {
      const children = r.level === deepest ? [] : optionsUnder(regions, r.code, deepest);
      return children.length > 0 ? { value: r.code, label: r.name, children } : { value: r.code, label: r.name };
    });
}

/** The chain of codes from `root` down to `code` (the Cascader's value). */
function chainTo(regions: BoardRegion[], root: string, code: string | undefined): string[] {
  const chain: string[] = [];
  let current = regions.find((r) => r.code === code);
  while (current && current.code !== root) {
    chain.unshift(current.code);
    const parent = current.parent;
    current = parent ? regions.find((r) => r.code === parent) : undefined;
  }
  return chain;
}

/**
 * Picks a region within the signed-in user's own (`within`): a county user chooses a town, then a
 * village if wanted; a village user has nothing to choose. Clearing goes back to the whole region.
 */
export function RegionPicker(props: {
  within: string;
  value?: string | undefined;
  onChange?: (code: string) => void;
  deepest?: BoardRegion['level'];
  placeholder?: string;
  id?: string;
}) {
  const { data } = useRegions();
  if (!data) return <Cascader disabled placeholder="正在加载区划…" />;
  const options = optionsUnder(data, props.within, props.deepest ?? 'village');
  if (options.length === 0) return <span>{regionPath(data, props.within)}</span>;
  return (
    <Cascader
      id={props.id}
      options={options}
      changeOnSelect
      placeholder={props.placeholder ?? `全部（${data.find((r) => r.code === props.within)?.name ?? ''}）`}
      value={chainTo(data, props.within, props.value)}
      onChange={(chain) => props.onChange?.(((chain as string[] | undefined) ?? []).at(-1) ?? props.within)}
      style={{ minWidth: 260 }}
    />
  );
}
