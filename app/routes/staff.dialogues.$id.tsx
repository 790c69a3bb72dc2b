// Staff: one session — state changes, details (a change of time or place is sent to every
// registrant), registrants with their contact details (office and admin only, each view logged),
// registering someone on their behalf, and the call list when email cannot reach people.
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextArea } from "~/kernel/forms/fields";
import { CallList, OnBehalfForm, Registrants, SettleAll } from "~/features/dialogue/components/registrants";
import { SessionFacts, StatusTag } from "~/features/dialogue/components/session-facts";
import { SessionForm } from "~/features/dialogue/components/session-form";
import { StaffTabs } from "~/features/dialogue/components/staff-tabs";
import { availableTransitions, isEditable, type Transition } from "~/features/dialogue/dialogue-state";
import { recordAudit } from "~/kernel/audit.server";
import { agencyProcedures } from "~/features/dialogue/dialogue-choices.server";
import { agencyPrefix } from "~/kernel/agency/agency.server";
import { agencyPath } from "~/kernel/agency/agency-path";
import { callList, deliverNotices, noticeCounts } from "~/features/dialogue/dialogue-notify.server";
import { fullCode } from "~/features/citizen-codes/citizen-code";
import { listRegistrants, seatCounts } from "~/features/dialogue/dialogue-registrants.server";
import { runSettleAction } from "~/features/dialogue/dialogue-settle-actions.server";
import { getSession, noticeDays, sessionProcedures } from "~/features/dialogue/dialogue-session.server";
import { sessionView } from "~/features/dialogue/dialogue-view";
import { runSessionAction } from "~/features/dialogue/dialogue-actions.server";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import css from "~/styles/dialogue.css";
import { publicOrigin } from "~/kernel/http/public-url.server";
import { clientOf, fieldsOf, readFormData } from "~/kernel/http/request.server";
import { procedureIds } from "~/features/dialogue/dialogue-staff.schema";

export const access: RouteAccess = { loader: ["admin", "office", "unit", "viewer"], action: ["admin", "office"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

// The account's agency's session only (user.agencyId): another agency's id is 404, as if it did not exist.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { lng } = getT(request);
  const s = await getSession(user.agencyId, Number(params.id));
  if (!s) throw new Response("Not found", { status: 404 });
  const manage = user.role === "admin" || user.role === "office";
  const [counts, notices, procedures, allProcedures, days, prefix] = await Promise.all([
    seatCounts(s.id),
    noticeCounts(user.agencyId, s.id),
    sessionProcedures(user.agencyId, s.id, lng),
    manage ? agencyProcedures(user.agencyId, lng) : Promise.resolve([]),
    noticeDays(user.agencyId),
    agencyPrefix(user.agencyId),
  ]);
  let registrants = null;
  let calls = null;
  let writes = null;
  if (manage) {
    const rows = await listRegistrants(s.id);
    // The full code, for office staff to read out to a registrant who calls (docs/security/citizen-codes.md).
    registrants = rows.map(({ access_key, ...r }) => ({
      ...r,
      code: fullCode(r.code, access_key),
      place: r.place === null ? null : Number(r.place),
    }));
    // People with no phone cannot be on a list to phone: their email goes out by hand instead.
    const all = await callList(user.agencyId, s.id);
    calls = all.filter((c) => c.phone);
    writes = all.filter((c) => !c.phone);
    if (rows.length || all.length) {
      await recordAudit(clientOf(request), {
        agencyId: user.agencyId,
        actor: { id: user.id, email: user.email },
        action: "pii.view",
        entity: "dialogue_session",
        entityId: s.id,
        details: { registrations: rows.map((r) => r.id), calls: all.map((c) => c.id) },
      });
    }
  }
  return json({
    role: user.role,
    manage,
    publicPath: agencyPath(prefix, `/dialogues/${s.id}`),
    session: {
      ...sessionView(s, lng),
      titleVi: s.title_vi,
      titleEn: s.title_en,
      descriptionVi: s.description_vi,
      descriptionEn: s.description_en,
      procedureIds: s.procedureIds,
    },
    procedures,
    allProcedures,
    noticeDays: days,
    counts,
    notices,
    transitions: manage ? availableTransitions(s.status) : [],
    editable: manage && isEditable(s.status),
    registrants,
    calls,
    writes,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.session.title ?? "Hài Lòng" }];

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const s = await getSession(user.agencyId, Number(params.id));
  if (!s) throw new Response("Not found", { status: 404 });
  const fd = await readFormData(request);
  const form = {
    intent: String(fd.get("intent") ?? ""),
    fields: fieldsOf(fd),
    procedureIds: procedureIds(fd.getAll("procedure_ids")),
  };
  const client = clientOf(request);
  const baseUrl = publicOrigin(request);
  const actor = { id: user.id, email: user.email };
  const settled = await runSettleAction({ actor, client, baseUrl }, user.agencyId, s.id, form);
  if (settled && !settled.ok)
    throw settled.refused === "bad_request"
      ? new Response("Bad request", { status: 400 })
      : new Response("Not found", { status: 404 });
  if (settled) {
    if (settled.noticeIds.length) await deliverNotices(settled.noticeIds);
    return redirect(`/staff/dialogues/${s.id}?${settled.redirect}`, { status: 303 });
  }
  const out = await runSessionAction({ user, client, baseUrl }, s, form);
  if (out.notFound) throw new Response("Not found", { status: 404 });
  if ("noticeIds" in out && out.noticeIds?.length) await deliverNotices(out.noticeIds);
  if (out.status) {
    const { t } = getT(request);
    return redirect(`/staff/dialogues/${s.id}?status=${encodeURIComponent(t(`dialogue.status.${out.status}`))}`, {
      status: 303,
    });
  }
  if (out.redirect) return redirect(`/staff/dialogues/${s.id}?${out.redirect}`, { status: 303 });
  return json({ form: out.form, errors: out.errors ?? {}, values: out.values ?? {}, vars: out.vars ?? {} }, 400);
}

export default function StaffDialogue() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const s = d.session;
  const errorsFor = (form: string) => (a?.form === form ? a.errors : undefined);
  const valuesFor = (form: string) => (a?.form === form ? a.values : undefined);
  const flash = ["saved", "moved", "status", "registered", "cancelled", "called", "settled"].find((f) => params.get(f));
  return (
    <div className="page">
      <StaffTabs sessionId={s.id} role={d.role} title={t("dialogue.staff.session.kicker")} />
      <h1>{s.title}</h1>
      <p>
        <StatusTag status={s.status} /> <a href={d.publicPath}>{t("dialogue.staff.session.publicPage")}</a>
      </p>
      {flash ? (
        <p className="notice notice--ok" role="status">
          {t(`dialogue.staff.session.flash.${flash}`, { value: params.get(flash) ?? "" })}
        </p>
      ) : null}
      <ul className="counts">
        <li>
          <strong>
            {d.counts.confirmed}/{s.capacity}
          </strong>
          {t("dialogue.staff.counts.confirmed")}
        </li>
        <li>
          <strong>{d.counts.waitlisted}</strong>
          {t("dialogue.staff.counts.waitlisted")}
        </li>
        {d.counts.toConfirm ? (
          <li>
            <strong>{d.counts.toConfirm}</strong>
            {t("limits.dialogue.toConfirmCount")}
          </li>
        ) : null}
        <li>
          <strong>{d.counts.checkedIn.total}</strong>
          {t("dialogue.staff.counts.checkedIn")}
        </li>
        <li>
          <strong>{d.counts.cancelled}</strong>
          {t("dialogue.staff.counts.cancelled")}
        </li>
        <li>
          <strong>{d.notices.toCall}</strong>
          {t("dialogue.staff.counts.toCall")}
        </li>
        <li>
          <strong>{d.notices.sent}</strong>
          {t("dialogue.staff.counts.emailed")}
        </li>
      </ul>

      {d.manage ? (
        <section aria-labelledby="state-title">
          <h2 id="state-title">{t("dialogue.staff.session.stateHeading")}</h2>
          <ErrorSummary errors={errorsFor("transition")} vars={a?.vars} />
          <div className="button-row">
            {d.transitions
              .filter((x: Transition) => x !== "cancel")
              .map((x: Transition) => (
                <Form method="post" key={x}>
                  <input type="hidden" name="intent" value="transition" />
                  <input type="hidden" name="transition" value={x} />
                  <button type="submit" className="button">
                    {t(`dialogue.transition.${x}`)}
                  </button>
                </Form>
              ))}
          </div>
          {d.transitions.includes("cancel") ? (
            <details open={a?.form === "cancel"}>
              <summary>{t("dialogue.transition.cancel")}</summary>
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="cancel" />
                <ErrorSummary errors={errorsFor("cancel")} />
                <TextArea
                  name="reason"
                  label={t("dialogue.staff.session.cancelReason")}
                  hint={t("dialogue.staff.session.cancelHint")}
                  errors={errorsFor("cancel")}
                  values={valuesFor("cancel")}
                />
                <button type="submit" className="button button--warning">
                  {t("dialogue.staff.session.cancelSubmit")}
                </button>
              </Form>
            </details>
          ) : null}
        </section>
      ) : null}

      <h2>{t("dialogue.staff.session.details")}</h2>
      {d.editable ? (
        <details open={a?.form === "save"}>
          <summary>{t("dialogue.staff.session.edit")}</summary>
          <SessionForm
            defaults={{
              ...s,
              plan_number: s.planNumber,
              title_vi: s.titleVi,
              title_en: s.titleEn,
              description_vi: s.descriptionVi,
              description_en: s.descriptionEn,
              topics_en: s.topicsEn ?? undefined,
              invited_groups: s.invitedGroupsVi,
              invited_groups_en: s.invitedGroupsEn,
              starts_at: s.startsAt,
              ends_at: s.endsAt,
              online_url: s.onlineUrl,
              registration_opens_at: s.opensAt,
              registration_closes_at: s.closesAt,
              publish_at: s.publishAt,
            }}
            procedures={d.allProcedures}
            noticeDays={d.noticeDays}
            errors={errorsFor("save")}
            values={valuesFor("save")}
            vars={a?.vars}
            submitLabel={t("dialogue.staff.session.saveSubmit")}
            announced={s.status !== "draft"}
          />
        </details>
      ) : null}
      <SessionFacts s={s} procedures={d.procedures} />

      {d.registrants ? (
        <section aria-labelledby="reg-title">
          <h2 id="reg-title">{t("dialogue.staff.registrants.heading")}</h2>
          <SettleAll count={d.counts.toConfirm} />
          <Registrants rows={d.registrants} canCancel={d.manage} />
          <details open={a?.form === "register"}>
            <summary>{t("dialogue.staff.onBehalf.heading")}</summary>
            <OnBehalfForm errors={errorsFor("register")} values={valuesFor("register")} />
          </details>
        </section>
      ) : (
        <p className="muted">{t("dialogue.staff.registrants.hidden")}</p>
      )}
      {d.calls ? (
        <section aria-labelledby="calls-title">
          <h2 id="calls-title">{t("dialogue.staff.calls.heading")}</h2>
          <p>{t("dialogue.staff.calls.intro")}</p>
          <CallList rows={d.calls} />
        </section>
      ) : null}
      {d.writes?.length ? (
        <section aria-labelledby="writes-title">
          <h2 id="writes-title">{t("dialogue.staff.calls.writeHeading")}</h2>
          <p>{t("dialogue.staff.calls.writeIntro")}</p>
          <CallList rows={d.writes} byEmail />
        </section>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/kernel/ui/error-boundary";
