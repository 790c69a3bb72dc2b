// A printable A4 poster for one counter: the QR code (an SVG made on the server by `qrcode`)
// and the address written out for people who cannot scan.
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { idParam } from "~/features/survey/items";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { posterFor } from "~/features/survey/survey-links.server";
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
  const poster = id
    ? await posterFor(user, id, new URL(request.url).searchParams.get("c"), publicOrigin(request), lng)
    : null;
  if (!poster) throw new Response("Not found", { status: 404 });
  return json({ title: t("surveyStaff.poster.title"), poster });
}

export default function Poster() {
  const { poster: p } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page poster">
      <h1>{t("surveyStaff.poster.heading")}</h1>
      <p className="lead">
        <strong>{p.unit}</strong>
        {p.counter ? ` — ${t("surveyStaff.poster.counter", { counter: p.counter })}` : null}
      </p>
      {p.procedure ? <p>{p.procedure}</p> : null}
      <p>{p.survey.title}</p>
      <img
        className="poster__qr"
        src={p.qrDataUri}
        alt={t("surveyStaff.poster.qrAlt", { title: p.survey.title })}
        width={352}
        height={352}
      />
      <p className="lead">{t("surveyStaff.poster.scan")}</p>
      <p>{t("surveyStaff.poster.orOpen")}</p>
      <p className="poster__url">{p.url}</p>
      <p className="no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t("surveyStaff.poster.print")}
        </button>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
