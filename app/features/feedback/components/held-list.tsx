// Feedback held for review (docs/security/limits.md): the usual table, with a "reviewed" button
// per case for the Office and admins. A plain form per row: works without JavaScript.
import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { listFeedback } from "~/features/feedback/feedback-staff.server";
import { FeedbackTable } from "./staff-lists";

type Items = SerializeFrom<Awaited<ReturnType<typeof listFeedback>>["items"]>;

export function HeldList({ items, canRelease }: { items: Items; canRelease: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t("limits.feedback.heldIntro")}</p>
      <FeedbackTable items={items} />
      {canRelease && items.length ? (
        <ul className="button-row" aria-label={t("limits.feedback.release")}>
          {items.map((r) => (
            <li key={r.id}>
              <Form method="post">
                <input type="hidden" name="intent" value="release" />
                <input type="hidden" name="id" value={r.id} />
                <button type="submit" className="button button--secondary">
                  {t("limits.feedback.release")}: {r.code}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
