// A person's own registration, found by code + phone or email: status and waitlist place,
// calendar file, cancel, add a question, see where their questions stand, vote. Without
// JavaScript: every button is a small form posting here, answered by a redirect back.
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CancelOtpForm } from "~/features/dialogue/components/cancel-otp-form";
import { LookupForm, RegistrationDetails } from "~/features/dialogue/components/registration-view";
import { fullCode } from "~/features/citizen-codes/citizen-code";
import { acceptsQuestions, checkinWindow } from "~/features/dialogue/dialogue-state";
import {
  askQuestion,
  listPublicQuestions,
  ownQuestions,
  vote,
  votedQuestionIds,
} from "~/features/dialogue/dialogue-question.server";
import { confirmCancel, startCancel } from "~/features/dialogue/dialogue-cancel.server";
import { findRegistration, getOwnRegistration } from "~/features/dialogue/dialogue-registrants.server";
import { getSession } from "~/features/dialogue/dialogue-session.server";
import { sessionView } from "~/features/dialogue/dialogue-view";
import { beginLookup } from "~/features/citizen-codes/lookup-limit.server";
import { formValues, parseForm } from "~/kernel/forms/parse";
import { askSchema, cancelSchema, idSchema, lookupSchema } from "~/features/dialogue/dialogue.schema";
import { forgetRegistrant, readRegistrant, rememberRegistrant } from "~/features/dialogue/dialogue-cookie.server";
import { getT } from "~/kernel/http/i18n.server";
import { requireAgency } from "~/kernel/agency/agency.server";
import { agencyPath } from "~/kernel/agency/agency-path";
import { publicOrigin } from "~/kernel/http/public-url.server";
import { assertSameOrigin, clientIp, readFormData } from "~/kernel/http/request.server";
import css from "~/styles/dialogue.css";

export const handle = { scripts: false };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

// Also served as /<agency>/dialogues/registration: codes are looked up, and a browser's sign-in
// counts, within the path's agency only; another agency's code is answered as a wrong one.
const here = (prefix: string | null) => agencyPath(prefix, "/dialogues/registration");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const agency = await requireAgency(params.agency);
  const { t, lng } = getT(request);
  const regId = await readRegistrant(agency.id, request.headers.get("Cookie"));
  const r = regId ? await getOwnRegistration(agency.id, regId) : null;
  if (!r) return json({ title: t("dialogue.registration.lookupTitle"), view: null });
  const s = (await getSession(agency.id, r.session_id))!;
  const live = r.status !== "cancelled";
  const [mine, publicQs, voted] = await Promise.all([
    ownQuestions(agency.id, r.id, lng),
    listPublicQuestions(s.id, lng),
    votedQuestionIds(agency.id, r.id),
  ]);
  return json({
    title: t("dialogue.registration.title"),
    view: {
      registration: {
        code: fullCode(r.code, r.access_key),
        name: r.name,
        kind: r.kind,
        status: r.status,
        place: r.place,
        // "Attended" only for a check-in made at the door on the day (an early one is no attendance).
        checkedIn: Boolean(r.checked_in_at && r.checked_in_at >= checkinWindow(s.starts_at).from),
      },
      session: sessionView(s, lng),
      prefix: agency.prefix,
      canCancel:
        (r.status === "confirmed" || r.status === "waitlisted" || r.status === "to_confirm") &&
        s.starts_at > new Date() &&
        s.status !== "cancelled",
      canAsk: live && acceptsQuestions(s.status),
      canVote: live && acceptsQuestions(s.status),
      mine,
      publicQuestions: publicQs,
      voted,
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Hài Lòng" }];

export async function action({ request, params }: ActionFunctionArgs) {
  // The registration cookie rides on these posts: refuse ones another site made the browser send.
  assertSameOrigin(request);
  const agency = await requireAgency(params.agency);
  const HERE = here(agency.prefix);
  const back = (flag: string, hash = "") => redirect(`${HERE}?${flag}${hash}`, { status: 303 });
  const fd = await readFormData(request);
  const intent = fd.get("intent");
  if (intent === "lookup") {
    const parsed = parseForm(lookupSchema, fd);
    if (!parsed.ok) return json({ errors: parsed.errors, values: formValues(fd) }, 400);
    // The full code carries a 49.5-bit key besides the contact (docs/security/citizen-codes.md).
    // Paced per door code, per contact and per address before the look-up (docs/security/limits.md):
    // guessing keys or a phone for a code slows to a trickle; the owner is not locked out for an
    // hour by a stranger or by their own typos.
    // The pace on a code is per agency: guesses at B's code never slow A's owner of the same code.
    const gate = await beginLookup(
      parsed.data.code.code,
      parsed.data.contact,
      clientIp(request),
      new Date(),
      agency.id,
    );
    if (!gate.ok) return json({ errors: { _form: "dialogue.errors.tooManyAttempts" }, values: {} }, 429);
    const id = await findRegistration(agency.id, parsed.data.code.code, parsed.data.code.key, parsed.data.contact);
    if (id) await gate.found();
    if (!id)
      return json(
        {
          errors: { _form: "dialogue.errors.lookupFailed" },
          values: { code: String(fd.get("code") ?? ""), contact: String(fd.get("contact") ?? "") },
        },
        400,
      );
    return redirect(HERE, { status: 303, headers: { "Set-Cookie": await rememberRegistrant(agency, id) } });
  }
  if (intent === "forget")
    return redirect(HERE, {
      status: 303,
      headers: { "Set-Cookie": await forgetRegistrant(agency.prefix, request.headers.get("Cookie")) },
    });

  const regId = await readRegistrant(agency.id, request.headers.get("Cookie"));
  if (!regId) return json({ errors: { _form: "dialogue.errors.sessionExpired" }, values: {} }, 401);
  if (intent === "cancel") {
    const parsed = parseForm(cancelSchema, fd);
    if (!parsed.ok) return json({ errors: parsed.errors, values: formValues(fd) }, 400);
    const started = await startCancel(agency.id, regId, { baseUrl: publicOrigin(request) });
    if (started === "queued") return back("cancelRequested=1");
    return json({ errors: {}, values: {}, otp: true }, 200);
  }
  if (intent === "cancel_otp") {
    const ok = await confirmCancel(agency.id, regId, String(fd.get("otp") ?? ""), { baseUrl: publicOrigin(request) });
    if (!ok) return json({ errors: { otp: "codes.otp.wrong" }, values: {}, otp: true }, 400);
    return back("cancelled=1");
  }
  if (intent === "ask") {
    const parsed = parseForm(askSchema, fd);
    if (!parsed.ok) return json({ errors: parsed.errors, values: formValues(fd) }, 400);
    const res = await askQuestion(agency.id, regId, parsed.data.question, parsed.data.topic);
    if (!res.ok) {
      const key = {
        closed: "dialogue.errors.questionsClosed",
        too_many: "dialogue.errors.tooManyQuestions",
        bad_topic: "dialogue.errors.topicInvalid",
        cancelled: "dialogue.errors.registrationCancelled",
      }[res.reason];
      return json(
        {
          errors: { [res.reason === "bad_topic" ? "topic" : "question"]: key },
          values: { question: parsed.data.question, topic: parsed.data.topic ?? "" },
        },
        400,
      );
    }
    return back("asked=1", "#my-questions");
  }
  if (intent === "vote") {
    const q = idSchema.safeParse(fd.get("question"));
    if (!q.success) return json({ errors: { _form: "dialogue.errors.invalid" }, values: {} }, 400);
    const res = await vote(agency.id, regId, q.data);
    if (res === "not_allowed") return json({ errors: { _form: "dialogue.errors.voteNotAllowed" }, values: {} }, 400);
    return back(`voted=${res}`, `#q-${q.data}`);
  }
  return json({ errors: { _form: "dialogue.errors.invalid" }, values: {} }, 400);
}

export default function RegistrationPage() {
  const { view } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  if (!view) {
    return (
      <div className="page page--narrow">
        <h1>{t("dialogue.registration.lookupHeading")}</h1>
        <LookupForm errors={actionData?.errors} values={actionData?.values} />
      </div>
    );
  }
  const otp = actionData && "otp" in actionData && actionData.otp;
  return (
    <div className="page page--narrow">
      {params.get("cancelRequested") === "1" ? (
        <div className="notice" role="status">
          <p>{t("codes.otp.cancelQueued")}</p>
        </div>
      ) : null}
      {otp ? (
        <CancelOtpForm
          error={actionData?.errors && "otp" in actionData.errors ? String(actionData.errors.otp) : undefined}
        />
      ) : null}
      <RegistrationDetails
        view={view}
        flags={Object.fromEntries(params.entries())}
        errors={actionData?.errors}
        values={actionData?.values}
      />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/kernel/ui/error-boundary";
