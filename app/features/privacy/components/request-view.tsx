// What a person sees after looking up their case: the data held, the consents recorded, their
// requests, and the three forms (correct, delete, withdraw). Each form repeats the code and the
// contact in hidden fields: the page has no session.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { agencyPath } from "~/kernel/agency/agency-path";
import { Checkbox, ErrorSummary, TextField } from "~/kernel/forms/fields";
import { noticeVersionDate } from "~/features/privacy/notice-version";
import type { SelfServiceResult, SelfServiceView } from "~/features/privacy/privacy-self-service.server";

type Result = Omit<SelfServiceResult, "view">;

function Who({ values }: { values: Record<string, string> }) {
  return (
    <>
      <input type="hidden" name="code" value={values.code ?? ""} />
      <input type="hidden" name="contact" value={values.contact ?? ""} />
    </>
  );
}

/** `prefix`: the agency's path prefix (null for the default agency), for the links back. */
export function RequestView({
  result,
  view,
  prefix,
}: {
  result: Result;
  view: SelfServiceView;
  prefix: string | null;
}) {
  const { t } = useTranslation();
  const errors = result.errors;
  const fieldValue = (key: string) => view.fields.find((f) => f.key === key)?.value ?? "";
  // After a failed correction, keep what the person typed; otherwise start from what is held.
  const typed = (key: string) =>
    result.form === "correct" && key in result.values ? result.values[key] : fieldValue(key);
  const editable =
    view.kind === "feedback"
      ? ["name", "address", "phone", "email", "organisation"]
      : ["name", "phone", "email", "organisation"];
  const open = view.requests.some((r) => r.status === "open");
  return (
    <>
      <ErrorSummary errors={errors} order={["otp", ...editable, "delete-confirm", "withdraw-confirm"]} />
      <h1>
        {t(view.kind === "feedback" ? "privacy.request.caseFeedbackLabel" : "privacy.request.caseDialogueLabel")}{" "}
        <span className="code-token">{view.code}</span>
      </h1>
      {result.message ? (
        <div className="notice notice--ok" role="status">
          <p>{t(result.message.key, result.message.params)}</p>
        </div>
      ) : null}
      {result.otp ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value={result.otp.intent} />
          <input type="hidden" name="submissionId" value={result.otp.submissionId} />
          <Who values={result.values} />
          <TextField
            name="otp"
            label={t("codes.otp.label")}
            inputMode="numeric"
            autoComplete="one-time-code"
            error={errors.otp}
          />
          <button type="submit" className="button">
            {t("codes.otp.submit")}
          </button>
        </Form>
      ) : null}
      <h2>{t("privacy.request.yourData")}</h2>
      <dl className="privacy-data">
        {view.about.title ? (
          <div>
            <dt>{t("privacy.request.dialogue")}</dt>
            <dd>{view.about.title}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t(view.kind === "feedback" ? "privacy.request.received" : "privacy.request.when")}</dt>
          <dd>{view.about.date}</dd>
        </div>
        <div>
          <dt>{t("privacy.request.status")}</dt>
          <dd>{t(view.about.statusKey)}</dd>
        </div>
        {view.fields.map((f) => (
          <div key={f.key}>
            <dt>{t(`privacy.fields.${f.key}`)}</dt>
            <dd>
              {f.value ? (
                f.key === "kind" ? (
                  t(`privacy.kinds.${f.value}`)
                ) : (
                  f.value
                )
              ) : (
                <span className="muted">{t("privacy.request.empty")}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {view.erased ? <p className="notice">{t("privacy.request.erased")}</p> : null}
      {view.consents.length ? (
        <>
          <h2>{t("privacy.request.consentsHeading")}</h2>
          <ul>
            {view.consents.map((c, i) => (
              <li key={i}>
                {t("privacy.request.consentLine", {
                  purpose: t(`privacy.purposes.${c.purpose}`),
                  date: noticeVersionDate(c.version),
                  given: c.given,
                })}
                {c.withdrawn ? ` — ${t("privacy.request.consentWithdrawn", { at: c.withdrawn })}` : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {view.requests.length ? (
        <>
          <h2>{t("privacy.request.requestsHeading")}</h2>
          <ul>
            {view.requests.map((r) => (
              <li key={r.id}>
                {t("privacy.request.requestLine", {
                  kind: t(`privacy.requestKinds.${r.kind}`),
                  received: r.received,
                  status: t(`privacy.requestStatus.${r.status}`),
                })}
                {r.status === "open" ? ` — ${t("privacy.request.dueLine", { due: r.due })}` : null}
                {r.refuseReason ? ` — ${t("privacy.request.refusedReason", { reason: r.refuseReason })}` : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {view.erased ? null : (
        <>
          <h2>{t("privacy.request.correctHeading")}</h2>
          <p>{t("privacy.request.correctIntro")}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="correct" />
            <input type="hidden" name="submissionId" value={view.submissionIds.correct} />
            <Who values={result.values} />
            {editable.map((k) => (
              <TextField
                key={k}
                name={k}
                type={k === "email" ? "email" : "text"}
                label={t(`privacy.fields.${k}`)}
                defaultValue={typed(k)}
                error={errors[k]}
              />
            ))}
            <button type="submit" className="button">
              {t("privacy.request.correctSubmit")}
            </button>
          </Form>
          {open ? null : (
            <>
              <h2>{t("privacy.request.deleteHeading")}</h2>
              <p>{t("privacy.request.deleteIntro")}</p>
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="submissionId" value={view.submissionIds.delete} />
                <Who values={result.values} />
                <Checkbox
                  id="delete-confirm"
                  name="confirm"
                  value="yes"
                  label={t("privacy.request.deleteConfirm")}
                  error={errors["delete-confirm"]}
                />
                <button type="submit" className="button button--secondary">
                  {t("privacy.request.deleteSubmit")}
                </button>
              </Form>
            </>
          )}
          <h2>{t("privacy.request.withdrawHeading")}</h2>
          <p>{t("privacy.request.withdrawIntro")}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="withdraw" />
            <input type="hidden" name="submissionId" value={view.submissionIds.withdraw} />
            <Who values={result.values} />
            <Checkbox
              id="withdraw-confirm"
              name="confirm"
              value="yes"
              label={t("privacy.request.withdrawConfirm")}
              error={errors["withdraw-confirm"]}
            />
            <button type="submit" className="button button--secondary">
              {t("privacy.request.withdrawSubmit")}
            </button>
          </Form>
        </>
      )}
      <p>
        <a href={agencyPath(prefix, "/privacy/request")}>{t("privacy.request.another")}</a> ·{" "}
        <a href={agencyPath(prefix, "/privacy")}>{t("privacy.request.noticeLink")}</a>
      </p>
    </>
  );
}
