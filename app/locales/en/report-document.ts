// The report in the format of Decree 30/2020/ND-CP (DOCX and print page), and the public
// results page (/ket-qua).
import type vi from "../vi/report-document";

const reportDocument: typeof vi = {
  reportDoc: {
    nation: "SOCIALIST REPUBLIC OF VIET NAM",
    motto: "Independence - Freedom - Happiness",
    number: "No.: …/BC-{{symbol}}",
    placeDate: "{{place}}, …/…/{{year}}",
    kind: "REPORT",
    summary:
      "Results of the survey of citizens' and businesses' satisfaction with the service of state administrative agencies, {{period}}",
    pageTitle: "Report document — {{period}}",
    draft: "Draft: the figures are not frozen and change as forms arrive.",
    sent: "Figures frozen at {{time}} on {{date}}; this document prints the figures as sent.",
    readThrough: "Figures up to {{date}}.",
    notStarted: "The report period has not started: no figures yet.",
    s1: "I. SATISFACTION",
    satisfaction:
      "Share of citizens and businesses satisfied with the Department's service: {{rate}} ({{satisfied}}/{{n}} valid answers; 95% confidence interval: {{interval}}). Against the {{target}} target: {{verdict}}.",
    satisfactionHidden:
      "Fewer than {{threshold}} valid answers this period: no rate is published, so nobody can be singled out (Decree 61/2018/ND-CP, Art. 27).",
    noAnswers: "No valid answers this period yet.",
    previous: "Previous period ({{period}}): {{rate}} (n = {{n}}).",
    unitsTable: "Table 1. Satisfaction by unit",
    unitsChart: "Chart 1. Satisfaction by unit; vertical mark: the {{target}} target",
    chartNone: "No unit has enough answers for a chart.",
    colUnit: "Unit",
    colRate: "Satisfied",
    colN: "Answers (n)",
    colInterval: "95% confidence interval",
    colVerdict: "Against the target",
    allUnits: "Whole department",
    s2: "II. ASSESSMENT UNDER CIRCULAR 01/2018/TT-VPCP",
    tt01Total: "Total of the indicators: {{total}}/18, grade {{grade}}.",
    tt01Partial:
      "Provisional total of the {{known}}/9 indicators known: {{total}} (at most {{max}}); indicators {{missing}} are missing, so no grade yet.",
    s3: "III. FEEDBACK RECEIVED AND HANDLED",
    feedback:
      "{{received}} feedback cases received. {{handled}} handled, {{onTime}} of them on time ({{onTimeShare}}), {{late}} late; {{pending}} in progress ({{overdue}} overdue).",
    feedbackRate: "Satisfaction with feedback handling (Decision 766/QD-TTg): {{rate}} (n = {{n}}).",
    notFrozen: "This figure was not frozen with the report (the period was sent before this feature existed).",
    s4: "IV. DIALOGUE WITH CITIZENS AND BUSINESSES",
    dialogueHeld:
      "In {{year}} the dialogue with citizens and businesses was held: {{attendees}} attendees ({{citizen}} citizens, {{business}} businesses); {{answered}}/{{questions}} questions answered.",
    dialogueNotHeld: "No dialogue session held in {{year}} yet.",
    s5: "V. PROPOSALS",
    proposals: "…",
    recipientsTitle: "Recipients:",
    signerBlank: "……………………",
    downloadDocx: "Download the document (DOCX)",
    openDocument: "Report document (print)",
    printHint: "Use the browser's Print command (A4) or download the DOCX file to edit before signing.",
    backToReport: "Back to the figures report",
    fileName: "report-{{period}}.docx",
  },
  results: {
    title: "Satisfaction results",
    heading: "Satisfaction results",
    intro:
      "These are the figures {{department}} froze and sent in each report period (Decree 09/2019/ND-CP). Each rate comes with its number of answers (n) and 95% confidence interval; a group with fewer than {{threshold}} answers is not published, so nobody can be singled out.",
    none: "No report period has been frozen yet.",
    window: "{{from}} to {{to}}, figures frozen on {{sent}}",
    satisfaction: "Satisfied",
    satisfactionValue: "{{rate}} — {{satisfied}}/{{n}} valid answers",
    interval: "95% confidence interval",
    verdict: "Against the {{target}} target",
    hidden: "Not published (fewer than {{threshold}} answers)",
    noData: "No answers",
    feedback: "Feedback handled on time",
    feedbackValue: "{{onTime}}/{{handled}} ({{share}})",
    feedbackNone: "No feedback case handled yet",
    dialogue: "Dialogue in {{year}}",
    dialogueHeld: "Held",
    dialogueNotHeld: "Not held yet",
    minutes: "Minutes of the dialogue",
    notFrozen: "No frozen figure",
    chartTitle: "Satisfaction by period",
    chartDesc:
      "Bar chart: satisfaction in each period with its 95% confidence interval; dashed mark: the {{target}} target. The same figures are in the table below.",
    tableTitle: "Table of figures",
    colPeriod: "Report period",
    homeTitle: "Results",
    homeBody: "See satisfaction, feedback handling and the dialogue for each report period.",
  },
};

export default reportDocument;
