import type { FormInstance } from 'antd';
import { errorText, fieldErrors } from '../../api.js';

/**
 * Puts the server's field errors next to the fields they concern (the issue paths are the body's
 * field paths, e.g. `members.0.idNumber` → the form field ['members', 0, 'idNumber']). Returns the
 * message for what no field of the form shows (shown above the buttons), or undefined.
 */
export function showServerErrors(form: FormInstance, error: unknown): string | undefined {
  const byPath = fieldErrors(error);
  const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  const rest: string[] = [];
  for (const [path, message] of Object.entries(byPath)) {
    const name = path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    if (known.has(path)) fields.push({ name, errors: [message] });
    else rest.push(message);
  }
  form.setFields(fields);
  if (fields.length > 0 && rest.length === 0) return undefined;
  return rest.length > 0 ? rest.join('；') : errorText(error);
}
