// What the sender sees about their feedback, and the two things they can do there.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate as fmtDate, formatDateTime as fmtDateTime } from "~/kernel/time/clock";
import type { Lang } from "~/kernel/i18n/i18n";
import type { SenderView } from "~/features/feedback/feedback-public.server";
import { ErrorSummary, Radios, TextArea } from "~/kernel/forms/fields";
import { AttachmentsField } from "./attachments-field";
import { fieldId } from "./ids";

type Errors = Partial<Record<string, string>>;
type ErrorParams = Record<string, Record<string, string>>;

/** Dates may be missing (a limit not set yet): show nothing then. */
const formatDate = (v: string | null | undefined, lang: Lang) => (v ? fmtDate(v, lang) : "");
const formatDateTime = (v: string | null | undefined, lang: Lang) => (v ? fmtDateTime(v, lang) : "");

interface Props {
  view: SenderView;
  phone: string;
  requestId: string;
  errors: Errors;
  errorParams: ErrorParams;
  /** code: the full code the page was opened with (the view shows only the short one). */
  values: { code?: string; info?: string; comment?: string };
}

export function StatusView({ view, phone, requestId, errors, errorParams, values }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const hidden = (
    <>
      <input type="hidden" name="code" value={values.code ?? view.code} />
      <input type="hidden" name="phone" value={phone} />
    </>
  );
  return (
    <section aria-labelledby="fb-result-heading">
      <h2 id="fb-result-heading">{t("feedback.status.resultHeading", { code: view.code })}</h2>
      <ErrorSummary
        idFor={fieldId}
        errors={errors}
        params={errorParams}
        order={["info", "attachments", "rating", "comment"]}
      />
      <dl className="fb-facts">
        <dt>{t("feedback.common.status")}</dt>
        <dd>
          <strong>{t(`feedback.statuses.${view.status}`)}</strong>
        </dd>
        <dt>{t("feedback.common.kind")}</dt>
        <dd>{t(`feedback.kinds.${view.kind}`)}</dd>
        <dt>{t("feedback.common.received")}</dt>
        <dd>{formatDate(view.receivedAt, lang)}</dd>
        {["received", "classified", "in_progress", "drafted", "approved"].includes(view.status) ? (
          <>
            <dt>{t("feedback.status.answerDue")}</dt>
            <dd>{formatDate(view.answerDue, lang)}</dd>
          </>
        ) : null}
        {view.unit ? (
          <>
            <dt>{t("feedback.common.unit")}</dt>
            <dd>{view.unit}</dd>
          </>
        ) : null}
        {view.procedure ? (
          <>
            <dt>{t("feedback.common.procedure")}</dt>
            <dd>{view.procedure}</dd>
          </>
        ) : null}
        {view.title ? (
          <>
            <dt>{t("feedback.common.title")}</dt>
            <dd>{view.title}</dd>
          </>
        ) : null}
      </dl>
      <details>
        <summary>{t("feedback.common.content")}</summary>
        <p className="fb-text">{view.content}</p>
        {view.attachments.length ? (
          <p>
            {t("feedback.common.attachments")}: {view.attachments.map((a) => a.filename).join(", ")}
          </p>
        ) : null}
      </details>

      {view.refuseReason ? (
        <div className="notice notice--warn">
          <h3>{t("feedback.status.refuseReason")}</h3>
          <p className="fb-text">{view.refuseReason}</p>
        </div>
      ) : null}
      {view.transfer ? (
        <p className="notice">
          {t("feedback.status.transferTo", {
            agency: view.transfer.agency ?? "",
            dispatch: view.transfer.dispatch ?? "",
          })}
        </p>
      ) : null}

      {view.canAddInfo ? (
        <div className="notice notice--warn">
          <h3>{t("feedback.status.infoRequestHeading")}</h3>
          <p className="fb-text">{view.infoRequest}</p>
          <h3>{t("feedback.status.addInfoHeading")}</h3>
          <Form method="post" encType="multipart/form-data" noValidate>
            {hidden}
            <input type="hidden" name="intent" value="add_info" />
            <input type="hidden" name="requestId" value={requestId} />
            <TextArea
              marker
              id={fieldId("info")}
              name="info"
              label={t("feedback.status.info")}
              hint={t("feedback.status.infoHint")}
              required
              defaultValue={values.info}
              error={errors.info}
            />
            <AttachmentsField error={errors.attachments} errorParams={errorParams.attachments} />
            <button type="submit" className="button">
              {t("feedback.status.sendInfo")}
            </button>
          </Form>
        </div>
      ) : null}

      {view.answer ? (
        <section aria-labelledby="fb-answer-heading">
          <h3 id="fb-answer-heading">{t("feedback.status.answerHeading")}</h3>
          <p className="muted">
            {t("feedback.common.publishedAt")}: {formatDate(view.publishedAt, lang)}
          </p>
          <p className="fb-text">{view.answer}</p>
          {view.rating && !view.canRate ? (
            <p>{t("feedback.status.yourRating", { rating: t(`feedback.ratings.${view.rating}`) })}</p>
          ) : null}
        </section>
      ) : null}

      {view.canRate ? (
        <Form method="post" noValidate>
          {hidden}
          <input type="hidden" name="intent" value="rate" />
          <h3>{t("feedback.status.rateHeading")}</h3>
          <Radios
            marker
            id={fieldId("rating")}
            name="rating"
            label={t("feedback.status.rateLegend")}
            required
            error={errors.rating}
            options={(["satisfied", "unsatisfied"] as const).map((r) => ({
              value: r,
              label: t(`feedback.ratings.${r}`),
            }))}
          />
          <TextArea
            marker
            id={fieldId("comment")}
            name="comment"
            label={t("feedback.status.comment")}
            rows={4}
            defaultValue={values.comment}
            error={errors.comment}
          />
          <button type="submit" className="button">
            {t("feedback.status.sendRating")}
          </button>
        </Form>
      ) : null}

      <h3>{t("feedback.status.timeline")}</h3>
      <ol className="fb-timeline">
        {view.events.map((e, i) => (
          <li key={i}>
            <span className="muted">{formatDateTime(e.at, lang)}</span> — {t(`feedback.events.${e.action}`)}
          </li>
        ))}
      </ol>
    </section>
  );
}
