// TT 01 indicators 2, 5, 6 and 9 for one report period, entered by the Office from the one-stop
// system (docs/rules/tt01.md). Each save is audited with the old and new scores.
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
import { clientOf, readFormData } from "~/kernel/http/request.server";
import { ErrorSummary, TextField } from "~/kernel/forms/fields";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import type { PeriodKind } from "~/features/reports/report-periods";
import { parseScore, STAFF_INDICATORS } from "~/features/reports/tt01";
import { saveStaffScores, staffScores } from "~/features/reports/tt01-scores.server";
import staffCss from "~/styles/survey-staff.css";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";

export const access: RouteAccess = { loader: ["admin", "office"], action: ["admin", "office"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — Hài Lòng` }];

function periodOf(param: string | undefined): { year: number; kind: PeriodKind } {
  const m = /^(\d{4})-(Q1|Q2|Q3|Q4|H1|M9|Y)$/.exec(param ?? "");
  if (!m || Number(m[1]) < 2000 || Number(m[1]) > 2100) throw new Response("Not found", { status: 404 });
  return { year: Number(m[1]), kind: m[2] as PeriodKind };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const period = periodOf(params.period);
  const { t } = getT(request);
  const rows = await staffScores(user.agencyId, period);
  const values: Record<string, string> = {};
  for (const r of rows) {
    values[`score_${r.indicator}`] = (r.score_tenths / 10).toFixed(1);
    values[`note_${r.indicator}`] = r.note;
  }
  const name = t("dashboard.periodLabel", { kind: t(`dashboard.periodKinds.${period.kind}`), year: period.year });
  return json({
    title: t("tt01.scores.title", { period: name }),
    values,
    key: `${period.year}-${period.kind}`,
    saved: new URL(request.url).searchParams.has("saved"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const period = periodOf(params.period);
  const form = await readFormData(request);
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const entries = STAFF_INDICATORS.map((no) => {
    const raw = String(form.get(`score_${no}`) ?? "");
    const note = String(form.get(`note_${no}`) ?? "").trim();
    values[`score_${no}`] = raw;
    values[`note_${no}`] = note;
    const tenths = raw.trim() ? parseScore(raw) : null;
    if (raw.trim() && tenths === null) errors[`score_${no}`] = "tt01.scores.errors.score";
    if (note.length > 500) errors[`note_${no}`] = "tt01.scores.errors.note";
    return { indicator: no, tenths, note };
  });
  if (Object.keys(errors).length) return json({ errors, values }, { status: 400 });
  const saved = await saveStaffScores(user, clientOf(request), period, entries);
  if (!saved.ok) throw new Response("Bad indicator", { status: 400 });
  return redirect(`/staff/tt01/${period.year}-${period.kind}?saved=1`);
}

export default function Tt01Scores() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const e: Record<string, string> = result?.errors ?? {};
  const v: Record<string, string> = result?.values ?? d.values;
  return (
    <div className="page page--narrow">
      <p>
        <Link to={`/staff/reports/${d.key}`}>{t("tt01.scores.back")}</Link>
      </p>
      <h1>{d.title}</h1>
      <p>{t("tt01.scores.intro")}</p>
      {d.saved && !result ? (
        <p className="notice notice--ok" role="status">
          {t("tt01.scores.saved")}
        </p>
      ) : null}
      <ErrorSummary errors={result?.errors} order={STAFF_INDICATORS.flatMap((n) => [`score_${n}`, `note_${n}`])} />
      <Form method="post" noValidate>
        {STAFF_INDICATORS.map((no) => (
          <fieldset key={no} className="fieldset">
            <legend>
              {no}. {t(`tt01.names.${no}`)}
            </legend>
            <TextField
              autoComplete="off"
              name={`score_${no}`}
              label={t("tt01.scores.score", { no, name: t(`tt01.names.${no}`) })}
              defaultValue={v[`score_${no}`]}
              error={e[`score_${no}`]}
              inputMode="text"
              maxLength={4}
            />
            <TextField
              autoComplete="off"
              name={`note_${no}`}
              label={t("tt01.scores.note", { no })}
              defaultValue={v[`note_${no}`]}
              error={e[`note_${no}`]}
              maxLength={500}
            />
          </fieldset>
        ))}
        <button type="submit" className="button">
          {t("tt01.scores.save")}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
