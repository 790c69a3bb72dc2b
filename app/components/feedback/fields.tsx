// Form fields for the feedback pages, GOV.UK style: label, hint and error tied to the control by
// aria-describedby, an error summary whose links move focus to the field. Plain HTML, so they
// work without JavaScript.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export type Errors = Record<string, string | undefined>;
export type ErrorParams = Record<string, Record<string, string>>;

export const fieldId = (name: string) => `fb-${name}`;

function describedBy(name: string, hint?: ReactNode, error?: string) {
  return [hint ? `${fieldId(name)}-hint` : null, error ? `${fieldId(name)}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Marker({ required }: { required?: boolean }) {
  const { t } = useTranslation();
  return <span className="fb-marker"> {required ? t("feedback.common.required") : t("feedback.common.optional")}</span>;
}

function ErrorLine({ name, error, params }: { name: string; error?: string; params?: Record<string, string> }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <span className="field__error" id={`${fieldId(name)}-error`}>
      <span className="visually-hidden">{t("feedback.common.errorSummary")}: </span>
      {t(error, params)}
    </span>
  );
}

export function ErrorSummary({ errors, params, order }: { errors: Errors; params?: ErrorParams; order: readonly string[] }) {
  const { t } = useTranslation();
  const keys = [...order.filter((k) => errors[k]), ...Object.keys(errors).filter((k) => errors[k] && !order.includes(k))];
  if (!keys.length) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="fb-error-summary-title" tabIndex={-1}>
      <h2 id="fb-error-summary-title">{t("feedback.common.errorSummary")}</h2>
      <ul>
        {keys.map((k) => (
          <li key={k}>{k === "form" ? t(errors[k]!, params?.[k]) : <a href={`#${fieldId(k)}`}>{t(errors[k]!, params?.[k])}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

interface BaseProps {
  name: string;
  /** Id stem when the same field name appears in several forms on one page. */
  idBase?: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  errorParams?: Record<string, string>;
  required?: boolean;
  defaultValue?: string;
}

export function TextField(props: BaseProps & { type?: "text" | "email" | "tel"; autoComplete?: string; inputMode?: "text" | "tel" | "email" | "numeric"; spellCheck?: boolean }) {
  const { name, label, hint, error, required, defaultValue, type = "text", autoComplete, inputMode, spellCheck } = props;
  const base = props.idBase ?? name;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={fieldId(base)}>
        {label}
        <Marker required={required} />
      </label>
      {hint ? (
        <span className="field__hint" id={`${fieldId(base)}-hint`}>
          {hint}
        </span>
      ) : null}
      <ErrorLine name={base} error={error} params={props.errorParams} />
      <input
        id={fieldId(base)}
        name={name}
        type={type}
        defaultValue={defaultValue}
        required={required}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={spellCheck}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(base, hint, error)}
      />
    </div>
  );
}

export function TextArea(props: BaseProps & { rows?: number }) {
  const { name, label, hint, error, required, defaultValue, rows = 8 } = props;
  const base = props.idBase ?? name;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={fieldId(base)}>
        {label}
        <Marker required={required} />
      </label>
      {hint ? (
        <span className="field__hint" id={`${fieldId(base)}-hint`}>
          {hint}
        </span>
      ) : null}
      <ErrorLine name={base} error={error} params={props.errorParams} />
      <textarea id={fieldId(base)} name={name} rows={rows} defaultValue={defaultValue} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(base, hint, error)} />
    </div>
  );
}

export function SelectField(props: BaseProps & { options: { value: string; label: string }[] }) {
  const { name, label, hint, error, required, defaultValue, options } = props;
  const base = props.idBase ?? name;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={fieldId(base)}>
        {label}
        <Marker required={required} />
      </label>
      {hint ? (
        <span className="field__hint" id={`${fieldId(base)}-hint`}>
          {hint}
        </span>
      ) : null}
      <ErrorLine name={base} error={error} params={props.errorParams} />
      <select id={fieldId(base)} name={name} defaultValue={defaultValue} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(base, hint, error)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A radio group in a fieldset; the first radio carries the field id so summary links land on it. */
export function RadioGroup(props: BaseProps & { options: { value: string; label: string; hint?: string }[] }) {
  const { name, label, hint, error, required, defaultValue, options } = props;
  const base = props.idBase ?? name;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <fieldset className="fb-fieldset" aria-describedby={describedBy(base, hint, error)}>
        <legend>
          {label}
          <Marker required={required} />
        </legend>
        {hint ? (
          <span className="field__hint" id={`${fieldId(base)}-hint`}>
            {hint}
          </span>
        ) : null}
        <ErrorLine name={base} error={error} params={props.errorParams} />
        {options.map((o, i) => (
          <div className="fb-choice" key={o.value}>
            <input
              type="radio"
              id={i === 0 ? fieldId(base) : `${fieldId(base)}-${o.value}`}
              name={name}
              value={o.value}
              defaultChecked={defaultValue === o.value}
              required={required}
              aria-describedby={o.hint ? `${fieldId(base)}-${o.value}-hint` : undefined}
            />
            <label htmlFor={i === 0 ? fieldId(base) : `${fieldId(base)}-${o.value}`}>{o.label}</label>
            {o.hint ? (
              <span className="field__hint fb-choice__hint" id={`${fieldId(base)}-${o.value}-hint`}>
                {o.hint}
              </span>
            ) : null}
          </div>
        ))}
      </fieldset>
    </div>
  );
}
