// Vietnamese is the source language: every key starts here. Each feature keeps its texts in its
// own file; en/index.ts is typed against this one, so a missing key is a type error.
import common from "./common";
import dashboard from "./dashboard";
import dialogue from "./dialogue";
import staff from "./staff";
import survey from "./survey";
import surveyStaff from "./survey-staff";
import surveyFlags from "./survey-flags";
import feedback from "./feedback";
import privacy from "./privacy";
import tt01 from "./tt01";
import reportStatus from "./report-status";
import reportDocument from "./report-document";
import limits from "./limits";
import codes from "./citizen-codes";
import http from "./http";
import audit from "./audit";
import province from "./province";
import agencies from "./agencies";
import agencyHome from "./agency-home";

const vi = {
  ...common,
  ...dashboard,
  ...staff,
  ...survey,
  ...surveyStaff,
  ...surveyFlags,
  ...feedback,
  ...dialogue,
  ...privacy,
  ...tt01,
  ...reportStatus,
  ...reportDocument,
  ...limits,
  ...codes,
  ...http,
  ...audit,
  ...province,
  ...agencies,
  ...agencyHome,
};

export default vi;
export type Translation = typeof vi;
