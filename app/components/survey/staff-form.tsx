// Form fields the survey's staff pages need beyond ~/components/forms (which has the error
// summary, checkbox and radios they use): a text box with a length limit or datetime-local, a
// textarea, and a select with <optgroup>s (procedures grouped by unit). Same markup and classes.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

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
