// Staff review of flagged survey responses (docs/rules/flags.md).
import type vi from "../vi/survey-flags";

const surveyFlags: typeof vi = {
  surveyFlags: {
    title: "Flagged responses",
    link: "Flagged responses by day",
    intro:
      "Responses with suspicious signs are kept but left out of the figures. Each row is one day's responses with the same reasons. The Office can accept a batch back after checking it; this is recorded in the audit log.",
    from: "From",
    to: "To",
    show: "Show",
    colDay: "Day",
    colReasons: "Reasons",
    colResponses: "Responses",
    colAction: "Action",
    none: "No flagged responses in this range.",
    note: "Note (why it is accepted)",
    accept: "Accept {{count}} responses back",
    accepted: "{{count}} responses accepted back; the figures are updated.",
    acceptedTitle: "Batches accepted back",
    colBy: "Accepted by",
    colAt: "At",
    colNote: "Note",
    reasons: {
      honeypot: "filled the hidden field (a script)",
      too_fast: "sent faster than the minimum reading time",
      repeat_fast: "a second response on the same form, sent too soon",
      repeat_near: "a second response on the same form, nearly the same as the first",
      rate: "over the whole form's limit (before 12/2026)",
      rate_device: "one device sent too many",
      rate_address: "one network address sent too many",
      rate_link: "one link sent too many",
    },
    errors: {
      date: "Dates must be year-month-day, and From not after To.",
      batch: "Invalid batch.",
      note: "The note is at most 500 characters.",
      empty: "This batch has no flagged responses left (it may have been accepted already).",
    },
  },
  surveyVersions: {
    several:
      "These figures include responses to several survey versions (questions matched by code): {{list}}. Choose one version in the filter to see it alone.",
    one: "Figures of {{list}}.",
    item: "version {{version}}, n = {{n}}",
    none: "The chosen version has no responses in this period.",
  },
};

export default surveyFlags;
