// Form parts for the survey's staff pages: label, hint and error tied to the control with
// aria-describedby, and an error summary linking to each field.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export function StaffErrorSummary({ errors, order }: { errors?: Record<string, string> | null; order?: string[] }) {
  const { t } = useTranslation();
  if (!errors || !Object.keys(errors).length) return null;
  const keys = order ? [...order.filter((k) => k in errors), ...Object.keys(errors).filter((k) => !order.includes(k))] : Object.keys(errors);
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t("surveyStaff.errorSummary")}</h2>
      <ul>
        {keys.map((k) => (
          <li key={k}>{k === "_form" ? t(errors[k]) : <a href={`#${k}`}>{t(errors[k])}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Another id for the control, when one page shows the same name twice. */
  id?: string;
}

export const describedBy = (id: string, hint: unknown, error: unknown) => [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

export function Field({ name, id = name, label, hint, error, children }: FieldProps & { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="field__error">
          <span className="visually-hidden">{t("surveyStaff.errorPrefix")} </span>
          {t(error)}
        </span>
      ) : null}
      {children}
    </div>
  );
}

type InputProps = FieldProps & { type?: string; defaultValue?: string | number | null; inputMode?: "numeric" | "text"; maxLength?: number; autoFocus?: boolean };

export function TextInput({ type = "text", defaultValue, inputMode, maxLength, autoFocus, ...f }: InputProps) {
  const id = f.id ?? f.name;
  return (
    <Field {...f}>
      <input
        id={id}
        name={f.name}
        type={type}
        defaultValue={defaultValue ?? undefined}
        inputMode={inputMode}
        maxLength={maxLength}
        autoFocus={autoFocus}
        autoComplete="off"
        aria-invalid={f.error ? true : undefined}
        aria-describedby={describedBy(id, f.hint, f.error)}
      />
    </Field>
  );
}

export function TextArea({ defaultValue, rows = 4, ...f }: FieldProps & { defaultValue?: string | null; rows?: number }) {
  const id = f.id ?? f.name;
  return (
    <Field {...f}>
      <textarea id={id} name={f.name} rows={rows} defaultValue={defaultValue ?? undefined} aria-invalid={f.error ? true : undefined} aria-describedby={describedBy(id, f.hint, f.error)} />
    </Field>
  );
}

export interface Choice {
  value: string;
  label: string;
}
export interface ChoiceGroup {
  label: string;
  options: Choice[];
}

export function Select({ options, groups, defaultValue, ...f }: FieldProps & { options: Choice[]; groups?: ChoiceGroup[]; defaultValue?: string | number | null }) {
  const id = f.id ?? f.name;
  return (
    <Field {...f}>
      <select id={id} name={f.name} defaultValue={defaultValue == null ? "" : String(defaultValue)} aria-invalid={f.error ? true : undefined} aria-describedby={describedBy(id, f.hint, f.error)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {(groups ?? []).map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </Field>
  );
}

export function Checkbox({ name, label, defaultChecked }: { name: string; label: string; defaultChecked?: boolean }) {
  return (
    <div className="field field--check">
      <input id={name} name={name} type="checkbox" value="on" defaultChecked={defaultChecked} />
      <label htmlFor={name}>{label}</label>
    </div>
  );
}

/** A titled radio group (fieldset/legend). */
export function Radios({ name, legend, options, defaultValue, error }: { name: string; legend: string; options: Choice[]; defaultValue?: string; error?: string }) {
  const { t } = useTranslation();
  return (
    <div className={error ? "field field--error" : "field"}>
      <fieldset className="radios" aria-describedby={error ? `${name}-error` : undefined}>
        <legend>{legend}</legend>
        {error ? (
          <span id={`${name}-error`} className="field__error">
            <span className="visually-hidden">{t("surveyStaff.errorPrefix")} </span>
            {t(error)}
          </span>
        ) : null}
        {options.map((o, i) => (
          <div key={o.value} className="field--check">
            <input type="radio" name={name} id={i === 0 ? name : `${name}-${o.value}`} value={o.value} defaultChecked={defaultValue === o.value} />
            <label htmlFor={i === 0 ? name : `${name}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}
