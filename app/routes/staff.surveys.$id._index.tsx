// Managing one survey: its settings and dates, its versions, and the latest version's items
// (editable until the version has a response; then a new version is the way to change them).
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { idParam } from "~/features/survey/items";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { ItemsTable, SettingsForm, VersionsTable } from "~/features/survey/components/survey-admin-parts";
import { formatDateTime, toVnInput } from "~/kernel/time/clock";
import { fieldErrors, surveySettingsSchema } from "~/features/survey/item-form";
import { getSurveyAdmin, newVersion, publishLatest, updateSurveySettings } from "~/features/survey/survey-admin.server";
import { deleteItem, moveItem } from "~/features/survey/survey-items.server";
import staffCss from "~/styles/survey-staff.css";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { publicOrigin } from "~/kernel/http/public-url.server";
import { getT } from "~/kernel/http/i18n.server";
import { agencyPrefix } from "~/kernel/agency/agency.server";
import { surveyHeader } from "~/features/survey/survey-links.server";
import { clientOf, readFormData } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: ["admin", "office"], action: ["admin", "office"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — Hài Lòng` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { lng } = getT(request);
  const id = idParam(params.id);
  const data = id ? await getSurveyAdmin(user.agencyId, id) : null;
  if (!data) throw new Response("Not found", { status: 404 });
  const { survey: s, versions, latest, items } = data;
  // The agency's own public address: its prefix, none for the default agency (docs/rules/agencies.md).
  const prefix = await agencyPrefix(user.agencyId);
  return json({
    id: s.id,
    title: lng === "en" ? s.title_en : s.title_vi,
    publicUrl: `${publicOrigin(request)}${prefix ? `/${prefix}` : ""}/s/${s.slug}`,
    settings: {
      title_vi: s.title_vi,
      title_en: s.title_en,
      intro_vi: s.intro_vi,
      intro_en: s.intro_en,
      opens_at: s.opens_at ? toVnInput(new Date(s.opens_at)) : "",
      closes_at: s.closes_at ? toVnInput(new Date(s.closes_at)) : "",
      active: s.active,
    },
    versions: versions.map((v) => ({
      id: v.id,
      version: v.version,
      published: v.published_at ? formatDateTime(new Date(v.published_at), lng) : null,
      frozen: v.frozen,
      responses: Number(v.responses ?? 0),
    })),
    latest: latest ? { version: latest.version, published: !!latest.published_at, frozen: latest.frozen } : null,
    items: items.map((i) => ({
      id: i.id,
      code: i.code,
      block: i.block,
      type: i.type,
      required: i.required,
      text: lng === "en" ? i.text_en : i.text_vi,
    })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const id = idParam(params.id);
  // Another agency's survey is not found, whatever the form says (docs/rules/agencies.md).
  if (!id || !(await surveyHeader(user.agencyId, id, "vi"))) throw new Response("Not found", { status: 404 });
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const back = (done: string) => redirect(`/staff/surveys/${id}?done=${done}`);
  if (intent === "settings") {
    const values = Object.fromEntries(form) as Record<string, string>;
    const parsed = surveySettingsSchema.safeParse(values);
    if (!parsed.success) {
      const kept = {
        title_vi: "",
        title_en: "",
        intro_vi: "",
        intro_en: "",
        opens_at: "",
        closes_at: "",
        ...values,
        active: values.active === "on",
      };
      return json({ errors: fieldErrors(parsed.error), message: null, values: kept }, { status: 400 });
    }
    if (!(await updateSurveySettings(user, clientOf(request), id, parsed.data)))
      throw new Response("Not found", { status: 404 });
    return back("saved");
  }
  if (intent === "publish" || intent === "new_version") {
    const r =
      intent === "publish"
        ? await publishLatest(user, clientOf(request), id)
        : await newVersion(user, clientOf(request), id);
    if (r.ok) return back(`${intent === "publish" ? "published" : "version"}-${r.version}`);
    if (r.reason === "not_found") throw new Response("Not found", { status: 404 });
    return json(
      {
        errors: null,
        message: r.reason === "no_items" ? "surveyStaff.errors.noItems" : "surveyStaff.errors.frozen",
        values: null,
      },
      { status: 409 },
    );
  }
  const itemId = idParam(String(form.get("itemId") ?? ""));
  if ((intent === "move" || intent === "delete") && itemId) {
    const r =
      intent === "move"
        ? await moveItem(user, clientOf(request), id, itemId, form.get("dir") === "-1" ? -1 : 1)
        : await deleteItem(user, clientOf(request), id, itemId);
    if (r.ok) return back(intent === "delete" ? "deleted" : "moved");
    if (r.reason === "frozen")
      return json({ errors: null, message: "surveyStaff.errors.frozen", values: null }, { status: 409 });
    throw new Response("Not found", { status: 404 });
  }
  throw new Response("Bad request", { status: 400 });
}

function DoneNotice() {
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const done = params.get("done") ?? "";
  const [what, n] = done.split("-");
  const text =
    what === "saved"
      ? t("surveyStaff.edit.saved")
      : what === "published"
        ? t("surveyStaff.edit.published", { n })
        : what === "version"
          ? t("surveyStaff.edit.versionCreated", { n })
          : what === "deleted"
            ? t("surveyStaff.edit.itemDeleted")
            : what === "item"
              ? t("surveyStaff.edit.itemSaved")
              : null;
  return text ? (
    <p className="notice notice--ok" role="status">
      {text}
    </p>
  ) : null;
}

export default function ManageSurvey() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const latest = d.latest;
  return (
    <div className="page">
      <h1>{d.title}</h1>
      <DoneNotice />
      {result?.message ? (
        <p className="notice notice--warn" role="alert">
          {t(result.message)}
        </p>
      ) : null}
      <p>{t("surveyStaff.edit.publicLink", { url: d.publicUrl })}</p>
      <p className="actions-inline">
        <Link to={`/staff/surveys/${d.id}/preview`}>{t("surveyStaff.edit.preview", { n: latest?.version ?? 1 })}</Link>
        <Link to={`/staff/surveys/${d.id}/links`}>{t("surveyStaff.edit.links")}</Link>
        <Link to={`/staff/surveys/${d.id}/flags`}>{t("surveyFlags.link")}</Link>
      </p>

      <h2>{t("surveyStaff.edit.versions")}</h2>
      <VersionsTable versions={d.versions} />
      {latest && !latest.published ? (
        <Form method="post">
          <input type="hidden" name="intent" value="publish" />
          <p className="muted">{t("surveyStaff.edit.publishNote")}</p>
          <button type="submit" className="button">
            {t("surveyStaff.edit.publish", { n: latest.version })}
          </button>
        </Form>
      ) : null}

      {latest ? <h2>{t("surveyStaff.edit.items", { n: latest.version })}</h2> : null}
      {latest?.frozen ? (
        <Form method="post" className="notice">
          <input type="hidden" name="intent" value="new_version" />
          <p>{t("surveyStaff.edit.frozenNote", { n: latest.version })}</p>
          <button type="submit" className="button button--secondary">
            {t("surveyStaff.edit.newVersion", { n: latest.version + 1, from: latest.version })}
          </button>
        </Form>
      ) : (
        <p>
          <Link to={`/staff/surveys/${d.id}/items/new`} className="button button--secondary">
            {t("surveyStaff.edit.addItem")}
          </Link>
        </p>
      )}
      <ItemsTable surveyId={d.id} items={d.items} editable={!!latest && !latest.frozen} />

      <h2>{t("surveyStaff.edit.settings")}</h2>
      <SettingsForm values={result?.values ?? d.settings} errors={result?.errors ?? undefined} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
