import type { Translation } from "../vi/index";
import common from "./common";
import dashboard from "./dashboard";
import dialogue from "./dialogue";
import staff from "./staff";
import survey from "./survey";
import surveyStaff from "./survey-staff";
import feedback from "./feedback";
import privacy from "./privacy";
import http from "./http";

const en: Translation = {
  ...common,
  ...dashboard,
  ...staff,
  ...survey,
  ...surveyStaff,
  ...feedback,
  ...dialogue,
  ...privacy,
  ...http,
};

export default en;
