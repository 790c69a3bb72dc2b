// Add (/items/new) or change one question of the latest version, while it has no response.
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { idParam } from "~/features/survey/items";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { optionsToText, parseItemForm } from "~/features/survey/item-form";
import { ItemEditor } from "~/features/survey/components/item-editor";
import { getItemForEdit, saveItem } from "~/features/survey/survey-items.server";
import staffCss from "~/styles/survey-staff.css";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import { surveyHeader } from "~/features/survey/survey-links.server";
import { clientOf, readFormData } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: ["admin", "office"], action: ["admin", "office"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — Hài Lòng` }];

/** The survey and item of the address; a survey that is not the user's agency's is not found,
 * for "new" too (docs/rules/agencies.md). */
async function target(agencyId: number, params: { id?: string; itemId?: string }) {
  const surveyId = idParam(params.id);
  const itemId = params.itemId === "new" ? null : idParam(params.itemId);
  if (!surveyId || (params.itemId !== "new" && !itemId)) throw new Response("Not found", { status: 404 });
  if (!(await surveyHeader(agencyId, surveyId, "vi"))) throw new Response("Not found", { status: 404 });
  return { surveyId, itemId };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t } = getT(request);
  const { surveyId, itemId } = await target(user.agencyId, params);
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
    const it = await getItemForEdit(user.agencyId, surveyId, itemId);
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
  const { surveyId, itemId } = await target(user.agencyId, params);
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
  return (
    <div className="page page--narrow">
      <p>
        <Link to={`/staff/surveys/${d.surveyId}`}>{t("surveyStaff.back")}</Link>
      </p>
      <h1>{d.title}</h1>
      <ItemEditor values={v} errors={result?.errors} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
