import { fundsApi } from '@jingzhun/types';
import { api } from './api.js';
import { dateZh, yuan } from './labels.js';
import { ErrorBox, h, Loading, Table, useLoad } from './ui.js';

/**
 * The public project pages (issue 16): a village's projects from 立项 on, and one project's page
 * with its budget, progress, beneficiaries (names masked, as on the disclosure notice) and the money
 * paid out so far. Nothing here needs a sign-in; the API decides what is public.
 */
export function VillageProjects(props: { village: string }) {
  const projects = useLoad(() => api.call(fundsApi.publicRegionProjects, { params: { code: props.village } }), [props.village]);
  return h('section', { 'aria-labelledby': 'projects-title', class: 'card' }, [
    h('h3', { id: 'projects-title' }, '本村扶贫项目'),
    projects.loading ? Loading({}) : null,
    projects.error ? ErrorBox({ error: projects.error, onRetry: projects.reload }) : null,
    projects.data
      ? projects.data.items.length === 0
        ? h('p', { class: 'muted' }, '本村暂无已立项的扶贫项目。')
        : h(
            'ul',
            { class: 'notice-list', 'aria-label': '本村扶贫项目' },
            projects.data.items.map((project) =>
              h('li', null, [
                h('span', { class: 'phase phase-permanent' }, project.stateName),
                ' ',
                h('a', { href: `/project/${encodeURIComponent(project.projectId)}`, class: 'notice-link' }, project.name),
                h('span', { class: 'muted notice-meta' }, `${project.year}年 · ${project.typeName} · 预算 ${yuan(project.budgetFen)} · 已拨付 ${yuan(project.disbursedFen)}`),
              ]),
            ),
          )
      : null,
  ]);
}

export function ProjectPage(props: { projectId: string }) {
  const project = useLoad(() => api.call(fundsApi.publicProject, { params: { projectId: props.projectId } }), [props.projectId]);
  const p = project.data;
  return h('div', null, [
    h('h1', { tabIndex: -1 }, p ? p.name : '扶贫项目公开'),
    project.loading ? Loading({}) : null,
    project.error ? ErrorBox({ error: project.error, onRetry: project.reload }) : null,
    p
      ? h('div', null, [
          h('p', { class: 'lead' }, `${p.year}年 · ${p.typeName} · 实施单位：${p.implementer}`),
          h('div', { class: 'stats', role: 'list', 'aria-label': '项目概况' }, [
            h('div', { class: 'stat', role: 'listitem' }, [h('span', { class: 'stat-value' }, p.stateName), h('span', null, `自${dateZh(p.stateSince)}`)]),
            h('div', { class: 'stat', role: 'listitem' }, [h('span', { class: 'stat-value' }, `${p.progressPercent}%`), h('span', null, '工程进度')]),
            h('div', { class: 'stat', role: 'listitem' }, [h('span', { class: 'stat-value' }, yuan(p.budgetFen)), h('span', null, '项目预算')]),
            h('div', { class: 'stat', role: 'listitem' }, [h('span', { class: 'stat-value' }, yuan(p.disbursedFen)), h('span', null, '已拨付资金')]),
          ]),
          h('p', null, p.description),
          h('p', { class: 'muted' }, `计划工期：${dateZh(p.plannedStart)}至${dateZh(p.plannedEnd)}`),
          h('h2', null, '实施进度'),
          Table({
            caption: '实施进度',
            columns: ['日期', '节点', '进度'],
            rows: p.milestones.map((m) => [dateZh(m.date), m.name, `${m.progressPercent}%`]),
            empty: '尚未报告实施进度。',
          }),
          h('h2', null, '资金拨付'),
          Table({
            caption: '资金拨付',
            columns: ['拨付日期', '金额'],
            rows: p.payments.map((payment) => [dateZh(payment.paidOn), yuan(payment.amountFen)]),
            empty: '尚未拨付资金。',
          }),
          h('h2', null, `受益户（共 ${p.beneficiaries.households} 户）`),
          h('p', { class: 'muted' }, p.beneficiaries.byLink.map((link) => `${link.linkName} ${link.households} 户`).join('，') || '本项目未登记受益户。'),
          Table({
            caption: '受益户名单（姓名已隐去）',
            columns: ['户主', '带贫方式'],
            rows: p.beneficiaries.heads.map((head) => [head.maskedName, head.linkName]),
            empty: '',
          }),
          h('p', { class: 'hint' }, '受益户姓名已按规定隐去，不显示身份证号、住址和收入。对项目或资金使用有疑问，请在公示期内向村委会或镇（街道）提出。'),
        ])
      : null,
    h('p', null, h('a', { href: '/' }, '返回公示查询')),
  ]);
}
