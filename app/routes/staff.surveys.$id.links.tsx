// Making signed links for a unit and counter: a QR poster, a kiosk tablet, or a link to send.
// A GET form: a link is computed, nothing is stored, so nothing needs an audit entry.
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { idParam } from "~/features/survey/items";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { ErrorSummary, Radios, SelectField, TextField } from "~/kernel/forms/fields";
import { makeLink, placesFor, surveyHeader } from "~/features/survey/survey-links.server";
import staffCss from "~/styles/survey-staff.css";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import { publicOrigin } from "~/kernel/http/public-url.server";

export const access: RouteAccess = { loader: ["admin", "office", "unit"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — Hài Lòng` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  const id = idParam(params.id);
  const survey = id ? await surveyHeader(user.agencyId, id, lng) : null;
  if (!survey) throw new Response("Not found", { status: 404 });
  const query = Object.fromEntries(new URL(request.url).searchParams) as Record<string, string>;
  const asked = "unit" in query;
  const made = asked ? await makeLink(user, survey.slug, query) : null;
  const link = made?.ok
    ? {
        url: `${publicOrigin(request)}${made.path}`,
        path: made.path,
        kiosk: made.context.ch === "kiosk",
        poster: `/staff/surveys/${survey.id}/poster?c=${made.path.split("?c=")[1]}`,
      }
    : null;
  return json({
    title: t("surveyStaff.links.title"),
    survey,
    places: await placesFor(user, lng),
    values: query,
    errors: made && !made.ok ? made.errors : null,
    link,
  });
}

export default function SurveyLinks() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const e = d.errors ?? {};
  return (
    <div className="page page--narrow">
      <p>
        <Link to="/staff/surveys">{t("surveyStaff.back")}</Link>
      </p>
      <h1>
        {t("surveyStaff.links.title")}: {d.survey.title}
      </h1>
      <p>{t("surveyStaff.links.intro")}</p>
      <ErrorSummary errors={d.errors} order={["unit", "counter", "channel", "procedure"]} />
      <Form method="get" noValidate>
        <SelectField
          name="unit"
          label={t("surveyStaff.links.unit")}
          defaultValue={d.values.unit}
          error={e.unit}
          options={[{ value: "", label: t("surveyStaff.links.chooseUnit") }, ...d.places.units]}
        />
        <TextField
          autoComplete="off"
          name="counter"
          label={t("surveyStaff.links.counter")}
          hint={t("surveyStaff.links.counterHint")}
          defaultValue={d.values.counter}
          error={e.counter}
          maxLength={20}
        />
        <Radios
          name="channel"
          label={t("surveyStaff.links.channel")}
          defaultValue={d.values.channel ?? "qr"}
          error={e.channel}
          options={[
            { value: "qr", label: t("surveyStaff.links.channelQr") },
            { value: "kiosk", label: t("surveyStaff.links.channelKiosk") },
            { value: "web", label: t("surveyStaff.links.channelWeb") },
          ]}
        />
        <SelectField
          name="procedure"
          label={t("surveyStaff.links.procedure")}
          defaultValue={d.values.procedure}
          error={e.procedure}
          options={[{ value: "", label: t("surveyStaff.links.anyProcedure") }]}
          groups={d.places.procedureGroups}
        />
        <button type="submit" className="button">
          {t("surveyStaff.links.make")}
        </button>
      </Form>
      {d.link ? (
        <section aria-labelledby="link-title" className="notice notice--ok">
          <h2 id="link-title">{t("surveyStaff.links.result")}</h2>
          <p className="link-box">{d.link.url}</p>
          <p className="actions-inline">
            <a href={d.link.poster} className="button button--secondary">
              {t("surveyStaff.links.poster")}
            </a>
            {d.link.kiosk ? (
              <a href={d.link.path} className="button button--secondary">
                {t("surveyStaff.links.openKiosk")}
              </a>
            ) : null}
          </p>
          {d.link.kiosk ? <p>{t("surveyStaff.links.kioskNote")}</p> : null}
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
