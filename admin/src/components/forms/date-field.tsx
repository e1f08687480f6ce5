'use client';
// A date field in the staff's own format (ДД.ММ.ГГГГ, Russian month names in the calendar),
// whatever language the browser is set to: a native <input type="date"> follows the browser's UI
// locale and shows mm/dd/yyyy on an English one. Mantine's DateInput, with a hidden input that
// submits YYYY-MM-DD under `name`, so plain GET forms and the server's zod checks stay as they are.
import { DateInput, type DateInputProps } from '@mantine/dates';
import 'dayjs/locale/ru';
import { parseStaffDate } from './staff-date';

export type DateFieldProps = Omit<DateInputProps, 'valueFormat' | 'dateParser' | 'locale' | 'onChange' | 'value' | 'defaultValue'> & {
  /** YYYY-MM-DD, or empty/undefined for none. */
  value?: string | undefined;
  defaultValue?: string | undefined;
  onChange?: (value: string) => void;
};

export const DateField = ({ value, defaultValue, onChange, ...props }: DateFieldProps) => (
  <DateInput
    valueFormat="DD.MM.YYYY"
    locale="ru"
    dateParser={parseStaffDate}
    placeholder="ДД.ММ.ГГГГ"
    clearable
    clearButtonProps={{ 'aria-label': 'Очистить дату' }}
    {...(value !== undefined ? { value: value || null } : {})}
    {...(defaultValue !== undefined ? { defaultValue: defaultValue || null } : {})}
    {...(onChange ? { onChange: (next: string | null) => onChange(next ?? '') } : {})}
    {...props}
  />
);
