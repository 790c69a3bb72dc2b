// One personal data request: the data it is about and, for a correction, what the person asked
// for; then fulfil it or refuse it with a reason. Showing the data is a view of personal data
// and is logged (pii.view) on every load.
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { ErrorSummary } from "~/kernel/forms/fields";
import { RequestDecision } from "~/features/privacy/components/request-decision";
import { formatDateTime } from "~/kernel/time/clock";
import { parseForm } from "~/kernel/forms/parse";
import { deadlineState } from "~/features/privacy/privacy-deadline";
import { recordAudit } from "~/kernel/audit.server";
import { fulfilRequest, getRequest, refuseRequest } from "~/features/privacy/privacy-staff.server";
import { subjectData } from "~/features/privacy/privacy-subject.server";
import { refuseSchema } from "~/features/privacy/privacy.schema";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import { publicOrigin } from "~/kernel/http/public-url.server";
import css from "~/styles/privacy.css";
import { clientOf, readFormData } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: ["admin", "office"], action: ["admin", "office"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

function requestId(raw: string | undefined): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0 || id > 2 ** 31 - 1) throw new Response("Not found", { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  const id = requestId(params.id);
  const r = await getRequest(user.agencyId, id);
  if (!r) throw new Response("Not found", { status: 404 });
  const data = await subjectData({ kind: r.subject_kind, id: r.subject_id }, lng);
  await recordAudit(clientOf(request), {
    agencyId: user.agencyId,
    actor: { id: user.id, email: user.email },
    action: "pii.view",
    entity: r.subject_kind,
    entityId: r.subject_id,
    details: { via: "privacy_request", requestId: r.id, fields: r.requested ? ["current", "requested"] : ["current"] },
  });
  return json({
    title: t("privacy.detail.title", { id: r.id }),
    request: {
      id: r.id,
      kind: r.kind,
      subjectKind: r.subject_kind,
      code: r.subject_code,
      status: r.status,
      received: formatDateTime(r.received_at, lng),
      due: formatDateTime(r.due_at, lng),
      state: deadlineState(r.due_at, new Date()),
      decided: r.decided_at ? formatDateTime(r.decided_at, lng) : null,
      refuseReason: r.refuse_reason,
      requested: r.requested,
    },
    data: data ? { erased: data.erased, fields: data.fields } : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} — Hài Lòng` : "Hài Lòng" },
];

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const id = requestId(params.id);
  const fd = await readFormData(request);
  const actor = { id: user.id, email: user.email };
  if (fd.get("intent") === "refuse") {
    const parsed = parseForm(refuseSchema, fd, "privacy.errors.reasonRequired");
    if (!parsed.ok) return json({ errors: parsed.errors, reason: String(fd.get("reason") ?? "") }, 400);
    const res = await refuseRequest(clientOf(request), actor, user.agencyId, id, parsed.data.reason);
    if (!res.ok && res.reason === "not_found") throw new Response("Not found", { status: 404 });
    return redirect(`/staff/privacy/${id}?done=${res.ok ? "refused" : "decided"}`, 303);
  }
  if (fd.get("intent") !== "fulfil") return json({ errors: { _form: "staff.errors.invalid" }, reason: "" }, 400);
  const res = await fulfilRequest(clientOf(request), actor, user.agencyId, id, { baseUrl: publicOrigin(request) });
  if (!res.ok && res.reason === "not_found") throw new Response("Not found", { status: 404 });
  return redirect(`/staff/privacy/${id}?done=${res.ok ? "fulfilled" : "decided"}`, 303);
}

const DONE: Record<string, string> = {
  fulfilled: "privacy.detail.fulfilled",
  refused: "privacy.detail.refused",
  decided: "privacy.detail.alreadyDecided",
};

export default function StaffPrivacyRequest() {
  const { request: r, data } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const done = DONE[params.get("done") ?? ""];
  return (
    <div className="page">
      <ErrorSummary errors={result?.errors} order={["reason"]} />
      <p>
        <a href="/staff/privacy">{t("privacy.detail.back")}</a>
      </p>
      <h1>{t("privacy.detail.heading", { kind: t(`privacy.requestKinds.${r.kind}`), code: r.code })}</h1>
      {done ? (
        <div className="notice notice--ok" role="status">
          <p>{t(done)}</p>
        </div>
      ) : null}
      <RequestDecision request={r} data={data} errors={result?.errors ?? {}} reason={result?.reason ?? ""} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
