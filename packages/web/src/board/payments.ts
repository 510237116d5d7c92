import { subsidyApi } from '@jingzhun/types';
import { useState } from 'preact/hooks';
import { api, fieldErrors } from './api.js';
import { monthZh, yuan } from './labels.js';
import { ErrorBox, h, submitTo, Table, TextInput, useAction } from './ui.js';

/**
 * 补贴发放查询: a household's head types their name and full ID number and sees the household's
 * payments on approved rosters (month, item, amount, paid or not). The ID number is sent in the
 * body, never in the address, and the form forgets it once answered.
 */
export function PaymentsPage() {
  const [headName, setHeadName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const lookup = useAction(async (name: string, id: string) => {
    const result = await api.call(subsidyApi.publicPaymentsLookup, { body: { headName: name, idNumber: id } });
    setIdNumber('');
    return result;
  });
  const errors = fieldErrors(lookup.error);
  const handled = Boolean(errors.headName || errors.idNumber);
  const items = lookup.result?.items;
  return h('div', null, [
    h('h1', { tabIndex: -1 }, '补贴发放查询'),
    h('p', { class: 'lead' }, '户主本人输入姓名和身份证号，查询本户已审核的各项补贴和发放情况。只显示本户的月份、项目、金额和是否已发放。'),
    h('form', { noValidate: true, class: 'card', onSubmit: submitTo(() => lookup.run(headName.trim(), idNumber.trim())) }, [
      TextInput({ id: 'head-name', label: '户主姓名', value: headName, onInput: setHeadName, error: errors.headName, autoComplete: 'name', maxLength: 20 }),
      TextInput({
        id: 'id-number',
        label: '户主身份证号',
        value: idNumber,
        onInput: setIdNumber,
        error: errors.idNumber,
        hint: '18位，末位可能是X',
        autoComplete: 'off',
        maxLength: 18,
      }),
      h('button', { type: 'submit', disabled: lookup.busy }, lookup.busy ? '查询中…' : '查询'),
      lookup.error && !handled ? ErrorBox({ error: lookup.error }) : null,
      h('p', { class: 'hint' }, '为保护个人信息，每小时可查询的次数有限。'),
    ]),
    items
      ? items.length === 0
        ? h('p', { class: 'muted', role: 'status' }, '没有查到已审核的发放记录。请核对户主姓名和身份证号；如有疑问，请联系村委会。')
        : Table({
            caption: `本户已审核的补贴（共 ${items.length} 项）`,
            columns: ['月份', '项目', '金额', '发放情况'],
            rows: items.map((item) => [monthZh(item.period), item.itemName, yuan(item.amountFen), item.statusName]),
            empty: '',
          })
      : null,
  ]);
}
