// The feedback pages prefix their controls' ids ("fb-name"), so the summary's links and the
// fields agree on one rule.
export const fieldId = (name: string) => `fb-${name}`;
