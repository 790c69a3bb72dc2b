// Add (/items/new) or change one question of the latest version, while it has no response.
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { idParam } from "~/features/survey/items";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { Checkbox, ErrorSummary, SelectField, TextArea, TextField } from "~/kernel/forms/fields";
import { optionsToText, parseItemForm } from "~/features/survey/item-form";
import { ITEM_TYPES } from "~/features/survey/scales";
import { getItemForEdit, saveItem } from "~/features/survey/survey-items.server";
import staffCss from "~/styles/survey-staff.css";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import { clientOf, readFormData } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: ["admin", "office"], action: ["admin", "office"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — Hài Lòng` }];

const FIELDS = ["code", "block", "type", "text_vi", "text_en", "help_vi", "help_en", "options", "max_length"] as const;

function target(params: { id?: string; itemId?: string }) {
  const surveyId = idParam(params.id);
  const itemId = params.itemId === "new" ? null : idParam(params.itemId);
  if (!surveyId || (params.itemId !== "new" && !itemId)) throw new Response("Not found", { status: 404 });
  return { surveyId, itemId };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, access.loader!);
  const { t } = getT(request);
  const { surveyId, itemId } = target(params);
  let values: Record<string, string> = {
    code: "",
    block: "",
    type: "L5",
    text_vi: "",
    text_en: "",
    help_vi: "",
    help_en: "",
    options: "",
    max_length: "",
    required: "on",
  };
  if (itemId) {
    const it = await getItemForEdit(surveyId, itemId);
    if (!it) throw new Response("Not found", { status: 404 });
    values = {
      code: it.code,
      block: it.block,
      type: it.type,
      text_vi: it.text_vi,
      text_en: it.text_en,
      help_vi: it.help_vi ?? "",
      help_en: it.help_en ?? "",
      options: optionsToText(it.options),
      max_length: it.max_length ? String(it.max_length) : "",
      required: it.required ? "on" : "",
    };
  }
  return json({
    surveyId,
    title: itemId ? t("surveyStaff.item.titleEdit", { code: values.code }) : t("surveyStaff.item.titleNew"),
    values,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const { surveyId, itemId } = target(params);
  const values = Object.fromEntries(await readFormData(request)) as Record<string, string>;
  const parsed = parseItemForm(values);
  if (!parsed.ok) return json({ errors: parsed.errors, values }, { status: 400 });
  const r = await saveItem(user, clientOf(request), surveyId, itemId, parsed.data);
  if (r.ok) return redirect(`/staff/surveys/${surveyId}?done=item`);
  if (r.reason === "invalid") return json({ errors: r.errors, values }, { status: 400 });
  if (r.reason === "frozen") return json({ errors: { _form: "surveyStaff.errors.frozen" }, values }, { status: 409 });
  throw new Response("Not found", { status: 404 });
}

export default function EditItem() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const v = result?.values ?? d.values;
  const e: Record<string, string> = result?.errors ?? {};
  return (
    <div className="page page--narrow">
      <p>
        <Link to={`/staff/surveys/${d.surveyId}`}>{t("surveyStaff.back")}</Link>
      </p>
      <h1>{d.title}</h1>
      <ErrorSummary errors={result?.errors} order={[...FIELDS]} />
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
        <TextArea
          name="text_vi"
          label={t("surveyStaff.item.textVi")}
          defaultValue={v.text_vi}
          error={e.text_vi}
          rows={2}
        />
        <TextArea
          name="text_en"
          label={t("surveyStaff.item.textEn")}
          defaultValue={v.text_en}
          error={e.text_en}
          rows={2}
        />
        <TextField
          autoComplete="off"
          name="help_vi"
          label={t("surveyStaff.item.helpVi")}
          defaultValue={v.help_vi}
          error={e.help_vi}
        />
        <TextField
          autoComplete="off"
          name="help_en"
          label={t("surveyStaff.item.helpEn")}
          defaultValue={v.help_en}
          error={e.help_en}
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
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
