// What a CSV import refused as too big gives back into its text box: the start of the paste, in
// whole lines, never the whole of it. A paste near the 2 MB the server reads, echoed whole, would
// make a page of twice that (the box, and the data the page hands its scripts) on a staff member's
// phone; echoing nothing would lose what they typed.
// The reasons and the alternatives weighed: docs/decisions/0015-too-big-paste-echo.md. Pure.

/** The most characters (UTF-16 units, as the text box counts them) a refused paste gives back. */
export const TOO_BIG_ECHO_CHARS = 2000;

/** The start of a refused paste: all of it when it is short enough, else the whole lines (each
 * with its line break) that fit in TOO_BIG_ECHO_CHARS, so no line comes back cut, where a number
 * cut short would still read as a right line if the box were sent again. A first line longer
 * than that alone comes back as its first TOO_BIG_ECHO_CHARS characters. */
export function tooBigEcho(pasted: string): string {
  if (pasted.length <= TOO_BIG_ECHO_CHARS) return pasted;
  const head = pasted.slice(0, TOO_BIG_ECHO_CHARS);
  const lastBreak = head.lastIndexOf("\n");
  return lastBreak < 0 ? head : head.slice(0, lastBreak + 1);
}
