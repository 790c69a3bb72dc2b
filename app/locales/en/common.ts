import type vi from "../vi/common";

const common: typeof vi = {
  app: {
    name: "Hài Lòng",
    tagline: "Satisfaction survey, dialogue and feedback portal",
    department: "Tiền Giang Department of Science and Technology",
    skipToContent: "Skip to main content",
    mainNav: "Main navigation",
    footer: "Hài Lòng — open-source software serving citizens and businesses.",
  },
  forms: {
    errorSummary: "There is a problem",
    errorPrefix: "Error:",
    required: "(required)",
    optional: "(optional)",
    invalid: "Something in the form is not valid. Check it and try again.",
  },
  nav: {
    home: "Home",
    survey: "Rate our service",
    dialogue: "Dialogue",
    feedback: "Feedback",
    staff: "Staff",
  },
  lang: {
    label: "Language",
    switchTo: "Tiếng Việt",
    switchToLabel: "Chuyển sang tiếng Việt",
    switchKeepLabel: "Chuyển sang tiếng Việt, giữ các câu trả lời đã điền",
    defaultSend: "Send",
    vi: "Tiếng Việt",
    en: "English",
  },
  home: {
    title: "Hài Lòng — your opinion helps improve public services",
    heading: "We listen to citizens and businesses",
    intro:
      "This portal helps the {{department}} learn whether you are satisfied with its public services, hold dialogues with citizens, and receive and answer feedback and recommendations.",
    surveyTitle: "Rate our service",
    surveyBody:
      "Answer a few short questions after your visit. No name needed; each form says how many questions it has and how long it takes.",
    dialogueTitle: "Dialogue with the Department's leaders",
    dialogueBody: "Sign up for the yearly dialogue on administrative procedures and send your questions in advance.",
    feedbackTitle: "Feedback and recommendations",
    feedbackBody:
      "Send feedback or a recommendation about a regulation or how a procedure was handled, and follow its progress.",
    comingSoon: "Coming soon",
    openSurveys: "Open surveys",
    noOpenSurveys: "No survey is open at the moment.",
    stats: "{{units}} units, {{procedures}} administrative procedures",
  },
  errors: {
    notFoundTitle: "Page not found",
    notFoundBody: "The page you are looking for does not exist or has moved. Please check the address.",
    errorTitle: "Something went wrong",
    errorBody: "We could not handle your request just now. Please try again in a few minutes.",
    forbiddenTitle: "You do not have permission to see this page",
    forbiddenBody: "This page is for staff with another role. If you need access, contact the administrator.",
    badRequestTitle: "Invalid request",
    backHome: "Back to the home page",
    code: "Error code: {{status}}",
  },
};

export default common;
