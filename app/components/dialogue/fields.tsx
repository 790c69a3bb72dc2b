// GOV.UK-style form parts for the dialogue pages: label, hint, error line tied to the control by
// aria-describedby, and an error summary whose links go to the field to fix. Plain HTML: they
// work without JavaScript.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export type Errors = Record<string, string> | null | undefined;
export type Values = Record<string, string> | null | undefined;

/** `suffix` is appended to each field's id in the links (for forms whose ids carry one). */
export function ErrorSummary({ errors, vars, suffix = "" }: { errors: Errors; vars?: Record<string, string | number>; suffix?: string }) {
  const { t } = useTranslation();
  if (!errors || !Object.keys(errors).length) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t("dialogue.form.errorSummary")}</h2>
      <ul>
        {Object.entries(errors).map(([field, key]) => (
          <li key={field}>{field === "_form" ? t(key, vars) : <a href={`#${field}${suffix}`}>{t(key, vars)}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

const describedBy = (name: string, hint: unknown, error: unknown) =>
  [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;

function Hint({ name, hint }: { name: string; hint?: ReactNode }) {
  return hint ? (
    <span id={`${name}-hint`} className="field__hint">
      {hint}
    </span>
  ) : null;
}

function ErrorLine({ name, error, vars }: { name: string; error?: string; vars?: Record<string, string | number> }) {
  const { t } = useTranslation();
  return error ? (
    <span id={`${name}-error`} className="field__error">
      <span className="visually-hidden">{t("dialogue.form.errorPrefix")} </span>
      {t(error, vars)}
    </span>
  ) : null;
}

interface Base {
  name: string;
  /** The control's id when a page has several forms with the same field names. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: Errors;
  values?: Values;
  defaultValue?: string | number | null;
  required?: boolean;
  vars?: Record<string, string | number>;
}

/** Label, hint and error line around one control; `control` gets the id and aria props to use. */
function Shell({ f, control }: { f: Base; control: (a: { id: string; "aria-invalid"?: true; "aria-describedby"?: string; defaultValue?: string }) => ReactNode }) {
  const error = f.errors?.[f.name];
  const id = f.id ?? f.name;
  const value = f.values?.[f.name] ?? (f.defaultValue == null ? undefined : String(f.defaultValue));
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={id}>{f.label}</label>
      <Hint name={id} hint={f.hint} />
      <ErrorLine name={id} error={error} vars={f.vars} />
      {control({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, f.hint, error), defaultValue: value })}
    </div>
  );
}

export function TextField({
  type = "text",
  autoComplete,
  inputMode,
  ...f
}: Base & { type?: "text" | "email" | "tel" | "number" | "date" | "datetime-local" | "url" | "search"; autoComplete?: string; inputMode?: "text" | "numeric" | "tel" | "email" }) {
  return <Shell f={f} control={(a) => <input {...a} name={f.name} type={type} autoComplete={autoComplete} inputMode={inputMode} required={f.required} />} />;
}

export function TextArea({ rows = 4, ...f }: Base & { rows?: number }) {
  return <Shell f={f} control={(a) => <textarea {...a} name={f.name} rows={rows} required={f.required} />} />;
}

export function SelectField({ options, ...f }: Base & { options: { value: string; label: string }[] }) {
  return (
    <Shell
      f={f}
      control={(a) => (
        <select {...a} name={f.name} defaultValue={a.defaultValue ?? ""}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** A radio group in a fieldset, its legend read as the question. */
export function Radios({ options, ...f }: Base & { options: { value: string; label: string }[] }) {
  const error = f.errors?.[f.name];
  const current = f.values?.[f.name] ?? (f.defaultValue == null ? undefined : String(f.defaultValue));
  const id = f.id ?? f.name;
  return (
    <div className={error ? "field field--error" : "field"}>
      <fieldset id={id} className="radios" aria-describedby={describedBy(id, f.hint, error)}>
        <legend>{f.label}</legend>
        <Hint name={id} hint={f.hint} />
        <ErrorLine name={id} error={error} vars={f.vars} />
        {options.map((o) => (
          <div key={o.value} className="radios__item">
            <input id={`${id}-${o.value}`} type="radio" name={f.name} value={o.value} defaultChecked={current === o.value} />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

/** One box the person ticks by an explicit act; never pre-ticked unless they ticked it before an error. */
export function Checkbox({ ...f }: Base) {
  const error = f.errors?.[f.name];
  const id = f.id ?? f.name;
  return (
    <div className={error ? "field field--error" : "field"}>
      <ErrorLine name={id} error={error} vars={f.vars} />
      <div className="checkbox">
        <input
          id={id}
          name={f.name}
          type="checkbox"
          defaultChecked={f.values?.[f.name] === "on"}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, f.hint, error)}
        />
        <label htmlFor={id}>{f.label}</label>
      </div>
      <Hint name={id} hint={f.hint} />
    </div>
  );
}
