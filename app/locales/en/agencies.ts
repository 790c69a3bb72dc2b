import type vi from "../vi/agencies";

const agencies: typeof vi = {
  agencies: {
    nav: "Agencies",
    title: "Agencies",
    heading: "Agencies in the province",
    intro: "Each agency has its own code, used in page addresses and QR codes; a code cannot change once made.",
    new: "Add an agency",
    newTitle: "Add an agency",
    editTitle: "Agency {{code}}",
    code: "Code",
    codeHint:
      "Lower-case letters without accents, digits and hyphens, 2 to 40 characters, e.g. so-y-te. Cannot change once saved.",
    codeFixedNote: "The code is printed on QR posters, so it cannot change.",
    name: "Name",
    parent: "Part of",
    parentHint: "The agency above it in the province.",
    rootParent: "Province level (part of no other agency)",
    target: "Satisfaction target (%)",
    targetHint: "From 50 to 100, at most one decimal, e.g. 92.5.",
    units: "Units",
    staff: "Staff",
    province: "Province",
    backToList: "Back to the agencies",
    errors: {
      notFound: "This agency was not found.",
      codeRequired: "Enter the agency's code.",
      codeLength: "The code must be 2 to 40 characters long.",
      codeFormat:
        "The code may only hold lower-case letters without accents, digits and single hyphens (not first or last), e.g. so-y-te.",
      codeReserved: "This code is one of the portal's own addresses; choose another.",
      codeTaken: "Another agency already has this code.",
      codeFixed: "The code of an existing agency cannot change.",
      targetRequired: "Enter the satisfaction target.",
      targetFormat: "Enter the target as a number with at most one decimal, e.g. 90 or 92.5.",
      targetRange: "The target must be between 50 and 100 percent.",
      parentRequired: "Choose the agency above this one.",
      parentMissing: "The chosen parent agency does not exist.",
      parentCycle: "An agency cannot be part of itself or of one of the agencies under it.",
      rootHasNoParent: "The province is the root of the agency tree and is part of no other agency.",
    },
  },
};

export default agencies;
