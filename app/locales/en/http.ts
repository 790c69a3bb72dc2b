import type { Translation } from "../vi/index";

const http: Pick<Translation, "http"> = {
  http: {
    tooLargeTitle: "What you sent is too large",
    tooLargeBody:
      "This page takes at most {{max}} at a time, attachments included. Please go back, remove or shrink a file and send again.",
    unsupportedTitle: "What you sent could not be read",
    unsupportedBody:
      "This page only takes forms sent from a browser. Please go back to the previous page and send the form again.",
    crossSiteTitle: "Request refused",
    crossSiteBody:
      "This form was sent from another website, so it was not processed. Please open the portal's own page and send it from there.",
    badRequestTitle: "Invalid request",
    badRequestBody:
      "The address or what you sent holds a character or value that is not allowed. Please check it and try again.",
    methodTitle: "Not supported",
    methodBody: "This page does not take this kind of request.",
    errorTitle: "Something went wrong",
    errorBody: "We could not handle your request just now. Please try again in a few minutes.",
    backHome: "Back to the home page",
    code: "Error code: {{status}}",
  },
};
export default http;
