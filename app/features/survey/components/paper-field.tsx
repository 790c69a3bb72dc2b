// One question of the paper-entry screen: a small text box for the number printed on the paper
// form (or the words, for text questions), with the numbers and their meanings as the hint.
import { useTranslation } from "react-i18next";
import type { FormValues } from "~/features/survey/answers";
import { fieldName, optionLabel, type ShownItem } from "~/features/survey/items";
import { isScale, maxLengthOf, SCALES } from "~/features/survey/scales";
import { describedBy } from "~/kernel/forms/fields";

function keysHint(
  item: ShownItem,
  lang: "vi" | "en",
  t: (k: string, o?: Record<string, unknown>) => string,
): string | null {
  if (isScale(item.type)) {
    return SCALES[item.type].map((v) => `${v} ${t(`survey.scale.${item.type}.${v}`)}`).join(" · ");
  }
  if (item.type === "single" || item.type === "multi") {
    const keys = (item.options ?? []).map((o, i) => `${i + 1} ${optionLabel(o, lang)}`).join(" · ");
    return item.type === "multi" ? t("surveyStaff.paper.keysMulti", { keys }) : keys;
  }
  return null;
}

export function PaperField({
  item,
  n,
  lang,
  value,
  error,
  takeFocus,
}: {
  item: ShownItem;
  n: number;
  lang: "vi" | "en";
  value: FormValues[string] | undefined;
  error?: string;
  /** Start typing here: the first question after a sheet is saved, so the next sheet is keyed in
   * without reaching for the mouse. */
  takeFocus?: boolean;
}) {
  const { t } = useTranslation();
  const name = fieldName(item.code);
  const hint = keysHint(item, lang, t);
  const wordy = item.type === "text" || item.type === "textarea";
  const max = wordy ? maxLengthOf(item) : item.type === "multi" ? (item.options?.length ?? 9) * 2 : 1;
  return (
    <div className={`paper-item${wordy ? " paper-item--wide" : ""}${error ? " field--error" : ""}`}>
      <input
        type="text"
        id={name}
        name={name}
        inputMode={wordy ? "text" : "numeric"}
        maxLength={max}
        defaultValue={String(value ?? "")}
        autoComplete="off"
        // Only on the page that enters paper sheets one after another, and only after a save.
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus={takeFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
      <div>
        <label htmlFor={name}>
          {n}. {item.text}
        </label>
        {hint ? (
          <span className="field__hint" id={`${name}-hint`}>
            {hint}
          </span>
        ) : null}
      </div>
      {error ? (
        <span className="field__error" id={`${name}-error`}>
          <span className="visually-hidden">{t("forms.errorPrefix")} </span>
          {t(error, { max })}
        </span>
      ) : null}
    </div>
  );
}
