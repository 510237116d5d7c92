import { identificationApi } from '@jingzhun/types';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useCall } from '../../app/query.js';
import { useRegions } from '../../app/regions.js';

/**
 * Picks a household of the user's region by its head's name: type a name, choose from the matches
 * (village and group beside the name tell two 张三 apart). The value is the household's id, never shown.
 */
export function HouseholdPicker(props: { within: string; id?: string; value?: string; onChange?: (householdId: string, label: string) => void }) {
  const [typed, setTyped] = useState('');
  const [name, setName] = useState('');
  const regions = useRegions();
  useEffect(() => {
    const timer = setTimeout(() => setName(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const matches = useCall(identificationApi.listHouseholds, { query: { region: props.within, name, limit: 20 } }, { enabled: name.length > 0 });
  const villageOf = (code: string) => regions.data?.find((r) => r.code === code)?.name ?? '';
  const options = (matches.data?.items ?? []).map((h) => ({ value: h.householdId, label: `${h.headName}（${villageOf(h.region)} ${h.group}，${h.size} 人）` }));
  return (
    <Select
      id={props.id}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={props.value}
      placeholder="输入户主姓名查找"
      notFoundContent={name ? (matches.isFetching ? '正在查找…' : '没有找到该户主') : '请输入户主姓名'}
      loading={matches.isFetching}
      options={options}
      onChange={(value: string) => props.onChange?.(value, options.find((o) => o.value === value)?.label ?? '')}
      style={{ minWidth: 320 }}
    />
  );
}
