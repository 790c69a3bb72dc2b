// GOV.UK-style form parts: a label, an optional hint, the error line, all tied to the control
// with aria-describedby, and an error summary whose links move focus to the field to fix.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "~/lib/forms";

type Values = Record<string, Record<string, string | number>>;

export function ErrorSummary({ errors, order, values = {} }: { errors?: FieldErrors | null; order?: string[]; values?: Values }) {
  const { t } = useTranslation();
  if (!errors || !Object.keys(errors).length) return null;
  const fields = order ? [...order.filter((f) => f in errors), ...Object.keys(errors).filter((f) => !order.includes(f))] : Object.keys(errors);
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t("staff.form.errorSummary")}</h2>
      <ul>
        {fields.map((f) => (
          <li key={f}>{f === "_form" ? t(errors[f], values[f]) : <a href={`#${f}`}>{t(errors[f], values[f])}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  errorValues?: Record<string, string | number>;
}

function describedBy(name: string, hint: unknown, error: unknown) {
  return [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
}

function FieldShell({ name, label, hint, error, errorValues, children }: FieldProps & { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <span id={`${name}-hint`} className="field__hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${name}-error`} className="field__error">
          <span className="visually-hidden">{t("staff.form.errorPrefix")} </span>
          {t(error, errorValues)}
        </span>
      ) : null}
      {children}
    </div>
  );
}

export function TextField({
  type = "text",
  defaultValue,
  autoComplete,
  inputMode,
  required,
  ...field
}: FieldProps & {
  type?: "text" | "email" | "password" | "number" | "date";
  defaultValue?: string | number | null;
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "decimal" | "email";
  required?: boolean;
}) {
  return (
    <FieldShell {...field}>
      <input
        id={field.name}
        name={field.name}
        type={type}
        defaultValue={defaultValue ?? undefined}
        autoComplete={autoComplete}
        inputMode={inputMode}
        required={required}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(field.name, field.hint, field.error)}
      />
    </FieldShell>
  );
}

export function SelectField({
  options,
  defaultValue,
  ...field
}: FieldProps & { options: { value: string; label: string }[]; defaultValue?: string | number | null }) {
  return (
    <FieldShell {...field}>
      <select
        id={field.name}
        name={field.name}
        defaultValue={defaultValue == null ? "" : String(defaultValue)}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(field.name, field.hint, field.error)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField({ name, label, defaultChecked, hint }: { name: string; label: string; defaultChecked?: boolean; hint?: string }) {
  return (
    <div className="field checkbox">
      <input id={name} name={name} type="checkbox" value="on" defaultChecked={defaultChecked} aria-describedby={hint ? `${name}-hint` : undefined} />
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <span id={`${name}-hint`} className="field__hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/** GOV.UK radios: a fieldset whose legend is the question, one hint line per choice. */
export function RadioGroup({
  name,
  legend,
  hint,
  error,
  options,
  defaultValue,
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string; hint?: string }[];
  defaultValue?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <div className={error ? "field field--error" : "field"}>
      {/* The error summary links to #name: the fieldset carries that id. */}
      <fieldset id={name} className="radios" aria-describedby={describedBy(name, hint, error)} tabIndex={-1}>
        <legend>{legend}</legend>
        {hint ? (
          <span id={`${name}-hint`} className="field__hint">
            {hint}
          </span>
        ) : null}
        {error ? (
          <span id={`${name}-error`} className="field__error">
            <span className="visually-hidden">{t("staff.form.errorPrefix")} </span>
            {t(error)}
          </span>
        ) : null}
        {options.map((o) => (
          <div key={o.value} className="radios__item">
            <input id={`${name}-${o.value}`} name={name} type="radio" value={o.value} defaultChecked={defaultValue === o.value} aria-describedby={o.hint ? `${name}-${o.value}-hint` : undefined} />
            <label htmlFor={`${name}-${o.value}`}>{o.label}</label>
            {o.hint ? (
              <span id={`${name}-${o.value}-hint`} className="field__hint">
                {o.hint}
              </span>
            ) : null}
          </div>
        ))}
      </fieldset>
    </div>
  );
}

/** A table that may scroll sideways on a phone: focusable and named, so a keyboard user can
 * scroll it and a screen reader announces it (axe: scrollable-region-focusable). */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
