// Where the service was given: named by a signed counter link, or chosen by the citizen from
// short lists. Form A also asks for the optional dossier code.
import { useTranslation } from "react-i18next";
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
        <div className={`field${errors.unit ? " field--error" : ""}`}>
          <label htmlFor="unit">{t("survey.form.unit")}</label>
          <span className="field__hint" id="unit-hint">
            {t("survey.form.unitHint")}
          </span>
          <ErrorLine id="unit" error={errors.unit} />
          <select
            id="unit"
            name="unit"
            defaultValue={v("unit")}
            aria-describedby={describe("unit", true, errors.unit)}
            aria-invalid={errors.unit ? true : undefined}
          >
            <option value="">{t("survey.form.chooseUnit")}</option>
            {place.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {place.procedureGroups.length ? (
        <div className={`field${errors.procedure ? " field--error" : ""}`}>
          <label htmlFor="procedure">
            {t("survey.form.procedure")} <span className="q__opt">{t("survey.form.optional")}</span>
          </label>
          <span className="field__hint" id="procedure-hint">
            {t("survey.form.procedureHint")}
          </span>
          <ErrorLine id="procedure" error={errors.procedure} />
          <select
            id="procedure"
            name="procedure"
            defaultValue={v("procedure")}
            aria-describedby={describe("procedure", true, errors.procedure)}
            aria-invalid={errors.procedure ? true : undefined}
          >
            <option value="">{t("survey.form.noProcedure")}</option>
            {place.procedureGroups.map((g) => (
              <optgroup key={g.unit} label={g.unit}>
                {g.procedures.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
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
