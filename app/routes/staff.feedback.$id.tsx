// One feedback case for staff: the facts, the sender (logged as a personal-data view), the
// deadlines, the log, and the steps the user's role allows from the current state.
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { parseForm } from "~/kernel/forms/parse";
import { isDbId } from "~/kernel/db/ids";
import { StaffActions } from "~/features/feedback/components/staff-actions";
import { StaffDetail } from "~/features/feedback/components/staff-detail";
import { recordAudit } from "~/kernel/audit.server";
import { actOnFeedback } from "~/features/feedback/feedback-actions.server";
import { senderFullCode } from "~/features/citizen-codes/citizen-code-mail.server";
import { assignmentChoices, getFeedbackForStaff } from "~/features/feedback/feedback-staff.server";
import { staffActionSchema } from "~/features/feedback/feedback-staff.schema";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import css from "~/styles/feedback.css";
import { clientOf, readFormData } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: ["admin", "office", "unit"], action: ["admin", "office", "unit"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

const parseId = (raw: string | undefined) => {
  const id = Number(raw);
  if (!isDbId(id)) throw new Response("Not found", { status: 404 });
  return id;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  const id = parseId(params.id);
  const detail = await getFeedbackForStaff(user, id, lng);
  if (!detail) throw new Response("Not found", { status: 404 });
  if (detail.contact)
    await recordAudit(clientOf(request), {
      agencyId: user.agencyId,
      actor: { id: user.id, email: user.email },
      action: "pii.view",
      entity: "feedback",
      entityId: id,
      details: { fields: ["contact"] },
    });
  const choices = detail.actions.includes("assign") ? await assignmentChoices(lng, user.agencyId) : null;
  // Office and admin may show the sender's full code, to read it out to a sender who calls
  // (docs/security/citizen-codes.md); each showing is logged as a personal-data view.
  const mayShowCode = user.role === "admin" || user.role === "office";
  let fullCode: string | null = null;
  if (mayShowCode && new URL(request.url).searchParams.get("showCode") === "1") {
    fullCode = await senderFullCode(user.agencyId, id);
    await recordAudit(clientOf(request), {
      agencyId: user.agencyId,
      actor: { id: user.id, email: user.email },
      action: "pii.view",
      entity: "feedback",
      entityId: id,
      details: { fields: ["access_key"] },
    });
  }
  return json({
    title: t("feedback.staff.detailTitle", { code: detail.feedback.code }),
    detail,
    choices,
    mayShowCode,
    fullCode,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Hài Lòng" }];

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const id = parseId(params.id);
  const form = Object.fromEntries(await readFormData(request));
  const parsed = parseForm(staffActionSchema, form, "feedback.errors.invalid");
  const intent = typeof form.intent === "string" ? form.intent : "";
  if (!parsed.ok) return json({ intent, errors: parsed.errors, values: form }, { status: 400 });
  const res = await actOnFeedback(clientOf(request), user, id, parsed.data);
  if (res.ok)
    return redirect(
      `/staff/feedback/${id}?done=${parsed.data.intent}${res.notified ? `&notified=${res.notified}` : ""}`,
    );
  if (res.reason === "not_found") throw new Response("Not found", { status: 404 });
  const status = res.reason === "role" ? 403 : res.reason === "state" ? 409 : 400;
  const errors =
    res.reason === "invalid" && res.field ? { [res.field]: res.message! } : { _form: `feedback.errors.${res.reason}` };
  return json({ intent, errors, values: form }, { status });
}

export default function StaffFeedbackDetail() {
  const { detail, choices, mayShowCode, fullCode } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const done = search.get("done");
  const notified = search.get("notified");
  return (
    <div className="page">
      <p>
        <Link to="/staff/feedback">{t("feedback.staff.back")}</Link>
      </p>
      <h1>{t("feedback.staff.detailTitle", { code: detail.feedback.code })}</h1>
      {fullCode ? (
        <p className="notice" data-testid="sender-full-code">
          {t("codes.staff.fullCode")}: <strong>{fullCode}</strong>
        </p>
      ) : mayShowCode ? (
        <p>
          <a href="?showCode=1">{t("codes.staff.showCode")}</a>
        </p>
      ) : null}
      {done && !result ? (
        <div className="notice notice--ok" role="status">
          <p>{t("feedback.staff.done", { step: t(`feedback.events.${done}`, { defaultValue: done }) })}</p>
          {notified === "emailed" ? (
            <p>{t("feedback.staff.emailed")}</p>
          ) : notified === "to_notify" ? (
            <p>{t("feedback.staff.toNotify")}</p>
          ) : null}
        </div>
      ) : null}
      <StaffDetail detail={detail} />
      <StaffActions detail={detail} choices={choices} result={result ?? null} />
    </div>
  );
}
