// The whole survey form, used by the public page, the kiosk and the staff preview. Plain HTML:
// it posts to the page's own action, so it works with JavaScript off.
import { useTranslation } from "react-i18next";
import type { FormValues } from "~/features/survey/answers";
import { fieldName, groupByBlock, type PlaceChoice, type ShownItem } from "~/features/survey/items";
import { KNOWN_BLOCKS, maxLengthOf } from "~/features/survey/scales";
import { ErrorList } from "~/kernel/forms/fields";
import { ItemField } from "./item-field";
import { PlaceFields } from "./place-fields";

export interface SurveyFormProps {
  kind: "A" | "B" | "custom";
  items: ShownItem[];
  lang: "vi" | "en";
  /** The signed hidden token; null in the staff preview, which cannot be sent. */
  token: string | null;
  place: PlaceChoice;
  errors: Record<string, string>;
  values: FormValues;
  kioskReset: string | null;
}

const PLACE_FIELDS = ["unit", "procedure", "dossier"] as const;
export const SURVEY_FORM_ID = "survey-form";

export function SurveyForm(p: SurveyFormProps) {
  const { t } = useTranslation();
  const groups = groupByBlock(p.items);
  const total = p.items.length;
  const blockName = (b: string) => ((KNOWN_BLOCKS as readonly string[]).includes(b) ? t(`survey.blocks.${b}`) : b);
  const summary = [
    ...PLACE_FIELDS.filter((f) => p.errors[f]).map((f) => ({ href: `#${f}`, text: t(p.errors[f]) })),
    ...p.items
      .map((item, i) => ({ item, n: i + 1 }))
      .filter(({ item }) => p.errors[item.code])
      .map(({ item, n }) => ({
        href: `#${fieldName(item.code)}-q`,
        text: `${t("survey.form.questionShort", { n })}: ${t(p.errors[item.code], { max: maxLengthOf(item) })}`,
      })),
  ];
  return (
    <>
      <ErrorList title={t("survey.errors.summaryTitle", { count: summary.length })} items={summary} />
      {/* On a kiosk the browser must not put the previous person's answers back (autocomplete
          off also turns off form restoring); on a phone, restoring them after "back" is a help. */}
      <form
        id={SURVEY_FORM_ID}
        method="post"
        autoComplete={p.kioskReset ? "off" : undefined}
        noValidate
        className="survey"
        data-kiosk-reset={p.kioskReset ?? undefined}
      >
        {p.token ? <input type="hidden" name="_f" value={p.token} /> : null}
        <PlaceFields kind={p.kind} place={p.place} errors={p.errors} values={p.values} />
        {groups.map((g, gi) => (
          <section key={`${g.block}-${gi}`} className="block" aria-labelledby={`block-${gi}`}>
            <h2 id={`block-${gi}`} className="block__title">
              <span className="block__n">{t("survey.form.part", { n: gi + 1, total: groups.length })}</span>{" "}
              {blockName(g.block)}
            </h2>
            {g.items.map(({ item, n }) => (
              <ItemField
                key={item.id}
                item={item}
                n={n}
                total={total}
                lang={p.lang}
                error={p.errors[item.code]}
                values={p.values}
              />
            ))}
          </section>
        ))}
        <div className="hp" aria-hidden="true">
          <label htmlFor="website">{t("survey.form.honeypot")}</label>
          <input type="text" id="website" name="website" tabIndex={-1} autoComplete="off" />
        </div>
        {p.token ? (
          <button type="submit" className="button survey__submit">
            {t("survey.form.submit")}
          </button>
        ) : (
          <p className="notice">{t("survey.form.preview")}</p>
        )}
      </form>
    </>
  );
}
