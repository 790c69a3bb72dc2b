// The one set of form parts, GOV.UK style, for every feature: a label (or legend), an optional
// hint, the error line, all tied to the control with aria-describedby, and an error summary
// whose links move to the field to fix. Plain HTML: they work without JavaScript.
//
// A field's error and refill value come either one by one (`error`, `defaultValue`) or from the
// whole form's maps (`errors`, `values`, as ~/kernel/forms/parse's parseForm returns them).
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FORM_ERROR, type FieldErrors } from "~/kernel/forms/parse";

type Vars = Record<string, string | number>;

/**
 * The list of problems at the top of a form (GOV.UK error summary), focusable so a page may move
 * focus to it. Each item links to its field's control; an item without `href` is about the whole
 * form. The page's CSS keeps the linked question's label or legend on screen above the control it
 * lands on (`.field` scroll-margin in app.css).
 */
export function ErrorList({
  title,
  items,
}: {
  title: string;
  items: { href?: string; text: ReactNode; key?: string }[];
}) {
  if (!items.length) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {items.map((i, n) => (
          <li key={i.key ?? i.href ?? n}>{i.href ? <a href={i.href}>{i.text}</a> : i.text}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The error summary of a form from its errors (field → translation key), in `order` if given.
 * `idFor` maps a field name to its control's id when a page prefixes or suffixes ids; "_form" is
 * a problem with the whole form, shown without a link.
 */
export function ErrorSummary({
  errors,
  order,
  params = {},
  vars,
  idFor = (f) => f,
  title,
}: {
  errors?: Partial<FieldErrors> | null;
  /** Field order when the errors do not come in the form's order already. */
  order?: readonly string[];
  /** Values per field for its message. */
  params?: Record<string, Vars | undefined>;
  /** Values for every message. */
  vars?: Vars;
  idFor?: (field: string) => string;
  /** The heading, when a page words it differently. */
  title?: string;
}) {
  const { t } = useTranslation();
  const keys = Object.keys(errors ?? {}).filter((k) => errors?.[k]);
  if (!errors || !keys.length) return null;
  const fields = order ? [...order.filter((f) => keys.includes(f)), ...keys.filter((f) => !order.includes(f))] : keys;
  const items = fields.map((f) => ({
    key: f,
    href: f === FORM_ERROR ? undefined : `#${idFor(f)}`,
    text: t(errors[f]!, { ...vars, ...params[f] }),
  }));
  return <ErrorList title={title ?? t("forms.errorSummary")} items={items} />;
}

export type Errors = FieldErrors | null | undefined;
export type Values = Record<string, string> | null | undefined;

export interface FieldProps {
  name: string;
  /** The control's id, when a page shows the same name twice or prefixes its ids. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Translation key of this field's error. */
  error?: string | null;
  /** Or the form's errors, this field's taken from it. */
  errors?: Partial<FieldErrors> | null;
  /** Values for the error message. */
  vars?: Vars;
  /** The form's values as typed; this field's wins over defaultValue. */
  values?: Record<string, string> | null;
  defaultValue?: string | number | null;
  required?: boolean;
  /** Say "(required)" or "(optional)" after the label, for forms that mix both. */
  marker?: boolean;
}

export const describedBy = (id: string, hint: unknown, error: unknown) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

function resolve(f: FieldProps) {
  const id = f.id ?? f.name;
  const error = f.error ?? f.errors?.[f.name] ?? undefined;
  const typed = f.values?.[f.name];
  const value = typed ?? (f.defaultValue == null ? undefined : String(f.defaultValue));
  return { id, error, value };
}

function Marker({ required }: { required?: boolean }) {
  const { t } = useTranslation();
  return <span className="field__marker"> {t(required ? "forms.required" : "forms.optional")}</span>;
}

export function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <span id={`${id}-hint`} className="field__hint">
      {hint}
    </span>
  ) : null;
}

export function ErrorLine({ id, error, vars }: { id: string; error?: string | null; vars?: Vars }) {
  const { t } = useTranslation();
  return error ? (
    <span id={`${id}-error`} className="field__error">
      <span className="visually-hidden">{t("forms.errorPrefix")} </span>
      {t(error, vars)}
    </span>
  ) : null;
}

interface ControlProps {
  id: string;
  name: string;
  required?: boolean;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/** Label, hint and error line around one control. */
function Shell({ f, control }: { f: FieldProps; control: (a: ControlProps, value: string | undefined) => ReactNode }) {
  const { id, error, value } = resolve(f);
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={id}>
        {f.label}
        {f.marker ? <Marker required={f.required} /> : null}
      </label>
      <Hint id={id} hint={f.hint} />
      <ErrorLine id={id} error={error} vars={f.vars} />
      {control(
        {
          id,
          name: f.name,
          required: f.required,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy(id, f.hint, error),
        },
        value,
      )}
    </div>
  );
}

export function TextField({
  type = "text",
  autoComplete,
  inputMode,
  maxLength,
  spellCheck,
  ...f
}: FieldProps & {
  type?: "text" | "email" | "tel" | "password" | "number" | "date" | "datetime-local" | "url" | "search";
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "decimal" | "tel" | "email";
  maxLength?: number;
  spellCheck?: boolean;
}) {
  return (
    <Shell
      f={f}
      control={(a, value) => (
        <input
          {...a}
          type={type}
          defaultValue={value}
          autoComplete={autoComplete}
          inputMode={inputMode}
          maxLength={maxLength}
          spellCheck={spellCheck}
        />
      )}
    />
  );
}

export function TextArea({ rows = 4, maxLength, ...f }: FieldProps & { rows?: number; maxLength?: number }) {
  return (
    <Shell f={f} control={(a, value) => <textarea {...a} rows={rows} maxLength={maxLength} defaultValue={value} />} />
  );
}

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}
export interface ChoiceGroup {
  label: string;
  options: Choice[];
}

/** A select; `groups` adds <optgroup>s after the plain options (procedures grouped by unit). */
export function SelectField({
  options,
  groups,
  disabled,
  ...f
}: FieldProps & { options: Choice[]; groups?: ChoiceGroup[]; disabled?: boolean }) {
  const opt = (o: Choice) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  return (
    <Shell
      f={f}
      control={(a, value) => (
        <select {...a} defaultValue={value ?? ""} disabled={disabled}>
          {options.map(opt)}
          {(groups ?? []).map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map(opt)}
            </optgroup>
          ))}
        </select>
      )}
    />
  );
}

/** GOV.UK radios: a fieldset whose legend is the question, one optional hint line per choice.
 * The error summary links to the fieldset (it carries the field's id), so the legend is what
 * comes into view. */
export function Radios({ options, ...f }: FieldProps & { options: Choice[] }) {
  const { id, error, value } = resolve(f);
  return (
    <div className={error ? "field field--error" : "field"}>
      <fieldset id={id} className="radios" aria-describedby={describedBy(id, f.hint, error)} tabIndex={-1}>
        <legend>
          {f.label}
          {f.marker ? <Marker required={f.required} /> : null}
        </legend>
        <Hint id={id} hint={f.hint} />
        <ErrorLine id={id} error={error} vars={f.vars} />
        {options.map((o) => (
          <div key={o.value} className="radios__item">
            <input
              id={`${id}-${o.value}`}
              name={f.name}
              type="radio"
              value={o.value}
              defaultChecked={value === o.value}
              required={f.required}
              aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
            />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
            <Hint id={`${id}-${o.value}`} hint={o.hint} />
          </div>
        ))}
      </fieldset>
    </div>
  );
}

/** One box the person ticks by an explicit act; never pre-ticked unless they ticked it before an
 * error (`values`) or it shows a saved setting (`defaultChecked`). */
export function Checkbox({
  defaultChecked,
  value: sent = "on",
  ...f
}: Omit<FieldProps, "defaultValue"> & { defaultChecked?: boolean; value?: string }) {
  const { id, error, value } = resolve(f);
  return (
    <div className={error ? "field field--error" : "field"}>
      <ErrorLine id={id} error={error} vars={f.vars} />
      <div className="checkbox">
        <input
          id={id}
          name={f.name}
          type="checkbox"
          value={sent}
          defaultChecked={f.values ? value === sent : defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, f.hint, error)}
        />
        <label htmlFor={id}>{f.label}</label>
        <Hint id={id} hint={f.hint} />
      </div>
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
