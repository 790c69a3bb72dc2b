// The form for one question of a survey (adding or changing it): its code and block, its kind,
// its text and help in both languages, whether it must be answered, its options and length.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Checkbox, ErrorSummary, SelectField, TextArea, TextField } from "~/kernel/forms/fields";
import { ITEM_TYPES } from "~/features/survey/scales";
import { LangPair } from "./lang-pair";

/** The form's fields, in the order the error summary lists them. */
export const ITEM_FIELDS = [
  "code",
  "block",
  "type",
  "text_vi",
  "text_en",
  "help_vi",
  "help_en",
  "options",
  "max_length",
] as const;

export function ItemEditor({ values: v, errors }: { values: Record<string, string>; errors?: Record<string, string> }) {
  const { t } = useTranslation();
  const e = errors ?? {};
  return (
    <>
      <ErrorSummary errors={errors} order={[...ITEM_FIELDS]} />
      <Form method="post" noValidate>
        <TextField
          autoComplete="off"
          name="code"
          label={t("surveyStaff.item.code")}
          hint={t("surveyStaff.item.codeHint")}
          defaultValue={v.code}
          error={e.code}
          maxLength={32}
        />
        <TextField
          autoComplete="off"
          name="block"
          label={t("surveyStaff.item.block")}
          hint={t("surveyStaff.item.blockHint")}
          defaultValue={v.block}
          error={e.block}
          maxLength={20}
        />
        <SelectField
          name="type"
          label={t("surveyStaff.item.type")}
          defaultValue={v.type}
          error={e.type}
          options={ITEM_TYPES.map((x) => ({ value: x, label: t(`surveyStaff.types.${x}`) }))}
        />
        <LangPair
          name="text"
          labels={{ vi: t("surveyStaff.item.textVi"), en: t("surveyStaff.item.textEn") }}
          values={v}
          errors={e}
          rows={2}
        />
        <LangPair
          name="help"
          labels={{ vi: t("surveyStaff.item.helpVi"), en: t("surveyStaff.item.helpEn") }}
          values={v}
          errors={e}
        />
        <Checkbox name="required" label={t("surveyStaff.item.required")} defaultChecked={v.required === "on"} />
        <TextArea
          name="options"
          label={t("surveyStaff.item.options")}
          hint={t("surveyStaff.item.optionsHint")}
          defaultValue={v.options}
          error={e.options}
          rows={5}
        />
        <TextField
          autoComplete="off"
          name="max_length"
          label={t("surveyStaff.item.maxLength")}
          hint={t("surveyStaff.item.maxLengthHint")}
          defaultValue={v.max_length}
          error={e.max_length}
          inputMode="numeric"
        />
        <button type="submit" className="button">
          {t("surveyStaff.item.save")}
        </button>
      </Form>
    </>
  );
}
