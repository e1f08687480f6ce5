// One labelled text input of the account pages: its hint and its error tied to it
// (aria-describedby), aria-invalid when wrong. Works in server and client components.
import { CircleAlert } from 'lucide-react';
import type { InputHTMLAttributes, Ref } from 'react';

export type TextFieldProps = {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string | null;
  defaultValue?: string;
  inputRef?: Ref<HTMLInputElement>;
} & Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'autoComplete' | 'inputMode' | 'autoCapitalize' | 'spellCheck' | 'autoFocus' | 'maxLength' | 'enterKeyHint'
>;

export const TextField = ({ id, name, label, hint, error, defaultValue, inputRef, type = 'text', ...input }: TextFieldProps) => {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ');
  return (
    <div className={`account-field${error ? ' account-field--invalid' : ''}`}>
      <label className="account-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="account-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="account-field-error" id={errorId}>
          <CircleAlert aria-hidden="true" focusable="false" size={18} />
          <span>{error}</span>
        </p>
      ) : null}
      <input
        className="account-input"
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        ref={inputRef}
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
    </div>
  );
};
