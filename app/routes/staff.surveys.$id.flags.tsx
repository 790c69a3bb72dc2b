// Flagged responses of one survey per day and reasons (office, admin), and accepting a batch back
// so it counts again (office only; audited). Rules: docs/rules/flags.md.
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
import { clientOf, readFormData } from "~/kernel/http/request.server";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { ErrorSummary, TableWrap } from "~/kernel/forms/fields";
import { formatDate, formatDateTime, vnDay } from "~/kernel/time/clock";
import { parseBatch, parseRange } from "~/features/survey/flag-review";
import { idParam } from "~/features/survey/items";
import { acceptBatch, acceptedBatches, flaggedBatches, type FlaggedBatch } from "~/features/survey/flag-review.server";
import { surveyHeader } from "~/features/survey/survey-links.server";
import staffCss from "~/styles/survey-staff.css";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";

export const access: RouteAccess = { loader: ["admin", "office"], action: ["office"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} — Hài Lòng` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  const id = idParam(params.id);
  const survey = id ? await surveyHeader(user.agencyId, id, lng) : null;
  if (!survey) throw new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const asked = { from: url.searchParams.get("from"), to: url.searchParams.get("to") };
  const range = parseRange(asked, vnDay(new Date()));
  const base = {
    title: t("surveyFlags.title"),
    survey,
    canAccept: user.role === "office",
    values: { from: asked.from ?? "", to: asked.to ?? "" },
  };
  const accepted = (await acceptedBatches(survey.id)).map((a) => ({
    ...a,
    accepted_at: formatDateTime(new Date(a.accepted_at), lng),
  }));
  if (!range)
    return json(
      {
        ...base,
        errors: { from: "surveyFlags.errors.date" } as Record<string, string> | null,
        batches: [] as FlaggedBatch[],
        accepted,
      },
      { status: 400 },
    );
  const batches = await flaggedBatches(survey.id, range.from, range.to);
  return json({ ...base, values: range, errors: null as Record<string, string> | null, batches, accepted });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const id = idParam(params.id);
  const survey = id ? await surveyHeader(user.agencyId, id, "vi") : null;
  if (!survey) throw new Response("Not found", { status: 404 });
  const parsed = parseBatch(Object.fromEntries(await readFormData(request)));
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
  const out = await acceptBatch(user, clientOf(request), { surveyId: survey.id, ...parsed.data });
  if (!out.ok) return json({ errors: { _form: "surveyFlags.errors.empty" } }, { status: 409 });
  const back = new URL(request.url);
  back.searchParams.set("done", String(out.accepted));
  return redirect(`${back.pathname}${back.search}`);
}

export default function FlaggedResponses() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const done = params.get("done");
  const reasonText = (r: string) =>
    r
      .split("+")
      .map((x) => t(`surveyFlags.reasons.${x}`, { defaultValue: x }))
      .join("; ");
  return (
    <div className="page">
      <p>
        <Link to={`/staff/surveys/${d.survey.id}`}>{t("surveyStaff.back")}</Link>
      </p>
      <h1>
        {t("surveyFlags.title")}: {d.survey.title}
      </h1>
      <p>{t("surveyFlags.intro")}</p>
      {done && /^\d+$/.test(done) ? (
        <p className="notice notice--ok" role="status">
          {t("surveyFlags.accepted", { count: Number(done) })}
        </p>
      ) : null}
      <ErrorSummary errors={result?.errors ?? d.errors} />
      <Form method="get" className="actions-inline">
        <label htmlFor="from">{t("surveyFlags.from")}</label>{" "}
        <input type="date" id="from" name="from" defaultValue={d.values.from} />{" "}
        <label htmlFor="to">{t("surveyFlags.to")}</label>{" "}
        <input type="date" id="to" name="to" defaultValue={d.values.to} />{" "}
        <button type="submit" className="button button--secondary">
          {t("surveyFlags.show")}
        </button>
      </Form>
      {d.batches.length ? (
        <TableWrap label={t("surveyFlags.title")}>
          <table>
            <caption className="visually-hidden">{t("surveyFlags.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("surveyFlags.colDay")}</th>
                <th scope="col">{t("surveyFlags.colReasons")}</th>
                <th scope="col" className="num">
                  {t("surveyFlags.colResponses")}
                </th>
                {d.canAccept ? <th scope="col">{t("surveyFlags.colAction")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {d.batches.map((b) => (
                <tr key={`${b.day}|${b.reasons}`}>
                  <td>{formatDate(b.day)}</td>
                  <td>{reasonText(b.reasons)}</td>
                  <td className="num">{b.responses}</td>
                  {d.canAccept ? (
                    <td>
                      <Form method="post">
                        <input type="hidden" name="day" value={b.day} />
                        <input type="hidden" name="reasons" value={b.reasons} />
                        <label htmlFor={`note-${b.day}-${b.reasons}`}>{t("surveyFlags.note")}</label>{" "}
                        <input id={`note-${b.day}-${b.reasons}`} name="note" maxLength={500} />{" "}
                        <button type="submit" className="button button--secondary">
                          {t("surveyFlags.accept", { count: b.responses })}
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t("surveyFlags.none")}</p>
      )}
      {d.accepted.length ? (
        <section aria-labelledby="accepted-title">
          <h2 id="accepted-title">{t("surveyFlags.acceptedTitle")}</h2>
          <TableWrap label={t("surveyFlags.acceptedTitle")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("surveyFlags.colDay")}</th>
                  <th scope="col">{t("surveyFlags.colReasons")}</th>
                  <th scope="col" className="num">
                    {t("surveyFlags.colResponses")}
                  </th>
                  <th scope="col">{t("surveyFlags.colBy")}</th>
                  <th scope="col">{t("surveyFlags.colAt")}</th>
                  <th scope="col">{t("surveyFlags.colNote")}</th>
                </tr>
              </thead>
              <tbody>
                {d.accepted.map((a) => (
                  <tr key={a.id}>
                    <td>{formatDate(a.day)}</td>
                    <td>{reasonText(a.reasons)}</td>
                    <td className="num">{a.responses}</td>
                    <td>{a.accepted_by ?? "—"}</td>
                    <td>{a.accepted_at}</td>
                    <td>{a.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
