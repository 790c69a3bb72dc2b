// One survey question as accessible HTML that works without JavaScript: a fieldset with a legend
// and large radio/checkbox targets for choices, a labelled text box for words. Hints and errors
// are tied to the control with aria-describedby.
import { useTranslation } from "react-i18next";
import type { FormValues } from "~/features/survey/answers";
import { fieldName, optionLabel, type ShownItem } from "~/features/survey/items";
import { isScale, maxLengthOf, SCALES } from "~/features/survey/scales";

interface Props {
  item: ShownItem;
  n: number;
  total: number;
  lang: "vi" | "en";
  error?: string;
  values: FormValues;
}

function choicesOf(item: ShownItem, lang: "vi" | "en", t: (k: string) => string): { value: string; label: string }[] {
  if (isScale(item.type)) {
    return SCALES[item.type].map((v) => {
      const own = item.options?.find((o) => o.code === String(v));
      return { value: String(v), label: own ? optionLabel(own, lang) : t(`survey.scale.${item.type}.${v}`) };
    });
  }
  return (item.options ?? []).map((o) => ({ value: o.code, label: optionLabel(o, lang) }));
}

export function ItemField({ item, n, total, lang, error, values }: Props) {
  const { t } = useTranslation();
  const name = fieldName(item.code);
  const hintId = item.help ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const max = maxLengthOf(item);
  const errorText = error ? t(error, { max }) : null;
  const heading = (
    <>
      <span className="q__n">{t("survey.form.question", { n, total })}</span> {item.text}
      {item.required ? null : <span className="q__opt"> {t("survey.form.optional")}</span>}
    </>
  );
  const hint = item.help ? (
    <span className="field__hint" id={hintId}>
      {item.help}
    </span>
  ) : null;
  const err = errorText ? (
    <span className="field__error" id={errorId}>
      <span className="visually-hidden">{t("survey.errors.prefix")} </span>
      {errorText}
    </span>
  ) : null;

  if (item.type === "text" || item.type === "textarea") {
    const value = String(values[item.code] ?? "");
    const common = {
      id: name,
      name,
      maxLength: max,
      defaultValue: value,
      "aria-describedby": describedBy,
      "aria-invalid": error ? true : undefined,
    };
    return (
      <div id={`${name}-q`} className={`field q${error ? " field--error" : ""}`}>
        <label htmlFor={name} className="q__legend">
          {heading}
        </label>
        {hint}
        {err}
        {item.type === "text" ? <input type="text" {...common} /> : <textarea rows={4} {...common} />}
      </div>
    );
  }

  const multi = item.type === "multi";
  const chosen = values[item.code];
  const isChosen = (v: string) => (Array.isArray(chosen) ? chosen.includes(v) : chosen === v);
  const choices = choicesOf(item, lang, t);
  return (
    <div id={`${name}-q`} className={`field q${error ? " field--error" : ""}`}>
      <fieldset aria-describedby={describedBy}>
        <legend className="q__legend">{heading}</legend>
        {hint}
        {err}
        <div className={`opts${item.type === "L5" ? " opts--l5" : ""}`}>
          {choices.map((c, i) => (
            <label key={c.value} className={`opt${item.type === "L5" && c.value === "0" ? " opt--none" : ""}`}>
              <input
                type={multi ? "checkbox" : "radio"}
                name={name}
                value={c.value}
                id={i === 0 ? name : undefined}
                defaultChecked={isChosen(c.value)}
              />
              <span>{c.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
