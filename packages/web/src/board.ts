import { noticesApi } from '@jingzhun/types';
import { useState } from 'preact/hooks';
import { api, fieldErrors } from './api.js';
import { loadRegions, regionName } from './regions.js';
import { navigate, queryOf } from './router.js';
import { ErrorBox, h, Loading, Select, submitTo, Table, TextArea, TextInput, useAction, useLoad } from './ui.js';

/**
 * The public notice board (no sign-in, workflows.md §4.4): pick county → town → village, then the
 * village's open notices (names masked by the API), aggregates, fund and project disclosures, an
 * exact-name search, and an objection to one line of a notice.
 */

const FIELD_NAMES: Record<string, string> = {
  size: '人口',
  attribute: '属性',
  action: '拟办事项',
  amountYuan: '金额（元）',
  allocationYuan: '分配金额（元）',
  fundsYuan: '资金（元）',
  policy: '政策',
  fundSource: '资金来源',
  purpose: '用途',
  beneficiaryHouseholds: '受益户数',
  beneficiaryPersons: '受益人数',
  progress: '进度',
  implementer: '实施单位',
  monitorType: '监测类型',
  category: '类别',
  note: '备注',
  bank: '银行',
  prize: '奖项',
};

function fieldLabel(key: string): string {
  return FIELD_NAMES[key] ?? key;
}

function fieldValue(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return value.toLocaleString('zh-CN');
  return value;
}

export function BoardPage(props: { path: string }) {
  const query = queryOf(props.path);
  const regions = useLoad(loadRegions, []);
  const county = query.get('county') ?? '';
  const town = query.get('town') ?? '';
  const village = query.get('village') ?? '';
  const all = regions.data ?? [];
  const counties = all.filter((r) => r.level === 'county');
  const towns = all.filter((r) => r.level === 'town' && r.parent === county);
  const villages = all.filter((r) => r.level === 'village' && r.parent === town);
  const go = (next: { county?: string; town?: string; village?: string }) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) params.set(k, v);
    navigate(`/?${params.toString()}`);
  };
  return h('div', { class: 'board' }, [
    h('h1', { tabIndex: -1 }, '扶贫公示公告查询'),
    h('p', { class: 'lead' }, '请依次选择区县、镇（街道）和村，查看正在公示的名单、村级汇总和资金项目公开。名单中的姓名已按规定脱敏，不显示身份证号、电话、收入和健康信息。'),
    regions.error ? ErrorBox({ error: regions.error, onRetry: regions.reload }) : null,
    regions.loading ? Loading({ label: '正在加载区划…' }) : null,
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
    village
      ? h(VillageView, { village, town, county, villageName: regionName(regions.data, village) })
      : county
        ? h(Disclosures, { regions: [town, county].filter(Boolean) })
        : null,
  ]);
}

function VillageView(props: { village: string; town: string; county: string; villageName: string }) {
  const summary = useLoad(() => api().call(noticesApi.publicVillageSummary, { params: { code: props.village } }), [props.village]);
  return h('section', { 'aria-labelledby': 'village-title' }, [
    h('h2', { id: 'village-title' }, `${props.villageName}`),
    summary.loading ? Loading({}) : null,
    summary.error ? ErrorBox({ error: summary.error, onRetry: summary.reload }) : null,
    summary.data
      ? h('div', null, [
          h('div', { class: 'stats', role: 'list', 'aria-label': '村级汇总' }, [
            h('div', { class: 'stat', role: 'listitem' }, [h('span', { class: 'stat-value' }, String(summary.data.openNotices)), h('span', null, '正在公示')]),
            ...summary.data.byType.map((t) =>
              h('div', { class: 'stat', role: 'listitem' }, [h('span', { class: 'stat-value' }, String(t.entries)), h('span', null, `${t.typeName}（${t.notices} 份）条目`)]),
            ),
          ]),
          h('h3', null, '正在公示'),
          summary.data.notices.length === 0
            ? h('p', { class: 'muted' }, '本村目前没有正在公示的名单。')
            : h(
                'ul',
                { class: 'notice-list' },
                summary.data.notices.map((n) =>
                  h('li', null, [
                    h('a', { href: `#/notice/${n.noticeId}`, class: 'notice-link' }, n.title),
                    h('span', { class: 'muted' }, ` ${n.typeName} · ${n.publisher} · 公示期 ${n.windowStart ?? n.postedOn} 至 ${n.windowEnd ?? '—'}`),
                  ]),
                ),
              ),
        ])
      : null,
    h(NameSearch, { village: props.village }),
    h(Disclosures, { regions: [props.village, props.town, props.county].filter(Boolean) }),
  ]);
}

function NameSearch(props: { village: string }) {
  const [name, setName] = useState('');
  const search = useAction((value: string) => api().call(noticesApi.publicSearchVillage, { params: { code: props.village }, query: { name: value } }));
  const errors = fieldErrors(search.error);
  return h('section', { 'aria-labelledby': 'search-title', class: 'card' }, [
    h('h3', { id: 'search-title' }, '按姓名查询（须完整姓名）'),
    h('form', { onSubmit: submitTo(() => search.run(name.trim())) }, [
      TextInput({ id: 'search-name', label: '姓名', value: name, onInput: setName, error: errors.name, hint: '只在本村内精确匹配，只显示该姓名列入了哪份公示' }),
      h('button', { type: 'submit', disabled: search.busy }, search.busy ? '查询中…' : '查询'),
      search.error && !errors.name ? ErrorBox({ error: search.error }) : null,
    ]),
    search.result
      ? Table({
          caption: '查询结果',
          columns: ['列入的公示', '类型'],
          rows: search.result.items.map((item) => [h('a', { href: `#/notice/${item.noticeId}` }, item.title), item.typeName]),
          empty: '没有找到该姓名的公示记录。',
        })
      : null,
  ]);
}

function Disclosures(props: { regions: string[] }) {
  const key = props.regions.join(',');
  const data = useLoad(async () => {
    const seen = new Map<string, Awaited<ReturnType<typeof fetchDisclosures>>[number]>();
    for (const region of props.regions) for (const n of await fetchDisclosures(region)) seen.set(n.noticeId, n);
    return [...seen.values()];
  }, [key]);
  return h('section', { 'aria-labelledby': 'disclosure-title', class: 'card' }, [
    h('h3', { id: 'disclosure-title' }, '扶贫资金分配和项目公开'),
    data.loading ? Loading({}) : null,
    data.error ? ErrorBox({ error: data.error, onRetry: data.reload }) : null,
    data.data
      ? data.data.length === 0
        ? h('p', { class: 'muted' }, '暂无资金或项目公开。')
        : h(
            'ul',
            { class: 'notice-list' },
            data.data.map((n) =>
              h('li', null, [h('a', { href: `#/notice/${n.noticeId}` }, n.title), h('span', { class: 'muted' }, ` ${n.typeName} · ${n.publisher} · ${n.postedOn}`)]),
            ),
          )
      : null,
  ]);
}

async function fetchDisclosures(region: string) {
  return (await api().call(noticesApi.publicDisclosures, { query: { region, limit: 50 } })).items;
}

export function NoticePage(props: { noticeId: string }) {
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const data = useLoad(
    () => api().call(noticesApi.publicListEntries, { params: { noticeId: props.noticeId }, query: { limit: 50, ...(cursor ? { cursor } : {}) } }),
    [props.noticeId, cursor],
  );
  const [objecting, setObjecting] = useState<number | undefined>(undefined);
  const notice = data.data?.notice;
  const fieldKeys = [...new Set((data.data?.items ?? []).flatMap((item) => Object.keys(item.fields)))];
  return h('div', null, [
    h(
      'p',
      null,
      h(
        'a',
        {
          href: '#/',
          onClick: (e: Event) => {
            e.preventDefault();
            if (history.length > 1) history.back();
            else navigate('/');
          },
        },
        '← 返回',
      ),
    ),
    data.loading ? Loading({}) : null,
    data.error ? ErrorBox({ error: data.error, onRetry: data.reload }) : null,
    notice
      ? h('article', { 'aria-labelledby': 'notice-title' }, [
          h('h1', { id: 'notice-title', tabIndex: -1 }, notice.title),
          h('dl', { class: 'meta' }, [
            h('dt', null, '类型'),
            h('dd', null, notice.typeName),
            h('dt', null, '发布单位'),
            h('dd', null, notice.publisher),
            h('dt', null, '公示期'),
            h('dd', null, notice.windowStart ? `${notice.windowStart} 至 ${notice.windowEnd}` : `${notice.postedOn} 起长期公开`),
            h('dt', null, '依据'),
            h('dd', null, notice.source),
          ]),
          Table({
            caption: `名单（共 ${notice.entryCount} 条，姓名已脱敏）`,
            columns: ['序号', '姓名', '村', '组', ...fieldKeys.map(fieldLabel), ...(notice.objectionsAccepted ? ['异议'] : [])],
            rows: (data.data?.items ?? []).map((item) => [
              String(item.no),
              item.name,
              item.villageName ?? item.village,
              item.group ?? '—',
              ...fieldKeys.map((k) => (item.fields[k] === undefined ? '—' : fieldValue(item.fields[k] as string))),
              ...(notice.objectionsAccepted
                ? [h('button', { type: 'button', class: 'small', 'aria-label': `对第 ${item.no} 条提出异议`, onClick: () => setObjecting(item.no) }, '提出异议')]
                : []),
            ]),
            empty: '名单为空。',
          }),
          data.data?.nextCursor ? h('button', { type: 'button', onClick: () => setCursor(data.data?.nextCursor) }, '下一页') : null,
          !notice.objectionsAccepted ? h('p', { class: 'muted' }, '本公示不在异议受理期内。') : null,
          objecting !== undefined ? h(ObjectionForm, { noticeId: notice.noticeId, entryNo: objecting, onClose: () => setObjecting(undefined) }) : null,
        ])
      : null,
  ]);
}

function ObjectionForm(props: { noticeId: string; entryNo: number; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const lodge = useAction(() =>
    api().call(noticesApi.publicLodgeObjection, {
      params: { noticeId: props.noticeId },
      body: { entryNo: props.entryNo, reason: reason.trim(), ...(name.trim() ? { name: name.trim() } : {}), ...(contact.trim() ? { contact: contact.trim() } : {}) },
    }),
  );
  const errors = fieldErrors(lodge.error);
  // A refusal without a field (window closed, empty reason checked by the service) is shown next to the button;
  // a reason-specific code goes next to the reason field.
  const code = (lodge.error as { code?: string } | undefined)?.code ?? '';
  const reasonError = errors.reason ?? (/REASON/.test(code) ? (lodge.error as Error).message : undefined);
  const contactError = errors.contact ?? (/CONTACT/.test(code) ? (lodge.error as Error).message : undefined);
  const handled = Boolean(reasonError || contactError || errors.name || errors.entryNo);
  if (lodge.result) {
    return h('section', { class: 'card success', role: 'status', 'aria-live': 'polite' }, [
      h('h2', null, '异议已受理'),
      h('p', null, lodge.result.message),
      h('p', null, ['受理编号：', h('strong', { class: 'objection-id' }, lodge.result.objectionId), '（请妥善保存，用于查询处理结果）']),
      h('button', { type: 'button', onClick: props.onClose }, '关闭'),
    ]);
  }
  return h('section', { class: 'card', 'aria-labelledby': 'objection-title' }, [
    h('h2', { id: 'objection-title' }, `对第 ${props.entryNo} 条提出异议`),
    h('p', { class: 'muted' }, '可以匿名提出。留下联系方式便于工作人员答复，联系方式仅工作人员可见，不会公开。'),
    h('form', { noValidate: true, onSubmit: submitTo(() => lodge.run()) }, [
      TextArea({ id: 'objection-reason', label: '异议内容', value: reason, onInput: setReason, required: true, error: reasonError, hint: '请写明异议的事实和理由' }),
      TextInput({ id: 'objection-name', label: '您的姓名（可不填）', value: name, onInput: setName, error: errors.name }),
      TextInput({ id: 'objection-contact', label: '联系电话（可不填）', value: contact, onInput: setContact, error: contactError, inputMode: 'tel', type: 'tel' }),
      h('div', { class: 'actions' }, [
        h('button', { type: 'submit', disabled: lodge.busy }, lodge.busy ? '正在提交…' : '提交异议'),
        h('button', { type: 'button', class: 'secondary', onClick: props.onClose }, '取消'),
      ]),
      lodge.error && !handled ? ErrorBox({ error: lodge.error, id: 'objection-error' }) : null,
    ]),
  ]);
}
