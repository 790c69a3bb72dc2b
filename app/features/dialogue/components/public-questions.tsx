// Approved questions as the public reads them (personal details masked), ranked by a rule stated
// on the page, with where each answer stands. Voting happens on the registration page.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/kernel/time/clock";

export interface PublicQuestionView {
  id: number;
  text: string;
  topic: string | null;
  votes: number;
  answerStatus: "pending" | "answered";
  answeredIn: "dialogue" | "after" | null;
  answer: string | null;
  dueDate: string | null;
  unit: string | null;
}

export function AnswerState({
  q,
}: {
  q: Pick<PublicQuestionView, "answerStatus" | "answeredIn" | "dueDate" | "unit" | "answer">;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="question__meta">
        <span className={q.answerStatus === "answered" ? "tag tag--ok" : "tag"}>
          {q.answerStatus === "answered"
            ? t(`dialogue.answer.answered_${q.answeredIn ?? "after"}`)
            : t("dialogue.answer.pending")}
        </span>
        {q.unit ? <span>{t("dialogue.answer.unit", { unit: q.unit })}</span> : null}
        {q.dueDate && q.answerStatus !== "answered" ? (
          <span>{t("dialogue.answer.due", { date: formatDate(q.dueDate) })}</span>
        ) : null}
      </p>
      {q.answer ? <div className="question__answer">{q.answer}</div> : null}
    </>
  );
}

export function PublicQuestions({
  questions,
  voted,
  canVote,
}: {
  questions: PublicQuestionView[];
  /** Ids the reader has voted for (registration page only). */
  voted?: number[];
  canVote?: boolean;
}) {
  const { t } = useTranslation();
  if (!questions.length) return <p>{t("dialogue.questions.none")}</p>;
  return (
    <ol className="question-list">
      {questions.map((q, i) => (
        <li key={q.id} className="question" id={`q-${q.id}`}>
          <p className="question__text">{q.text}</p>
          <p className="question__meta">
            {q.topic ? <span>{t("dialogue.questions.topic", { topic: q.topic })}</span> : null}
            <span>{t("dialogue.questions.votes", { n: q.votes })}</span>
          </p>
          <AnswerState q={q} />
          {canVote ? (
            voted?.includes(q.id) ? (
              <p className="muted">{t("dialogue.questions.youVoted")}</p>
            ) : (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="vote" />
                <input type="hidden" name="question" value={q.id} />
                <button type="submit" className="button button--secondary">
                  {t("dialogue.questions.vote")}
                  <span className="visually-hidden"> {t("dialogue.questions.voteFor", { n: i + 1 })}</span>
                </button>
              </Form>
            )
          ) : null}
        </li>
      ))}
    </ol>
  );
}
