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
  provinceDoc: {
    summary:
      "Results of the survey of citizens' and businesses' satisfaction with the service of the state agencies, {{period}}",
    live: "Figures read live, not the figures the agencies have sent.",
    s1: "I. THE AGENCIES' SATISFACTION INDEX",
    s2: "II. FEEDBACK HANDLED ON TIME",
    s3: "III. GRADES UNDER CIRCULAR 01/2018/TT-VPCP",
    ties: "The “Place” column reads “3” for a settled place, “2 (tie)” when agencies whose intervals overlap hold exactly those places together, and “1–3” when an agency could stand anywhere from first to third, agencies within the same range being listed by name.",
    table1: "Table 1. Satisfaction index (overall question, Form B)",
    table2: "Table 2. Feedback handled on time",
    table3: "Table 3. Grades under Circular 01/2018/TT-VPCP",
    pageTitle: "League report document — {{period}}",
    open: "Report document (print)",
    backToLeague: "Back to the league table",
    fileName: "league-report-{{period}}.docx",
  },
};

export default en;
