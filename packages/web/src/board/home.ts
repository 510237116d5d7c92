import { noticesApi } from '@jingzhun/types';
import { useEffect, useState } from 'preact/hooks';
import { type BoardRegion, loadRegions } from '../regions.js';
import { api, fieldErrors } from './api.js';
import { dateZh, newestFirst, PHASE_WORDS, windowText } from './labels.js';
import { VillageProjects } from './project.js';
import { navigate, queryOf } from './router.js';
import { ErrorBox, h, Loading, Select, submitTo, TextInput, useAction, useLoad } from './ui.js';

/**
 * The board's home (workflows.md §4.4): county → town → village (a list with one choice is chosen
 * for the user), then the village's notices newest first with their status words, an exact-name
 * search and the fund and project disclosures. Regions are named, never coded.
 */
type PublicNotice = Awaited<ReturnType<typeof fetchDisclosures>>[number];

export function nameOf(regions: readonly BoardRegion[] | undefined, code: string | undefined): string {
  return regions?.find((r) => r.code === code)?.name ?? '';
}

export function HomePage(props: { path: string }) {
  const query = queryOf(props.path);
  const regions = useLoad(loadRegions, []);
  const county = query.get('county') ?? '';
  const town = query.get('town') ?? '';
  const village = query.get('village') ?? '';
  const all = regions.data ?? [];
  const counties = all.filter((r) => r.level === 'county');
  const towns = all.filter((r) => r.level === 'town' && r.parent === county);
  const villages = all.filter((r) => r.level === 'village' && r.parent === town);
  const go = (next: { county?: string; town?: string; village?: string }, replace = false) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) params.set(k, v);
    navigate(`/?${params.toString()}`, { replace });
  };
  // A list with a single choice is chosen for the user (the URL says so, so a shared link keeps it).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the choices or the address change, which the list names
  useEffect(() => {
    if (!regions.data) return;
    if (!county && counties.length === 1) go({ county: counties[0]?.code }, true);
    else if (county && !town && towns.length === 1) go({ county, town: towns[0]?.code }, true);
    else if (town && !village && villages.length === 1) go({ county, town, village: villages[0]?.code }, true);
  }, [regions.data, county, town, village]);
  return h('div', { class: 'board' }, [
    h('h1', { tabIndex: -1 }, '扶贫公示公告查询'),
    h('p', { class: 'lead' }, '请依次选择区县、镇（街道）和村，查看本村的公示名单和资金项目公开。名单中的姓名已按规定隐去，不显示身份证号、电话、收入和健康信息。'),
    regions.error ? ErrorBox({ error: regions.error, onRetry: regions.reload }) : null,
    regions.loading ? Loading({ label: '正在加载地区…' }) : null,
    h('form', { class: 'picker', 'aria-label': '选择地区', onSubmit: (e: Event) => e.preventDefault() }, [
      Select({
        id: 'pick-county',
        label: '区县',
        value: county,
        placeholder: '请选择区县',
        options: counties.map((r) => ({ value: r.code, label: r.name })),
        onChange: (v) => go({ county: v }),
      }),
      Select({
        id: 'pick-town',
        label: '镇（街道）',
        value: town,
        placeholder: county ? '请选择镇（街道）' : '请先选择区县',
        disabled: !county,
        options: towns.map((r) => ({ value: r.code, label: r.name })),
        onChange: (v) => go({ county, town: v }),
      }),
      Select({
        id: 'pick-village',
        label: '村',
        value: village,
        placeholder: town ? '请选择村' : '请先选择镇（街道）',
        disabled: !town,
        options: villages.map((r) => ({ value: r.code, label: r.name })),
        onChange: (v) => go({ county, town, village: v }),
      }),
    ]),
    village && regions.data
      ? h(VillageView, { village, areas: [village, town, county].filter(Boolean), villageName: nameOf(regions.data, village) || '本村' })
      : county && regions.data
        ? h(Disclosures, { areas: [town, county].filter(Boolean) })
        : null,
  ]);
}

function NoticeList(props: { notices: readonly PublicNotice[]; empty: string; label: string }) {
  if (props.notices.length === 0) return h('p', { class: 'muted' }, props.empty);
  return h(
    'ul',
    { class: 'notice-list', 'aria-label': props.label },
    newestFirst(props.notices).map((n) =>
      h('li', null, [
        h('span', { class: `phase phase-${n.phase}` }, PHASE_WORDS[n.phase]),
        ' ',
        h('a', { href: `/notice/${n.noticeId}`, class: 'notice-link' }, n.title),
        h('span', { class: 'muted notice-meta' }, `${n.typeName} · ${n.publisher} · ${n.windowStart ? `公示期 ${windowText(n)}` : `${dateZh(n.postedOn)}发布`}`),
      ]),
    ),
  );
}

function VillageView(props: { village: string; areas: string[]; villageName: string }) {
  const summary = useLoad(() => api.call(noticesApi.publicVillageSummary, { params: { code: props.village } }), [props.village]);
  const notices = (summary.data?.notices ?? []).filter((n) => n.type !== 'fund-disclosure' && n.type !== 'project-disclosure');
  const current = notices.filter((n) => n.phase === 'open').length;
  const upcoming = notices.filter((n) => n.phase === 'upcoming').length;
  return h('section', { 'aria-labelledby': 'village-title' }, [
    h('h2', { id: 'village-title' }, props.villageName),
    summary.loading ? Loading({}) : null,
    summary.error ? ErrorBox({ error: summary.error, onRetry: summary.reload }) : null,
    summary.data
      ? h('div', null, [
          h('div', { class: 'stats', role: 'list', 'aria-label': '本村公示概况' }, [
            h('div', { class: 'stat', role: 'listitem' }, [h('span', { class: 'stat-value' }, String(current)), h('span', null, '份公示中')]),
            h('div', { class: 'stat', role: 'listitem' }, [h('span', { class: 'stat-value' }, String(upcoming)), h('span', null, '份待公示')]),
          ]),
          h('h3', null, '本村公示'),
          h(NoticeList, { notices, empty: '本村目前没有公示名单。', label: '本村公示' }),
        ])
      : null,
    h(NameSearch, { village: props.village }),
    h(VillageProjects, { village: props.village }),
    h(Disclosures, { areas: props.areas }),
  ]);
}

function NameSearch(props: { village: string }) {
  const [name, setName] = useState('');
  const search = useAction((value: string) => api.call(noticesApi.publicSearchVillage, { params: { code: props.village }, query: { name: value } }));
  const errors = fieldErrors(search.error);
  const nameError = errors.name;
  return h('section', { 'aria-labelledby': 'search-title', class: 'card' }, [
    h('h3', { id: 'search-title' }, '按姓名查询（须完整姓名）'),
    h('form', { noValidate: true, onSubmit: submitTo(() => search.run(name.trim())) }, [
      TextInput({ id: 'search-name', label: '姓名', value: name, onInput: setName, error: nameError, hint: '只在本村内查询，只显示该姓名列入了哪份公示', maxLength: 20 }),
      h('button', { type: 'submit', disabled: search.busy }, search.busy ? '查询中…' : '查询'),
      search.error && !nameError ? ErrorBox({ error: search.error }) : null,
    ]),
    search.result
      ? search.result.items.length === 0
        ? h('p', { class: 'muted', role: 'status' }, '没有找到列入公示的这个姓名。')
        : h(
            'ul',
            { class: 'notice-list', 'aria-label': '查询结果' },
            search.result.items.map((item) => h('li', null, [h('a', { href: `/notice/${item.noticeId}` }, item.title), h('span', { class: 'muted notice-meta' }, item.typeName)])),
          )
      : null,
  ]);
}

async function fetchDisclosures(area: string) {
  return (await api.call(noticesApi.publicDisclosures, { query: { region: area, limit: 50 } })).items;
}

function Disclosures(props: { areas: string[] }) {
  const key = props.areas.join(',');
  const data = useLoad(async () => {
    const seen = new Map<string, PublicNotice>();
    for (const area of props.areas) for (const n of await fetchDisclosures(area)) seen.set(n.noticeId, n);
    return [...seen.values()];
  }, [key]);
  return h('section', { 'aria-labelledby': 'disclosure-title', class: 'card' }, [
    h('h3', { id: 'disclosure-title' }, '扶贫资金分配和项目公开'),
    data.loading ? Loading({}) : null,
    data.error ? ErrorBox({ error: data.error, onRetry: data.reload }) : null,
    data.data ? h(NoticeList, { notices: data.data, empty: '暂无资金或项目公开。', label: '资金和项目公开' }) : null,
  ]);
}
