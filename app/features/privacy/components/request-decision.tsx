// The staff view of one request: its facts, the data held (and the corrections asked for), and
// the two decisions while it is open.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "~/kernel/forms/parse";

interface RequestFacts {
  id: number;
  kind: string;
  subjectKind: string;
  code: string;
  status: string;
  received: string;
  due: string;
  state: "late" | "due_soon" | "on_time";
  decided: string | null;
  refuseReason: string | null;
  requested: Record<string, string> | null;
}

const STATE_TAG = { late: "tag tag--late", due_soon: "tag tag--due-soon", on_time: "tag tag--on-time" } as const;
const STATE_LABEL = {
  late: "privacy.staff.late",
  due_soon: "privacy.staff.dueSoon",
  on_time: "privacy.staff.onTime",
} as const;

export function RequestDecision({
  request: r,
  data,
  errors,
  reason,
}: {
  request: RequestFacts;
  data: { erased: boolean; fields: { key: string; value: string | null }[] } | null;
  errors: FieldErrors;
  reason: string;
}) {
  const { t } = useTranslation();
  const value = (key: string, v: string | null | undefined) =>
    v ? key === "kind" ? t(`privacy.kinds.${v}`) : v : <span className="muted">{t("privacy.request.empty")}</span>;
  return (
    <>
      <h2>{t("privacy.detail.facts")}</h2>
      <dl className="privacy-data">
        <div>
          <dt>{t("privacy.staff.subject")}</dt>
          <dd>
            {t(`privacy.subjectKinds.${r.subjectKind}`)} <code>{r.code}</code>
          </dd>
        </div>
        <div>
          <dt>{t("privacy.staff.received")}</dt>
          <dd>{r.received}</dd>
        </div>
        <div>
          <dt>{t("privacy.staff.due")}</dt>
          <dd>
            {r.due} {r.status === "open" ? <span className={STATE_TAG[r.state]}>{t(STATE_LABEL[r.state])}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t("privacy.staff.status")}</dt>
          <dd>
            {r.decided
              ? t("privacy.detail.decidedAs", { status: t(`privacy.requestStatus.${r.status}`), at: r.decided })
              : t(`privacy.requestStatus.${r.status}`)}
            {r.refuseReason ? ` — ${t("privacy.request.refusedReason", { reason: r.refuseReason })}` : null}
          </dd>
        </div>
      </dl>
      <h2>{t("privacy.detail.current")}</h2>
      {data?.erased ? <p className="notice">{t("privacy.request.erased")}</p> : null}
      {data ? (
        <dl className="privacy-data">
          {data.fields.map((f) => (
            <div key={f.key}>
              <dt>{t(`privacy.fields.${f.key}`)}</dt>
              <dd>{value(f.key, f.value)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {r.requested ? (
        <>
          <h2>{t("privacy.detail.requested")}</h2>
          <dl className="privacy-data">
            {Object.entries(r.requested).map(([k, v]) => (
              <div key={k}>
                <dt>{t(`privacy.fields.${k}`)}</dt>
                <dd>{value(k, v)}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {r.status === "open" ? (
        <>
          <h2>{t("privacy.detail.fulfilHeading")}</h2>
          {r.kind === "delete" ? <p id="fulfil-hint">{t("privacy.detail.fulfilDeleteHint")}</p> : null}
          <Form method="post">
            <input type="hidden" name="intent" value="fulfil" />
            <button type="submit" className="button" aria-describedby={r.kind === "delete" ? "fulfil-hint" : undefined}>
              {t(r.kind === "delete" ? "privacy.detail.fulfilDelete" : "privacy.detail.fulfilCorrect")}
            </button>
          </Form>
          <h2>{t("privacy.detail.refuseHeading")}</h2>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="refuse" />
            <div className={errors.reason ? "field field--error" : "field"}>
              <label htmlFor="reason">{t("privacy.detail.reason")}</label>
              <span id="reason-hint" className="field__hint">
                {t("privacy.detail.reasonHint")}
              </span>
              {errors.reason ? (
                <span id="reason-error" className="field__error">
                  <span className="visually-hidden">{t("forms.errorPrefix")} </span>
                  {t(errors.reason)}
                </span>
              ) : null}
              <textarea
                id="reason"
                name="reason"
                rows={3}
                defaultValue={reason}
                aria-invalid={errors.reason ? true : undefined}
                aria-describedby={errors.reason ? "reason-hint reason-error" : "reason-hint"}
              />
            </div>
            <button type="submit" className="button button--secondary">
              {t("privacy.detail.refuse")}
            </button>
          </Form>
        </>
      ) : null}
    </>
  );
}
