// Retention, for the admin: what the daily job would erase if it ran now (a dry run: counts per
// kind and the cases by code, no personal data), and a button to run it now.
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { TableWrap } from "~/kernel/forms/fields";
import { formatDate, formatDateTime } from "~/kernel/time/clock";
import { RETENTION_KINDS } from "~/features/privacy/privacy-retention";
import { previewRetention, runRetention } from "~/features/privacy/privacy-retention.server";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import css from "~/styles/privacy.css";
import { clientOf } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: ["admin"], action: ["admin"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  // An agency's admin sees and runs its own agency's expiry only; the schedule runs every agency's.
  const p = await previewRetention(new Date(), user.agencyId);
  return json({
    title: t("privacy.retention.title"),
    months: p.months,
    cutoff: formatDate(p.cutoff, lng),
    counts: p.counts,
    items: p.items
      .slice(0, 200)
      .map((i) => ({ key: `${i.kind}-${i.id}`, kind: i.kind, code: i.code, endedAt: formatDateTime(i.endedAt, lng) })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} — Hài Lòng` : "Hài Lòng" },
];

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const res = await runRetention({
    agencyId: user.agencyId,
    by: { actor: { id: user.id, email: user.email }, client: clientOf(request) },
  });
  if (!res.ran) return redirect("/staff/privacy/retention?busy=1", 303);
  const c = res.counts;
  return redirect(
    `/staff/privacy/retention?r=${c.dialogue_registration}&f=${c.feedback_contact}&q=${c.privacy_request}`,
    303,
  );
}

export default function StaffRetention() {
  const { months, cutoff, counts, items } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const ran = params.has("r");
  const total = RETENTION_KINDS.reduce((a, k) => a + counts[k], 0);
  return (
    <div className="page">
      <h1>{t("privacy.retention.heading")}</h1>
      {ran ? (
        <div className="notice notice--ok" role="status">
          <p>
            {t("privacy.retention.ran", {
              registrations: params.get("r"),
              feedback: params.get("f"),
              requests: params.get("q"),
            })}
          </p>
        </div>
      ) : null}
      {params.has("busy") ? (
        <div className="notice notice--warn" role="status">
          <p>{t("privacy.retention.busy")}</p>
        </div>
      ) : null}
      <p>{t("privacy.retention.intro", { months, cutoff })}</p>
      <TableWrap label={t("privacy.retention.countsCaption")}>
        <table>
          <caption className="visually-hidden">{t("privacy.retention.countsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("privacy.retention.kind")}</th>
              <th scope="col">{t("privacy.retention.count")}</th>
            </tr>
          </thead>
          <tbody>
            {RETENTION_KINDS.map((k) => (
              <tr key={k}>
                <td>{t(`privacy.retention.kinds.${k}`)}</td>
                <td>{counts[k]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {items.length ? (
        <TableWrap label={t("privacy.retention.itemsCaption")}>
          <table>
            <caption className="visually-hidden">{t("privacy.retention.itemsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("privacy.retention.kind")}</th>
                <th scope="col">{t("privacy.retention.code")}</th>
                <th scope="col">{t("privacy.retention.endedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.key}>
                  <td>{t(`privacy.retention.kinds.${i.kind}`)}</td>
                  <td>
                    <code>{i.code}</code>
                  </td>
                  <td>{i.endedAt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p className="notice">{t("privacy.retention.none")}</p>
      )}
      {total ? (
        <Form method="post">
          <button type="submit" className="button">
            {t("privacy.retention.run")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
