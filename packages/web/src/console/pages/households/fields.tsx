import { birthDateOf, checkIdNumber, ID_PROBLEM_MESSAGES, type identificationApi, sexOf } from '@jingzhun/types';
import { Button, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { CAUSE_ZH, EDUCATION_ZH, HEALTH_ZH, HOUSING_GRADE_ZH, LABOR_ZH, RELATION_ZH, SCHOOLING_ZH, SEX_ZH, WELFARE_ZH } from '../../../labels.js';

/** Form sections shared by the registration and the edit: every choice from a list, money in 元. */
const options = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));

export const INCOME_FIELDS: { name: keyof identificationApi.IncomeInput; label: string }[] = [
  { name: 'wageFen', label: '工资性收入' },
  { name: 'businessFen', label: '生产经营性收入' },
  { name: 'businessCostFen', label: '生产经营费用' },
  { name: 'transferFen', label: '转移性收入' },
  { name: 'oneOffTransferFen', label: '其中一次性转移收入' },
  { name: 'propertyFen', label: '财产性收入' },
];

/** 元 in the form, integer fen in the body. */
export { toFen } from '../../../format.js';
export const toYuan = (fen: number | undefined) => (fen ?? 0) / 100;

export function BasicFields(props: { withPhone?: boolean }) {
  return (
    <>
      <Form.Item label="村民小组" name="group" rules={[{ required: true, whitespace: true, message: '请填写村民小组，如：三组' }]}>
        <Input maxLength={20} style={{ width: 200 }} placeholder="如：三组" />
      </Form.Item>
      {props.withPhone !== false ? (
        <Form.Item label="联系电话" name="phone" rules={[{ pattern: /^\d{7,12}$/, message: '电话须为 7 至 12 位数字' }]}>
          <Input maxLength={12} style={{ width: 200 }} inputMode="numeric" />
        </Form.Item>
      ) : null}
      <Form.Item label="主要致贫原因" name="mainCause" rules={[{ required: true, message: '请选择主要致贫原因' }]}>
        <Select options={options(CAUSE_ZH)} style={{ width: 240 }} placeholder="请选择" />
      </Form.Item>
      <Form.Item label="其他致贫原因（最多两项）" name="secondaryCauses" rules={[{ type: 'array', max: 2, message: '其他致贫原因最多两项' }]}>
        <Select mode="multiple" options={options(CAUSE_ZH)} style={{ width: 360 }} placeholder="可不选" />
      </Form.Item>
    </>
  );
}

export function IncomeFields() {
  return (
    <>
      <Form.Item label="收入年度" name={['income', 'year']} rules={[{ required: true, message: '请填写收入年度' }]}>
        <InputNumber min={2010} max={2030} precision={0} />
      </Form.Item>
      {INCOME_FIELDS.map((field) => (
        <Form.Item key={field.name} label={`${field.label}（元/年）`} name={['income', field.name]} rules={[{ required: true, message: `请填写${field.label}，没有填 0` }]}>
          <InputNumber min={0} max={10_000_000} precision={2} style={{ width: 200 }} />
        </Form.Item>
      ))}
    </>
  );
}

export function HousingFields() {
  return (
    <>
      <Form.Item label="住房危险等级" name={['housing', 'dangerGrade']}>
        <Select allowClear placeholder="未鉴定" options={options(HOUSING_GRADE_ZH)} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item name={['housing', 'safeDrinkingWater']} valuePropName="checked">
        <Checkbox>饮用水安全</Checkbox>
      </Form.Item>
      <p style={{ marginBottom: 8 }}>两不愁三保障（勾选为已达标）</p>
      <Space wrap>
        {Object.entries(WELFARE_ZH).map(([key, label]) => (
          <Form.Item key={key} name={['welfare', key]} valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox>{label}</Checkbox>
          </Form.Item>
        ))}
      </Space>
    </>
  );
}

/** What the ID number tells (birth date and sex), shown under the field once the number is valid. */
function derived(idNumber: unknown): string | undefined {
  if (typeof idNumber !== 'string') return undefined;
  const checked = checkIdNumber(idNumber.trim());
  if (!checked.ok) return undefined;
  return `出生日期 ${birthDateOf(checked.value)}，${SEX_ZH[sexOf(checked.value)]}`;
}

/**
 * One member's fields. `name` is the path inside the form (or inside the list), `path` the full
 * path the ID number is read back from, `label` how the fields are named ("成员 2", "新成员").
 */
export function OneMemberFields(props: { name: (string | number)[]; path: (string | number)[]; label: string }) {
  const at = (field: string) => [...props.name, field];
  return (
    <>
      <Form.Item label={`${props.label} 姓名`} name={at('name')} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
        <Input maxLength={40} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {({ getFieldValue }) => (
          <Form.Item
            label={`${props.label} 身份证号`}
            name={at('idNumber')}
            extra={derived(getFieldValue([...props.path, 'idNumber']))}
            rules={[
              { required: true, message: '请填写身份证号' },
              {
                validator: async (_, value?: string) => {
                  if (!value) return;
                  const checked = checkIdNumber(value.trim());
                  if (!checked.ok) throw new Error(ID_PROBLEM_MESSAGES[checked.problem]);
                },
              },
            ]}
          >
            <Input maxLength={18} style={{ width: 220 }} />
          </Form.Item>
        )}
      </Form.Item>
      <Form.Item label={`${props.label} 与户主关系`} name={at('relation')} rules={[{ required: true, message: '请选择与户主关系' }]}>
        <Select options={options(RELATION_ZH)} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item label="健康状况" name={at('health')} initialValue="healthy">
        <Select options={options(HEALTH_ZH)} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {({ getFieldValue }) =>
          getFieldValue([...props.path, 'health']) === 'disabled' ? (
            <Form.Item label="残疾等级" name={at('disabilityGrade')} rules={[{ required: true, message: '请选择残疾等级' }]}>
              <Select options={[1, 2, 3, 4].map((g) => ({ value: g, label: `${g} 级` }))} style={{ width: 100 }} />
            </Form.Item>
          ) : null
        }
      </Form.Item>
      <Form.Item label="劳动能力" name={at('laborCapacity')} initialValue="full">
        <Select options={options(LABOR_ZH)} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item label="在校情况" name={at('schooling')} initialValue="none">
        <Select options={options(SCHOOLING_ZH)} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item label="文化程度" name={at('education')} initialValue="none">
        <Select options={options(EDUCATION_ZH)} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name={at('medicalInsurance')} valuePropName="checked" initialValue={true}>
        <Checkbox>参加医疗保险</Checkbox>
      </Form.Item>
    </>
  );
}

/** A member as the form holds it → the API's member (name trimmed, ID upper-case, grade only for a disability). */
export function memberBody(m: Omit<identificationApi.MemberInput, 'disabilityGrade'> & { disabilityGrade?: number }): identificationApi.MemberInput {
  return {
    ...m,
    name: m.name.trim(),
    idNumber: m.idNumber.trim().toUpperCase(),
    disabilityGrade: m.health === 'disabled' ? (m.disabilityGrade ?? null) : null,
  };
}

/** The members: one card each, ID number checked as typed (GB 11643 check character). */
export function MemberFields() {
  return (
    <Form.List
      name="members"
      rules={[
        {
          validator: async (_, members?: { relation?: string }[]) => {
            if (!members || members.length === 0) throw new Error('至少登记一名成员（户主）');
            if (members.filter((m) => m?.relation === 'head').length !== 1) throw new Error('须有且只有一名户主');
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <fieldset key={field.key} style={{ border: '1px solid #eee', padding: 12, marginBottom: 12 }}>
              <legend>成员 {index + 1}</legend>
              <Space wrap align="start">
                <OneMemberFields name={[field.name]} path={['members', field.name]} label={`成员 ${index + 1}`} />
                {fields.length > 1 ? (
                  <Button onClick={() => remove(field.name)} aria-label={`删除成员 ${index + 1}`}>
                    删除
                  </Button>
                ) : null}
              </Space>
            </fieldset>
          ))}
          <Form.ErrorList errors={errors} />
          <Button onClick={() => add({ relation: fields.length === 0 ? 'head' : undefined })}>添加成员</Button>
        </>
      )}
    </Form.List>
  );
}
