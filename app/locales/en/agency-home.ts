// The public home page of each agency (/<code>) and the province's list of agencies (/co-quan).
import type vi from "../vi/agency-home";

const agencyHome: typeof vi = {
  agencyHome: {
    title: "{{agency}} — Hài Lòng",
    partOf: "Part of {{parent}}",
    intro:
      "This portal helps {{agency}} learn whether you are satisfied with its public services, hold dialogues with citizens, and receive and answer feedback and recommendations.",
    services: "Services of this agency",
    surveyTitle: "Rate our service",
    surveyBody: "Answer a few short questions after your visit. No name needed.",
    feedbackTitle: "Send feedback or a recommendation",
    feedbackBody: "About a regulation or how one of this agency's procedures was handled.",
    statusTitle: "Follow your feedback",
    statusBody: "See its progress and the answer with the tracking code you received when you sent it.",
    dialogueTitle: "Dialogue with the leaders",
    dialogueBody: "Sign up for the dialogue with citizens and businesses and send your questions in advance.",
    resultsTitle: "Results",
    resultsBody: "Satisfaction, feedback handling and the dialogue, for each report period.",
    children: "Agencies under it",
    allAgencies: "Other agencies of the province",
  },
  provinceHome: {
    title: "Agencies of the province — Hài Lòng",
    heading: "Agencies of the province",
    intro:
      "Choose an agency to rate its service, send or follow feedback, sign up for its dialogue or read its results.",
    none: "No agency yet.",
    fromHomeTitle: "Agencies of the province",
    fromHomeBody: "This portal serves {{count}} agencies. Choose the one where you had your procedure.",
  },
};

export default agencyHome;
