import type vi from "../vi/report-status";

const reportStatus: typeof vi = {
  reportStatus: {
    window: "Report period: {{from}} to {{to}} (Decree 09/2019/NĐ-CP, Art. 12)",
    readThrough: "Actual figures up to {{time}} on {{date}} ({{days}} days).",
    notStarted: "The report period has not started: no figures yet.",
    complete: "Actual figures for the whole period.",
    estimate:
      "{{from}} to {{to}} ({{days}} days): estimate (ước thực hiện) — these days have no figures yet and are not in the figures below.",
    sent: "Figures sent (frozen) at {{time}} on {{date}}: the report shows the figures as sent.",
    notSent: "Not sent yet: the figures below still change as forms arrive.",
    send: "Freeze the figures (mark the report as sent)",
    sendHint: "Once sent, the report always shows the sent figures; later changes are shown beside them.",
    justSent: "The report period's figures are frozen.",
    alreadySent: "This report period's figures were already frozen.",
    lockedPeriod: "The report period is sent: its window cannot be changed.",
    changeTitle: "Changes since the figures were sent",
    noChange: "Nothing has changed since the figures were sent.",
    entries: "{{entries}} forms dated in the period were entered after sending ({{paper}} of them paper).",
    heldBack:
      "The change rests on fewer than {{threshold}} answers, so its figures are not shown, so nobody can be identified (Decree 61/2018, Art. 27).",
    paperSentPeriod:
      "The date on the form falls in a report period whose figures were sent: only an Office account may enter this form, and the entry is logged.",
    sentCol: "Sent",
    nowCol: "Now",
    answersCol: "Change in n",
  },
};

export default reportStatus;
