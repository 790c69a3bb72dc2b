// Parts of the survey management page: the title fields (also on the new-survey form), the settings
// form, the versions table and the items table.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Checkbox, ErrorSummary, TableWrap, TextField } from "~/kernel/forms/fields";
import { LangPair } from "./lang-pair";

/** A survey's title in both languages: on the new-survey form and in the settings. */
export function TitleFields({
  values,
  errors,
}: {
  values: { title_vi?: string; title_en?: string };
  errors: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <LangPair
        name="title"
        labels={{ vi: t("surveyStaff.create.titleVi"), en: t("surveyStaff.create.titleEn") }}
        values={values}
        errors={errors}
        maxLength={200}
      />
    </>
  );
}

export interface SettingsValues {
  title_vi: string;
  title_en: string;
  intro_vi: string;
  intro_en: string;
  opens_at: string;
  closes_at: string;
  active: boolean;
}

export function SettingsForm({ values, errors }: { values: SettingsValues; errors?: Record<string, string> }) {
  const { t } = useTranslation();
  const e = errors ?? {};
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="settings" />
      <ErrorSummary errors={errors} order={["title_vi", "title_en", "intro_vi", "intro_en", "opens_at", "closes_at"]} />
      <TitleFields values={values} errors={e} />
      <LangPair
        name="intro"
        labels={{ vi: t("surveyStaff.edit.introVi"), en: t("surveyStaff.edit.introEn") }}
        values={values}
        errors={e}
        rows={3}
      />
      <TextField
        autoComplete="off"
        type="datetime-local"
        name="opens_at"
        label={t("surveyStaff.edit.opensAt")}
        hint={t("surveyStaff.edit.dateHint")}
        defaultValue={values.opens_at}
        error={e.opens_at}
      />
      <TextField
        autoComplete="off"
        type="datetime-local"
        name="closes_at"
        label={t("surveyStaff.edit.closesAt")}
        hint={t("surveyStaff.edit.dateHint")}
        defaultValue={values.closes_at}
        error={e.closes_at}
      />
      <Checkbox name="active" label={t("surveyStaff.edit.active")} defaultChecked={values.active} />
      <button type="submit" className="button">
        {t("surveyStaff.edit.save")}
      </button>
    </Form>
  );
}

export interface VersionRow {
  id: number;
  version: number;
  published: string | null;
  frozen: boolean;
  responses: number;
}

export function VersionsTable({ versions }: { versions: VersionRow[] }) {
  const { t } = useTranslation();
  return (
    <TableWrap label={t("surveyStaff.edit.versions")}>
      <table>
        <caption className="visually-hidden">{t("surveyStaff.edit.versions")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("surveyStaff.edit.colVersion")}</th>
            <th scope="col">{t("surveyStaff.edit.colPublished")}</th>
            <th scope="col">{t("surveyStaff.edit.colFrozen")}</th>
            <th scope="col" className="num">
              {t("surveyStaff.list.colResponses")}
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id}>
              <td>{v.version}</td>
              <td>{v.published ?? t("surveyStaff.edit.notPublished")}</td>
              <td>{v.frozen ? t("surveyStaff.edit.frozen") : t("surveyStaff.edit.editable")}</td>
              <td className="num">{v.responses}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export interface ItemRow {
  id: number;
  code: string;
  block: string;
  type: string;
  required: boolean;
  text: string;
}

function ItemAction({
  intent,
  itemId,
  label,
  text,
  extra,
}: {
  intent: string;
  itemId: number;
  label: string;
  text: string;
  extra?: Record<string, string>;
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="itemId" value={itemId} />
      {Object.entries(extra ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" className="button button--secondary button--small" aria-label={label}>
        {text}
      </button>
    </Form>
  );
}

export function ItemsTable({ surveyId, items, editable }: { surveyId: number; items: ItemRow[]; editable: boolean }) {
  const { t } = useTranslation();
  return (
    <TableWrap label={t("surveyStaff.edit.colText")}>
      <table>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t("surveyStaff.edit.colPos")}
            </th>
            <th scope="col">{t("surveyStaff.edit.colCode")}</th>
            <th scope="col">{t("surveyStaff.edit.colBlock")}</th>
            <th scope="col">{t("surveyStaff.edit.colType")}</th>
            <th scope="col">{t("surveyStaff.edit.colRequired")}</th>
            <th scope="col">{t("surveyStaff.edit.colText")}</th>
            {editable ? <th scope="col">{t("surveyStaff.edit.colActions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((it, i) => (
            <tr key={it.id}>
              <td className="num">{i + 1}</td>
              <td>{it.code}</td>
              <td>{it.block}</td>
              <td>{t(`surveyStaff.types.${it.type}`)}</td>
              <td>{it.required ? t("surveyStaff.yes") : t("surveyStaff.no")}</td>
              <td>{it.text}</td>
              {editable ? (
                <td>
                  <span className="actions-inline">
                    <Link
                      to={`/staff/surveys/${surveyId}/items/${it.id}`}
                      aria-label={t("surveyStaff.edit.editLabel", { code: it.code })}
                    >
                      {t("surveyStaff.edit.editItem")}
                    </Link>
                    {i > 0 ? (
                      <ItemAction
                        intent="move"
                        itemId={it.id}
                        extra={{ dir: "-1" }}
                        label={t("surveyStaff.edit.upLabel", { code: it.code })}
                        text={t("surveyStaff.edit.up")}
                      />
                    ) : null}
                    {i < items.length - 1 ? (
                      <ItemAction
                        intent="move"
                        itemId={it.id}
                        extra={{ dir: "1" }}
                        label={t("surveyStaff.edit.downLabel", { code: it.code })}
                        text={t("surveyStaff.edit.down")}
                      />
                    ) : null}
                    <ItemAction
                      intent="delete"
                      itemId={it.id}
                      label={t("surveyStaff.edit.deleteLabel", { code: it.code })}
                      text={t("surveyStaff.edit.delete")}
                    />
                  </span>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
