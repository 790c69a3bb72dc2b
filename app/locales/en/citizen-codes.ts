import type vi from "../vi/citizen-codes";

const codes: typeof vi = {
  codes: {
    errors: {
      needsKey:
        "This is the short code, for talking with staff. To look up, enter the full code (the short code with its 10 security characters) shown after sending and in the email. Lost the full code? Call the Department's Office to have it sent again to the contact you gave.",
      feedbackNeedsKey:
        "This is the short code, for talking with staff. To look up, enter the full code, like PAKN.20261206.0001-K7M2Q-X9P4T, shown after sending and in the email. Lost the full code? Call the Department's Office to have it sent again to the contact you gave.",
    },
    hint: {
      feedback: "The full code, like PAKN.20261206.0001-K7M2Q-X9P4T",
      registration: "The full code, like K7M2QX-A3B4C-D5E6F",
    },
    sent: {
      fullLabel: "Your full look-up code",
      shortLabel: "Short code (for phone calls with the Department)",
      keepFull:
        "Write this full code down and keep it to yourself. Only this page shows it; if you gave an email, it was sent there too. You need the full code and the phone you gave to look up your feedback.",
      fullGone:
        "The full code is shown once, right after sending, and sent to the email you gave. If you lost it, call the Department's Office with the short code to have it sent again to the contact you gave.",
    },
    staff: {
      fullCode: "The sender's full code (read it out only to the sender, on the phone on file)",
      showCode: "Show the full code to read out to the sender (logged)",
    },
    signup: {
      checkContact:
        "If this phone or email is already registered for this dialogue, we have sent the registration details to that email (or staff will call that phone). No new registration was made.",
    },
    otp: {
      label: "Confirmation code (6 digits)",
      submit: "Confirm",
      withdrawSent:
        "We emailed a 6-digit confirmation code to the email on file. Enter it within 15 minutes to withdraw your consent.",
      cancelSent:
        "We emailed a 6-digit confirmation code to the registered email. Enter it within 15 minutes to cancel your registration.",
      wrong: "The confirmation code is wrong or has expired. Send the request again for a new code.",
      withdrawQueued:
        "Your withdrawal of consent was received. As no confirmation code could be emailed to the address on file, staff will contact you on the phone on file to confirm before erasing your data, by {{due}} at the latest.",
      cancelQueued:
        "Your cancellation was received. As no confirmation code could be emailed, staff will call the registered phone to confirm before cancelling.",
      mailSubject: "Confirmation code: {{otp}}",
      mailBody:
        "Your confirmation code is {{otp}} (valid 15 minutes), to {{what}} {{code}}.\nIf you did not ask for this, give this code to nobody; nothing has changed.",
      whatWithdraw: "withdraw consent and erase the personal data of",
      whatCancel: "cancel dialogue registration",
    },
    mail: {
      feedbackSubject: "The Department received your feedback {{code}}",
      feedbackBody:
        "The Department received your feedback.\nShort code (for phone calls): {{code}}\nFull look-up code: {{full}}\nLook up its status with the full code and the phone you gave: {{link}}\nPlease keep the full code to yourself.",
      registrationSubject: "Your registration for the dialogue “{{title}}”",
      registrationBody:
        "You registered for the dialogue “{{title}}”.\nDoor code: {{code}}\nFull look-up code: {{full}}\nSee, cancel, send questions: {{link}}\nPlease keep the full code to yourself.",
    },
  },
};

export default codes;
