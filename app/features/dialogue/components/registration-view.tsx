// The parts of a person's own registration page: look-up form, status, cancel, ask, questions.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { shownFlash } from "~/kernel/forms/flash";
import type { SessionView } from "~/features/dialogue/dialogue-view";
import { agencyPath } from "~/kernel/agency/agency-path";
import {
  Checkbox,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  type Errors,
  type Values,
} from "~/kernel/forms/fields";
import { AnswerState, PublicQuestions, type PublicQuestionView } from "./public-questions";
import { SessionFacts, StatusTag } from "./session-facts";

export function LookupForm({ errors, values }: { errors: Errors; values: Values }) {
  const { t } = useTranslation();
  return (
    <Form method="post" noValidate>
      <p>{t("dialogue.registration.lookupIntro")}</p>
      <ErrorSummary errors={errors} />
      <input type="hidden" name="intent" value="lookup" />
      <TextField
        name="code"
        label={t("dialogue.registration.code")}
        hint={t("dialogue.registration.codeHint")}
        autoComplete="off"
        errors={errors}
        values={values}
      />
      <TextField
        name="contact"
        label={t("dialogue.registration.contact")}
        hint={t("dialogue.registration.contactHint")}
        autoComplete="tel"
        errors={errors}
        values={values}
      />
      <button type="submit" className="button">
        {t("dialogue.registration.lookupSubmit")}
      </button>
    </Form>
  );
}

interface OwnQuestion {
  id: number;
  text: string;
  topic: string | null;
  status: "pending" | "approved" | "hidden" | "merged";
  hiddenReason: string | null;
  mergedInto: { id: number; text: string } | null;
  answerStatus: "pending" | "answered";
  answeredIn: "dialogue" | "after" | null;
  answer: string | null;
  dueDate: string | null;
  unit: string | null;
}

export interface RegistrationViewData {
  registration: {
    code: string;
    name: string;
    kind: "citizen" | "business";
    status: "confirmed" | "waitlisted" | "cancelled" | "walk_in" | "to_confirm";
    place: number | null;
    checkedIn: boolean;
  };
  session: SessionView;
  /** The agency's path prefix (null: the default agency): links stay on its pages. */
  prefix: string | null;
  canCancel: boolean;
  canAsk: boolean;
  canVote: boolean;
  mine: OwnQuestion[];
  publicQuestions: PublicQuestionView[];
  voted: number[];
}

const FLASHES = ["new", "again", "cancelled", "asked"] as const;

export function RegistrationDetails({
  view,
  flags,
  errors,
  values,
}: {
  view: RegistrationViewData;
  flags: Record<string, string>;
  errors: Errors;
  values: Values;
}) {
  const { t } = useTranslation();
  const { registration: r, session: s } = view;
  const flash = shownFlash(FLASHES, flags, errors);
  const voted = shownFlash(["voted"] as const, flags, errors) ? flags.voted : undefined;
  return (
    <>
      <h1>{t("dialogue.registration.heading")}</h1>
      {flash ? (
        <div className="notice notice--ok" role="status">
          <p>{t(`dialogue.registration.flash.${flash}`)}</p>
        </div>
      ) : null}
      {voted ? (
        <p className="notice notice--ok" role="status">
          {t(voted === "ok" ? "dialogue.registration.flash.voted" : "dialogue.registration.flash.alreadyVoted")}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <p>{t("dialogue.registration.yourCode")}</p>
      <p>
        <span className="reg-code" data-testid="registration-code">
          {r.code}
        </span>
      </p>
      <p className="field__hint">{t("dialogue.registration.keepCode")}</p>
      <h2>{t("dialogue.registration.statusHeading")}</h2>
      <p className="lead" data-testid="registration-status">
        {r.status === "waitlisted"
          ? t("dialogue.registration.status.waitlisted", { place: r.place ?? "?" })
          : t(`dialogue.registration.status.${r.status}`)}
      </p>
      {r.checkedIn ? <p>{t("dialogue.registration.checkedIn")}</p> : null}
      <h2>
        <Link to={agencyPath(view.prefix, `/dialogues/${s.id}`)} lang={s.titleLang ?? undefined}>
          {s.title}
        </Link>
      </h2>
      <p>
        <StatusTag status={s.status} />
      </p>
      {s.status === "cancelled" && s.cancelReason ? (
        <p className="notice notice--warn">{t("dialogue.page.cancelReason", { reason: s.cancelReason })}</p>
      ) : null}
      <SessionFacts s={s} />
      {s.status !== "cancelled" && r.status !== "cancelled" ? (
        <p>
          <a className="button button--secondary" href={agencyPath(view.prefix, `/dialogues/${s.id}/ics`)} download>
            {t("dialogue.page.addToCalendar")}
          </a>
        </p>
      ) : null}

      {view.canCancel ? (
        <Form method="post" noValidate>
          <h2>{t("dialogue.registration.cancelHeading")}</h2>
          <input type="hidden" name="intent" value="cancel" />
          <Checkbox name="confirm" label={t("dialogue.registration.cancelConfirm")} errors={errors} values={values} />
          <button type="submit" className="button button--warning">
            {t("dialogue.registration.cancelSubmit")}
          </button>
        </Form>
      ) : null}

      <h2 id="my-questions">{t("dialogue.registration.myQuestions")}</h2>
      {view.mine.length ? (
        <ul className="question-list">
          {view.mine.map((q) => (
            <li key={q.id} className="question">
              <p className="question__text">{q.text}</p>
              <p className="question__meta">
                <span className="tag">{t(`dialogue.questionStatus.${q.status}`)}</span>
                {q.hiddenReason ? (
                  <span>
                    {t("dialogue.registration.hiddenBecause", { reason: t(`dialogue.hideReason.${q.hiddenReason}`) })}
                  </span>
                ) : null}
              </p>
              {q.mergedInto ? (
                <p className="muted">{t("dialogue.registration.mergedInto", { text: q.mergedInto.text })}</p>
              ) : null}
              {q.status !== "hidden" ? <AnswerState q={q} /> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("dialogue.registration.noQuestions")}</p>
      )}
      {view.canAsk ? (
        <Form method="post" noValidate>
          <h3>{t("dialogue.registration.askHeading")}</h3>
          <input type="hidden" name="intent" value="ask" />
          <TextArea
            name="question"
            label={t("dialogue.signup.question")}
            hint={t("dialogue.signup.questionHint")}
            errors={errors}
            values={values}
          />
          {s.topics.length ? (
            <SelectField
              name="topic"
              label={t("dialogue.signup.topic")}
              options={[
                { value: "", label: t("dialogue.signup.topicNone") },
                ...s.topicLabels.map((x) => ({ value: x.value, label: x.label })),
              ]}
              errors={errors}
              values={values}
            />
          ) : null}
          <button type="submit" className="button">
            {t("dialogue.registration.askSubmit")}
          </button>
        </Form>
      ) : null}

      <h2>{t("dialogue.questions.heading")}</h2>
      <p className="muted">{t("dialogue.questions.rule")}</p>
      {view.canVote ? <p>{t("dialogue.registration.voteIntro")}</p> : null}
      <PublicQuestions questions={view.publicQuestions} voted={view.voted} canVote={view.canVote} />

      <Form method="post">
        <input type="hidden" name="intent" value="forget" />
        <button type="submit" className="button button--secondary">
          {t("dialogue.registration.forget")}
        </button>
      </Form>
    </>
  );
}
