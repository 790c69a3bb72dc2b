// Texts of the limits that slow an attacker without locking out the owner (docs/security/limits.md).
import type vi from "../vi/limits";

const limits: typeof vi = {
  limits: {
    feedback: {
      heldTag: "Held for review",
      heldIntro:
        "Feedback sent from one network address past 20 in an hour (many people on one hall's Wi-Fi, or one person sending in bulk). All of it is stored and every sender got a code. Look at each; if it is genuine, press “Reviewed” to handle it as usual.",
      release: "Reviewed",
      released: "{{count}} feedback items are now handled as usual.",
    },
    dialogue: {
      toConfirmCount: "waiting to confirm",
      toConfirmIntro:
        "Sign-ups waiting to confirm: past 5 in an hour from one network address (perhaps made-up names in bulk). They hold no seat yet. Confirm: a seat if one is left, otherwise the end of the waitlist. Reject: the sign-up is cancelled.",
      confirm: "Confirm",
      reject: "Reject",
      confirmAll: "Confirm every sign-up waiting to confirm",
      rejectAll: "Reject every sign-up waiting to confirm",
    },
    users: {
      signIn: "Sign-in",
      waiting: "Unknown browsers wait until {{at}} ({{count}} tries)",
      attempts: "{{count}} tries from unknown browsers in the last hour",
      browsersWaiting: "{{count}} known browsers waiting",
      unlock: "Unblock sign-in",
      unlockFor: "Unblock sign-in for {{email}}",
      unlocked: "Sign-in unblocked for {{email}}: they can sign in now.",
      hint: "After 5 wrong sign-ins from unknown browsers, each further try must wait longer (1, 2, 4, 8, then 15 minutes). Browsers where the person signed in before are not affected. Each wait that begins is recorded in the audit log (auth.login_locked).",
    },
  },
};
export default limits;
