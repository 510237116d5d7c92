import { noticesApi } from '@jingzhun/types';
import { useEffect, useState } from 'preact/hooks';
import { api, fieldErrors } from './api.js';
import { dateZh } from './labels.js';
import { navigate, queryOf } from './router.js';
import { ErrorBox, h, submitTo, TextInput, useAction } from './ui.js';

/**
 * 异议结果查询: the objector types the number given on lodging (any case, with or without spaces)
 * and reads where the objection stands. The API answers status, dates and fixed words only.
 */
export function ObjectionStatusPage(props: { path: string }) {
  const given = queryOf(props.path).get('number') ?? '';
  const [number, setNumber] = useState(given);
  const lookup = useAction((value: string) => api.call(noticesApi.publicObjectionStatus, { params: { number: value } }));
  // A link from the receipt carries the number: look it up at once.
  useEffect(() => {
    if (given) {
      setNumber(given);
      void lookup.run(given);
    }
  }, [given]);
  const errors = fieldErrors(lookup.error);
  const numberError = errors.number;
  const result = lookup.result;
  return h('div', null, [
    h('h1', { tabIndex: -1 }, '异议处理结果查询'),
    h('p', { class: 'lead' }, '请输入提出异议时得到的受理编号（10位字母和数字）。'),
    h(
      'form',
      {
        noValidate: true,
        class: 'card',
        onSubmit: submitTo(() => {
          const typed = number.trim();
          // The number goes into the address, so the page can be reopened or bookmarked.
          if (typed && typed !== given) navigate(`/objection?number=${encodeURIComponent(typed)}`);
          else return lookup.run(typed);
        }),
      },
      [
        TextInput({ id: 'objection-number', label: '受理编号', value: number, onInput: setNumber, error: numberError, autoComplete: 'off', maxLength: 20 }),
        h('button', { type: 'submit', disabled: lookup.busy }, lookup.busy ? '查询中…' : '查询'),
        lookup.error && !numberError ? ErrorBox({ error: lookup.error }) : null,
      ],
    ),
    result
      ? h('section', { class: `card result status-${result.status}`, 'aria-labelledby': 'result-title', role: 'status' }, [
          h('h2', { id: 'result-title' }, result.statusName),
          h('p', null, result.outcome),
          h('dl', { class: 'meta' }, [
            h('dt', null, '公示'),
            h('dd', null, h('a', { href: `/notice/${result.noticeId}` }, result.noticeTitle)),
            h('dt', null, '异议的条目'),
            h('dd', null, `第 ${result.entryNo} 条`),
            h('dt', null, '提出日期'),
            h('dd', null, dateZh(result.lodgedOn)),
            h('dt', null, result.decidedOn ? '作出结论' : '答复期限'),
            h('dd', null, result.decidedOn ? dateZh(result.decidedOn) : `${dateZh(result.dueBy)}前`),
          ]),
        ])
      : null,
  ]);
}
