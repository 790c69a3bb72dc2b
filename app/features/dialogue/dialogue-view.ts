// How a dialogue session reads in each language, as plain JSON for the pages. Pure: the client
// bundle may use it.
import type { Lang } from "~/kernel/i18n/i18n";
import type { DialogueSession } from "../../../db/types";

export function sessionTitle(s: Pick<DialogueSession, "title_vi" | "title_en">, lang: Lang): string {
  return lang === "en" && s.title_en ? s.title_en : s.title_vi;
}

export function sessionDescription(
  s: Pick<DialogueSession, "description_vi" | "description_en">,
  lang: Lang,
): string | null {
  return lang === "en" && s.description_en ? s.description_en : s.description_vi;
}

/** The topics as the reader sees them: the value stays the Vietnamese text (questions are filed
 * under it); the label is the English one on English pages, else the Vietnamese marked lang="vi". */
export function sessionTopics(s: Pick<DialogueSession, "topics" | "topics_en">, lang: Lang) {
  return s.topics.map((value, i) => {
    const en = lang === "en" ? s.topics_en?.[i]?.trim() : undefined;
    return { value, label: en || value, lang: lang === "en" && !en ? ("vi" as const) : null };
  });
}

/** What every page shows about a session, in the reader's language, as plain JSON. A text shown in
 * Vietnamese on an English page comes with lang "vi" (its `*Lang`, else null: JSON keeps nulls,
 * where an undefined would vanish), so screen readers say it right. */
export function sessionView(s: DialogueSession, lang: Lang) {
  return {
    id: s.id,
    title: sessionTitle(s, lang),
    titleLang: lang === "en" && !s.title_en ? ("vi" as const) : null,
    description: sessionDescription(s, lang),
    descriptionLang: lang === "en" && !s.description_en ? ("vi" as const) : null,
    planNumber: s.plan_number,
    topics: s.topics,
    topicLabels: sessionTopics(s, lang),
    invitedGroups: (lang === "en" && s.invited_groups_en) || s.invited_groups,
    invitedGroupsLang: lang === "en" && !s.invited_groups_en && s.invited_groups ? ("vi" as const) : null,
    // The staff form edits both languages.
    topicsEn: s.topics_en,
    invitedGroupsVi: s.invited_groups,
    invitedGroupsEn: s.invited_groups_en,
    startsAt: s.starts_at.toISOString(),
    endsAt: s.ends_at.toISOString(),
    venue: s.venue,
    onlineUrl: s.online_url,
    chair: s.chair,
    secretary: s.secretary,
    capacity: s.capacity,
    status: s.status,
    cancelReason: s.cancel_reason,
    opensAt: s.registration_opens_at.toISOString(),
    closesAt: s.registration_closes_at.toISOString(),
    publishAt: s.publish_at.toISOString(),
    sequence: s.sequence,
  };
}
export type SessionView = ReturnType<typeof sessionView>;
