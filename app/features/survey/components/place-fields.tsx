// Where the service was given: named by a signed counter link, or chosen by the citizen from
// short lists. Form A also asks for the optional dossier code.
import { useTranslation } from "react-i18next";
import { SelectField } from "~/kernel/forms/fields";
import type { FormValues } from "~/features/survey/answers";
import type { PlaceChoice } from "~/features/survey/items";

interface Props {
  kind: "A" | "B" | "custom";
  place: PlaceChoice;
  errors: Record<string, string>;
  values: FormValues;
}

function ErrorLine({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <span className="field__error" id={`${id}-error`}>
      <span className="visually-hidden">{t("survey.errors.prefix")} </span>
      {t(error)}
    </span>
  );
}

const describe = (id: string, hint: boolean, error?: string) =>
  [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

export function PlaceFields({ kind, place, errors, values }: Props) {
  const { t } = useTranslation();
  const v = (k: string) => String(values[k] ?? "");
  const fixed = place.fixed;
  return (
    <section className="block" aria-labelledby="place-title">
      <h2 id="place-title" className="block__title">
        {t("survey.form.placeTitle")}
      </h2>
      {fixed ? (
        <p className="notice">
          {t("survey.form.placeFromLink", { unit: fixed.unit })}
          {fixed.counter ? `, ${t("survey.form.counter", { counter: fixed.counter })}` : null}
          {fixed.procedure ? (
            <>
              <br />
              {fixed.procedure}
            </>
          ) : null}
        </p>
      ) : (
        <SelectField
          name="unit"
          label={t("survey.form.unit")}
          hint={t("survey.form.unitHint")}
          error={errors.unit}
          defaultValue={v("unit")}
          options={[
            { value: "", label: t("survey.form.chooseUnit") },
            ...place.units.map((u) => ({ value: String(u.id), label: u.name })),
          ]}
        />
      )}
      {place.procedureGroups.length ? (
        <SelectField
          name="procedure"
          label={t("survey.form.procedure")}
          marker
          hint={t("survey.form.procedureHint")}
          error={errors.procedure}
          defaultValue={v("procedure")}
          options={[{ value: "", label: t("survey.form.noProcedure") }]}
          groups={place.procedureGroups.map((g) => ({
            label: g.unit,
            options: g.procedures.map((p) => ({ value: String(p.id), label: p.name })),
          }))}
        />
      ) : null}
      {kind === "A" ? (
        <div className={`field${errors.dossier ? " field--error" : ""}`}>
          <label htmlFor="dossier">
            {t("survey.form.dossier")} <span className="q__opt">{t("survey.form.optional")}</span>
          </label>
          <span className="field__hint" id="dossier-hint">
            {t("survey.form.dossierHint")}
          </span>
          <ErrorLine id="dossier" error={errors.dossier} />
          <input
            type="text"
            id="dossier"
            name="dossier"
            maxLength={40}
            defaultValue={v("dossier")}
            aria-describedby={describe("dossier", true, errors.dossier)}
            spellCheck={false}
            autoCapitalize="characters"
          />
        </div>
      ) : null}
    </section>
  );
}
