// The notice of a dialogue session: when, where, who chairs, the topics and procedures.
import { useTranslation } from "react-i18next";
import { formatDateTime, formatTime } from "~/kernel/time/clock";
import type { DialogueStatus } from "../../../../db/tables/dialogue";

export interface FactsView {
  planNumber: string | null;
  startsAt: string;
  endsAt: string;
  venue: string | null;
  onlineUrl: string | null;
  chair: string;
  secretary: string;
  invitedGroups: string | null;
  /** "vi" when an English page shows the Vietnamese text (no English written). */
  invitedGroupsLang?: "vi" | null;
  topics: string[];
  /** The topics in the reader's language; without it the Vietnamese ones are shown. */
  topicLabels?: { value: string; label: string; lang: "vi" | null }[];
  opensAt: string;
  closesAt: string;
}

export function SessionFacts({
  s,
  procedures = [],
}: {
  s: FactsView;
  procedures?: { id: number; code: string; name: string }[];
}) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <dt>{t("dialogue.facts.when")}</dt>
      <dd>
        {formatDateTime(s.startsAt)} – {formatTime(s.endsAt)}{" "}
        <span className="muted">{t("dialogue.facts.timeZone")}</span>
      </dd>
      {s.venue ? (
        <>
          <dt>{t("dialogue.facts.venue")}</dt>
          <dd>{s.venue}</dd>
        </>
      ) : null}
      {s.onlineUrl ? (
        <>
          <dt>{t("dialogue.facts.online")}</dt>
          <dd>
            <a href={s.onlineUrl} rel="noopener noreferrer">
              {s.onlineUrl}
            </a>
          </dd>
        </>
      ) : null}
      <dt>{t("dialogue.facts.chair")}</dt>
      <dd>{s.chair}</dd>
      <dt>{t("dialogue.facts.secretary")}</dt>
      <dd>{s.secretary}</dd>
      {s.invitedGroups ? (
        <>
          <dt>{t("dialogue.facts.invited")}</dt>
          <dd lang={s.invitedGroupsLang ?? undefined}>{s.invitedGroups}</dd>
        </>
      ) : null}
      <dt>{t("dialogue.facts.registration")}</dt>
      <dd>
        {t("dialogue.facts.registrationWindow", { from: formatDateTime(s.opensAt), to: formatDateTime(s.closesAt) })}
      </dd>
      {s.planNumber ? (
        <>
          <dt>{t("dialogue.facts.plan")}</dt>
          <dd>{s.planNumber}</dd>
        </>
      ) : null}
      {s.topics.length ? (
        <>
          <dt>{t("dialogue.facts.topics")}</dt>
          <dd>
            <ul>
              {(s.topicLabels ?? s.topics.map((value) => ({ value, label: value, lang: null }))).map((x) => (
                <li key={x.value} lang={x.lang ?? undefined}>
                  {x.label}
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {procedures.length ? (
        <>
          <dt>{t("dialogue.facts.procedures")}</dt>
          <dd>
            <ul>
              {procedures.map((p) => (
                <li key={p.id}>{p.name}</li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

const STATUS_TONE: Record<DialogueStatus, string> = {
  draft: "tag",
  published: "tag tag--ok",
  registration_closed: "tag tag--warn",
  held: "tag",
  minutes_published: "tag",
  cancelled: "tag tag--bad",
};

export function StatusTag({ status }: { status: DialogueStatus }) {
  const { t } = useTranslation();
  return <span className={STATUS_TONE[status]}>{t(`dialogue.status.${status}`)}</span>;
}
