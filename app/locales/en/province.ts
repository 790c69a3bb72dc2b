import type vi from "../vi/province";

const en: typeof vi = {
  province: {
    nav: "Province league table",
    title: "Agency league table — {{period}}",
    window: "Figures from {{from}} to {{to}}, read live (not the sent, frozen figures).",
    rule: "An agency is placed above another only when its whole 95% interval lies above the other's. Where two intervals overlap, the figures do not show which agency is ahead.",
    placeHelp:
      "“Place”: “2” is a settled place; “=2” is a tie for second; “1–3” means it could be anywhere from first to third. Within the same range, agencies are listed by name.",
    choosePeriod: "Choose a period",
    year: "Year",
    kind: "Period",
    show: "Show",
    badPeriod: "That period is not valid. Choose a year and a period.",
    satisfaction: "Satisfaction (overall question, form B)",
    feedback: "Feedback handled on time",
    feedbackNote:
      "Cases handled on time out of cases handled in the period; there is no target, so no met/below verdict.",
    tt01: "Grade under Circular 01/2018/TT-VPCP",
    tt01Note:
      "The total has no interval, so agencies are placed by grade: the same grade is a tie. An agency with an indicator missing has no grade and is not ranked.",
    empty: "No agencies yet.",
    noData: "No data",
    notRanked: "Not ranked",
    tie: "{{place}} (tie)",
    missing: "Indicators {{list}} missing",
    downloads: "Downloads",
    csv: "Download the league table (CSV)",
    xlsx: "Download the league table (Excel)",
    col: {
      agency: "Agency",
      place: "Place",
      n: "n",
      rate: "Rate",
      interval: "95% interval",
      target: "Target",
      verdict: "Verdict",
      onTime: "On time / handled",
      total: "Total",
      grade: "Grade",
      status: "Note",
    },
    sheets: { satisfaction: "Satisfaction", feedback: "Feedback on time", tt01: "TT 01" },
  },
};

export default en;
