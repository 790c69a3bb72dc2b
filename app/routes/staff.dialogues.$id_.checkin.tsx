// Staff: check-in at the door, made for a phone or tablet — a big code box, a name search,
// walk-ins added on the spot, live counts by type. Every attempt is recorded with its reason.
import {
  json,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Checkbox, ErrorSummary, Radios, TextField, TableWrap } from "~/kernel/forms/fields";
import { StaffTabs } from "~/features/dialogue/components/staff-tabs";
import { normalisePhone } from "~/features/dialogue/dialogue-code";
import { formatDateTime, formatTime } from "~/kernel/time/clock";
import { recordAudit } from "~/kernel/audit.server";
import {
  checkInByCode,
  checkInById,
  recentAttempts,
  searchAttendees,
  walkIn,
  type CheckinOutcome,
  type CheckinResult,
} from "~/features/dialogue/dialogue-checkin.server";
import { seatCounts } from "~/features/dialogue/dialogue-registrants.server";
import { getSession } from "~/features/dialogue/dialogue-session.server";
import { sessionTitle } from "~/features/dialogue/dialogue-view";
import { checkinCodeSchema, walkInSchema } from "~/features/dialogue/dialogue-staff.schema";
import { formValues, parseForm } from "~/kernel/forms/parse";
import { idSchema } from "~/features/dialogue/dialogue.schema";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import css from "~/styles/dialogue.css";
import { clientOf, readFormData } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: ["admin", "office"], action: ["admin", "office"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  // The account's agency's session only: another agency's id is 404 (docs/rules/agencies.md).
  const s = await getSession(user.agencyId, Number(params.id));
  if (!s) throw new Response("Not found", { status: 404 });
  const q = new URL(request.url).searchParams.get("q")?.trim() ?? "";
  const [counts, attempts, found] = await Promise.all([
    seatCounts(s.id),
    recentAttempts(user.agencyId, s.id),
    q ? searchAttendees(user.agencyId, s.id, q) : Promise.resolve(null),
  ]);
  // The recent check-ins name the people at the door: a view of personal data too.
  const named = attempts.filter((a) => a.name);
  if (found?.length || named.length) {
    await recordAudit(clientOf(request), {
      agencyId: user.agencyId,
      actor: { id: user.id, email: user.email },
      action: "pii.view",
      entity: "dialogue_session",
      entityId: s.id,
      details: {
        ...(found?.length ? { search: found.map((r) => r.id) } : {}),
        ...(named.length ? { attempts: named.map((a) => a.id) } : {}),
      },
    });
  }
  return json({
    title: t("dialogue.staff.checkin.title"),
    sessionTitle: sessionTitle(s, lng),
    sessionId: s.id,
    capacity: s.capacity,
    role: user.role,
    q,
    counts,
    // The door's log shows codes and reasons, not names: this part refreshes itself all day.
    attempts: attempts.map((x) => ({
      id: x.id,
      at: x.at.toISOString(),
      method: x.method,
      ok: x.ok,
      reason: x.reason,
      code: x.code_entered,
      staff: x.staff_name,
    })),
    found: found?.map((r) => ({ ...r, checked_in_at: r.checked_in_at?.toISOString() ?? null })) ?? null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Hài Lòng" }];

type Out = { form: string; result?: CheckinResult; errors?: Record<string, string>; values?: Record<string, string> };

/** A session gone between the page's check and the door's transaction is a 404, like a wrong id. */
function found(r: CheckinOutcome): CheckinResult {
  if (!r.ok && r.reason === "no_session") throw new Response("Not found", { status: 404 });
  return r as CheckinResult;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const { lng } = getT(request);
  const s = await getSession(user.agencyId, Number(params.id));
  if (!s) throw new Response("Not found", { status: 404 });
  const c = { client: clientOf(request), user };
  const fd = await readFormData(request);
  const intent = fd.get("intent");
  let out: Out;
  if (intent === "code") {
    const p = parseForm(checkinCodeSchema, fd);
    out = p.ok
      ? { form: "code", result: found(await checkInByCode(c, s.id, p.data.code)) }
      : { form: "code", errors: p.errors, values: formValues(fd) };
  } else if (intent === "checkin") {
    const id = idSchema.safeParse(fd.get("registration"));
    out = id.success
      ? { form: "search", result: found(await checkInById(c, s.id, id.data)) }
      : { form: "search", errors: { _form: "dialogue.errors.invalid" } };
  } else if (intent === "walkin") {
    const p = parseForm(walkInSchema, fd);
    out = p.ok
      ? {
          form: "walkin",
          result: found(
            await walkIn(c, s.id, {
              name: p.data.name,
              kind: p.data.kind,
              organisation: p.data.organisation,
              phone: p.data.phone,
              phoneNorm: p.data.phone ? normalisePhone(p.data.phone) : null,
              lang: lng,
            }),
          ),
        }
      : { form: "walkin", errors: p.errors, values: formValues(fd) };
  } else {
    out = { form: "unknown", errors: { _form: "dialogue.errors.invalid" } };
  }
  return json(out, out.errors ? 400 : 200);
}

export default function CheckinPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  // With JavaScript the counts refresh every 15 s, so two phones at two doors agree.
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && revalidator.state === "idle") revalidator.revalidate();
    }, 15_000);
    return () => clearInterval(timer);
  }, [revalidator]);
  const r = a?.result;
  return (
    <div className="page">
      <StaffTabs sessionId={d.sessionId} role={d.role} title={d.sessionTitle} />
      <h1>{t("dialogue.staff.checkin.heading")}</h1>
      <ul className="counts" aria-live="polite">
        <li>
          <strong>{d.counts.checkedIn.total}</strong>
          {t("dialogue.staff.checkin.present", { capacity: d.capacity })}
        </li>
        <li>
          <strong>{d.counts.checkedIn.citizen}</strong>
          {t("dialogue.kind.citizen")}
        </li>
        <li>
          <strong>{d.counts.checkedIn.business}</strong>
          {t("dialogue.kind.business")}
        </li>
        <li>
          <strong>{d.counts.walkIns}</strong>
          {t("dialogue.staff.checkin.walkIns")}
        </li>
        <li>
          <strong>{d.counts.confirmed}</strong>
          {t("dialogue.staff.checkin.expected")}
        </li>
      </ul>
      {r ? (
        <div className={`notice checkin-result ${r.ok ? "notice--ok" : "notice--warn"}`} role="status">
          {r.ok ? (
            <p>{t("dialogue.staff.checkin.ok", { name: r.name, kind: t(`dialogue.kind.${r.kind}`), code: r.code })}</p>
          ) : (
            <p>
              {t(`dialogue.checkinReason.${r.reason}`, {
                name: r.name ?? "",
                place: r.place ?? "",
                at: r.at ? formatTime(r.at) : "",
                when: r.startsAt ? formatDateTime(r.startsAt) : "",
              })}
            </p>
          )}
        </div>
      ) : null}
      <Form method="post" noValidate className="checkin-code">
        <input type="hidden" name="intent" value="code" />
        <ErrorSummary errors={a?.form === "code" ? a.errors : undefined} />
        <TextField
          name="code"
          label={t("dialogue.staff.checkin.code")}
          hint={t("dialogue.staff.checkin.codeHint")}
          autoComplete="off"
          errors={a?.form === "code" ? a.errors : undefined}
        />
        <button type="submit" className="button">
          {t("dialogue.staff.checkin.codeSubmit")}
        </button>
      </Form>
      <h2>{t("dialogue.staff.checkin.searchHeading")}</h2>
      <Form method="get">
        <TextField
          name="q"
          type="search"
          label={t("dialogue.staff.checkin.search")}
          hint={t("dialogue.staff.checkin.searchHint")}
          defaultValue={d.q}
        />
        <button type="submit" className="button button--secondary">
          {t("dialogue.staff.checkin.searchSubmit")}
        </button>
      </Form>
      {d.found ? (
        d.found.length ? (
          <ul className="question-list">
            {d.found.map((p) => (
              <li key={p.id} className="question">
                <p>
                  <strong>{p.name}</strong> — {t(`dialogue.kind.${p.kind}`)}
                  {p.organisation ? `, ${p.organisation}` : ""} — {t(`dialogue.registrationStatus.${p.status}`)} —{" "}
                  {p.code}
                </p>
                {p.accessibility ? (
                  <p className="muted">{t("dialogue.staff.registrants.needs", { needs: p.accessibility })}</p>
                ) : null}
                {p.checked_in_at ? (
                  <p className="muted">{t("dialogue.staff.checkin.alreadyAt", { at: formatTime(p.checked_in_at) })}</p>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="checkin" />
                    <input type="hidden" name="registration" value={p.id} />
                    <button type="submit" className="button">
                      {t("dialogue.staff.checkin.checkIn")}
                      <span className="visually-hidden"> {p.name}</span>
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("dialogue.staff.checkin.noMatch")}</p>
        )
      ) : null}
      <details open={a?.form === "walkin"}>
        <summary>{t("dialogue.staff.checkin.walkInHeading")}</summary>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="walkin" />
          <ErrorSummary errors={a?.form === "walkin" ? a.errors : undefined} />
          <TextField
            name="name"
            label={t("dialogue.signup.name")}
            errors={a?.form === "walkin" ? a.errors : undefined}
            values={a?.form === "walkin" ? a.values : undefined}
          />
          <Radios
            name="kind"
            label={t("dialogue.signup.kind")}
            options={[
              { value: "citizen", label: t("dialogue.kind.citizen") },
              { value: "business", label: t("dialogue.kind.business") },
            ]}
            errors={a?.form === "walkin" ? a.errors : undefined}
            values={a?.form === "walkin" ? a.values : undefined}
          />
          <TextField
            name="organisation"
            label={t("dialogue.signup.organisation")}
            errors={a?.form === "walkin" ? a.errors : undefined}
            values={a?.form === "walkin" ? a.values : undefined}
          />
          <TextField
            name="phone"
            type="tel"
            label={t("dialogue.staff.checkin.walkInPhone")}
            errors={a?.form === "walkin" ? a.errors : undefined}
            values={a?.form === "walkin" ? a.values : undefined}
          />
          <Checkbox
            name="consent_confirmed"
            label={t("dialogue.staff.onBehalf.consent")}
            hint={t("dialogue.staff.onBehalf.consentHint")}
            errors={a?.form === "walkin" ? a.errors : undefined}
            values={a?.form === "walkin" ? a.values : undefined}
          />
          <button type="submit" className="button">
            {t("dialogue.staff.checkin.walkInSubmit")}
          </button>
        </Form>
      </details>
      <h2>{t("dialogue.staff.checkin.log")}</h2>
      {d.attempts.length ? (
        <TableWrap label={t("dialogue.staff.checkin.log")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("dialogue.staff.checkin.logTime")}</th>
                <th scope="col">{t("dialogue.staff.checkin.logMethod")}</th>
                <th scope="col">{t("dialogue.staff.checkin.logResult")}</th>
                <th scope="col">{t("dialogue.staff.checkin.logStaff")}</th>
              </tr>
            </thead>
            <tbody>
              {d.attempts.map((x) => (
                <tr key={x.id}>
                  <td>{formatTime(x.at)}</td>
                  <td>
                    {t(`dialogue.checkinMethod.${x.method}`)} {x.code ?? ""}
                  </td>
                  <td>{x.ok ? t("dialogue.staff.checkin.logOk") : t(`dialogue.checkinReasonShort.${x.reason}`)}</td>
                  <td>{x.staff ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t("dialogue.staff.checkin.logEmpty")}</p>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/kernel/ui/error-boundary";
