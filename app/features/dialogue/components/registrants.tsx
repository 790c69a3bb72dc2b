// Staff parts of a session page that show personal data: the registrants, the form to register
// someone on their behalf, and the call list of people to phone about a change.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/kernel/time/clock";
import { Checkbox, ErrorSummary, Radios, TextArea, TextField, type Errors, type Values } from "~/kernel/forms/fields";
import { TableWrap } from "~/kernel/forms/fields";

export interface RegistrantRow {
  id: number;
  code: string;
  name: string;
  phone: string | null;
  email: string | null;
  kind: "citizen" | "business";
  organisation: string | null;
  accessibility: string | null;
  status: "confirmed" | "waitlisted" | "cancelled" | "walk_in" | "to_confirm";
  place: number | null;
  channel: string;
  created_at: string;
  checked_in_at: string | null;
}

export function Registrants({ rows, canCancel }: { rows: RegistrantRow[]; canCancel: boolean }) {
  const { t } = useTranslation();
  if (!rows.length) return <p>{t("dialogue.staff.registrants.none")}</p>;
  return (
    <TableWrap label={t("dialogue.staff.registrants.heading")}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("dialogue.staff.registrants.name")}</th>
            <th scope="col">{t("dialogue.staff.registrants.contact")}</th>
            <th scope="col">{t("dialogue.staff.registrants.kind")}</th>
            <th scope="col">{t("dialogue.staff.registrants.status")}</th>
            <th scope="col">{t("dialogue.staff.registrants.code")}</th>
            <th scope="col">{t("dialogue.staff.registrants.channel")}</th>
            {canCancel ? <th scope="col">{t("dialogue.staff.registrants.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                {r.name}
                {r.organisation ? <div className="muted">{r.organisation}</div> : null}
                {r.accessibility ? (
                  <div className="muted">{t("dialogue.staff.registrants.needs", { needs: r.accessibility })}</div>
                ) : null}
              </td>
              <td>{[r.phone, r.email].filter(Boolean).join(", ")}</td>
              <td>{t(`dialogue.kind.${r.kind}`)}</td>
              <td>
                {r.status === "waitlisted"
                  ? t("dialogue.staff.registrants.waitlistPlace", { place: r.place })
                  : t(`dialogue.registrationStatus.${r.status}`)}
                {r.checked_in_at ? (
                  <div className="muted">
                    {t("dialogue.staff.registrants.checkedIn", { at: formatDateTime(r.checked_in_at) })}
                  </div>
                ) : null}
              </td>
              <td>{r.code}</td>
              <td>{t(`dialogue.channel.${r.channel}`)}</td>
              {canCancel ? (
                <td>
                  {r.status === "to_confirm" ? <SettleButtons id={r.id} name={r.name} /> : null}
                  {r.status === "confirmed" || r.status === "waitlisted" ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="cancel_registration" />
                      <input type="hidden" name="registration" value={r.id} />
                      <button type="submit" className="button button--secondary">
                        {t("dialogue.staff.registrants.cancel")}
                        <span className="visually-hidden"> {r.name}</span>
                      </button>
                    </Form>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** Confirm or reject one sign-up waiting to confirm (docs/security/limits.md). */
function SettleButtons({ id, name }: { id: number; name: string }) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      {(["confirm", "reject"] as const).map((d) => (
        <Form method="post" key={d}>
          <input type="hidden" name="intent" value={`${d}_registration`} />
          <input type="hidden" name="registration" value={id} />
          <button type="submit" className={d === "confirm" ? "button" : "button button--secondary"}>
            {t(`limits.dialogue.${d}`)}
            <span className="visually-hidden"> {name}</span>
          </button>
        </Form>
      ))}
    </div>
  );
}

/** Settles every sign-up waiting to confirm at once: a burst of made-up names is rejected in one click. */
export function SettleAll({ count }: { count: number }) {
  const { t } = useTranslation();
  if (!count) return null;
  return (
    <div className="notice notice--warn">
      <p>{t("limits.dialogue.toConfirmIntro")}</p>
      <div className="button-row">
        <Form method="post">
          <input type="hidden" name="intent" value="confirm_all_to_confirm" />
          <button type="submit" className="button button--secondary">
            {t("limits.dialogue.confirmAll")} ({count})
          </button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="reject_all_to_confirm" />
          <button type="submit" className="button button--warning">
            {t("limits.dialogue.rejectAll")} ({count})
          </button>
        </Form>
      </div>
    </div>
  );
}

export function OnBehalfForm({ errors, values }: { errors: Errors; values: Values }) {
  const { t } = useTranslation();
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="register" />
      <p>{t("dialogue.staff.onBehalf.intro")}</p>
      <ErrorSummary errors={errors} />
      <Radios
        name="channel"
        label={t("dialogue.staff.onBehalf.channel")}
        options={["phone", "desk", "paper"].map((c) => ({ value: c, label: t(`dialogue.channel.${c}`) }))}
        errors={errors}
        values={values}
      />
      <TextField name="name" label={t("dialogue.signup.name")} errors={errors} values={values} />
      <TextField
        name="phone"
        type="tel"
        label={t("dialogue.signup.phone")}
        hint={t("dialogue.signup.contactHint")}
        errors={errors}
        values={values}
      />
      <TextField name="email" type="email" label={t("dialogue.signup.email")} errors={errors} values={values} />
      <Radios
        name="kind"
        label={t("dialogue.signup.kind")}
        options={[
          { value: "citizen", label: t("dialogue.kind.citizen") },
          { value: "business", label: t("dialogue.kind.business") },
        ]}
        errors={errors}
        values={values}
      />
      <TextField name="organisation" label={t("dialogue.signup.organisation")} errors={errors} values={values} />
      <TextArea
        name="accessibility"
        rows={2}
        label={t("dialogue.signup.accessibility")}
        errors={errors}
        values={values}
      />
      <TextArea name="question" label={t("dialogue.signup.question")} errors={errors} values={values} />
      <Checkbox
        name="consent_confirmed"
        label={t("dialogue.staff.onBehalf.consent")}
        hint={t("dialogue.staff.onBehalf.consentHint")}
        errors={errors}
        values={values}
      />
      <button type="submit" className="button">
        {t("dialogue.staff.onBehalf.submit")}
      </button>
    </Form>
  );
}

export interface CallRow {
  id: string;
  kind: string;
  message: string;
  created_at: string;
  name: string;
  phone: string | null;
  email: string | null;
  code: string;
}

/** `byEmail`: people who gave only an email, which the portal could not send: staff write it. */
export function CallList({ rows, byEmail = false }: { rows: CallRow[]; byEmail?: boolean }) {
  const { t } = useTranslation();
  if (!rows.length) return <p>{t("dialogue.staff.calls.none")}</p>;
  return (
    <ul className="question-list">
      {rows.map((c) => (
        <li key={c.id} className="question">
          <p>
            <strong>{c.name}</strong> —{" "}
            {c.phone ? (
              <a href={`tel:${c.phone}`}>{c.phone}</a>
            ) : c.email ? (
              <a href={`mailto:${c.email}`}>{c.email}</a>
            ) : null}{" "}
            <span className="tag">{t(`dialogue.noticeKind.${c.kind}`)}</span>
          </p>
          <p className="question__text">{c.message}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="called" />
            <input type="hidden" name="notification" value={c.id} />
            <button type="submit" className="button button--secondary">
              {t(byEmail ? "dialogue.staff.calls.written" : "dialogue.staff.calls.done")}
              <span className="visually-hidden"> {c.name}</span>
            </button>
          </Form>
        </li>
      ))}
    </ul>
  );
}
