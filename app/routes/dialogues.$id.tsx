// A dialogue session's public page: the notice and agenda, seats left, the sign-up form, and the
// approved questions with where their answers stand. Works without JavaScript.
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PublicQuestions } from "~/features/dialogue/components/public-questions";
import { SessionFacts, StatusTag } from "~/features/dialogue/components/session-facts";
import { SignUpForm } from "~/features/dialogue/components/signup-form";
import { isPublic, registrationState } from "~/features/dialogue/dialogue-state";
import { PRIVACY_NOTICES } from "~/features/privacy/privacy-notices";
import { listPublicQuestions, moderationSummary } from "~/features/dialogue/dialogue-question.server";
import { seatCounts } from "~/features/dialogue/dialogue-registrants.server";
import { signUp } from "~/features/dialogue/dialogue-registration.server";
import { getSession, sessionProcedures } from "~/features/dialogue/dialogue-session.server";
import { sessionView } from "~/features/dialogue/dialogue-view";
import { hit } from "~/kernel/limits/rate-limit.server";
import { formValues, parseForm } from "~/kernel/forms/parse";
import { signUpSchema } from "~/features/dialogue/dialogue.schema";
import { mailRegistrationCode, sendRegistrationDetails } from "~/features/citizen-codes/citizen-code-mail.server";
import { readRegistrant, rememberRegistrant } from "~/features/dialogue/dialogue-cookie.server";
import { publicOrigin } from "~/kernel/http/public-url.server";
import { getT } from "~/kernel/http/i18n.server";
import { requireAgency, type AgencyRef } from "~/kernel/agency/agency.server";
import { agencyPath } from "~/kernel/agency/agency-path";
import { assertSameOrigin, clientIp, readFormData } from "~/kernel/http/request.server";
import css from "~/styles/dialogue.css";

export const handle = { scripts: false };
/** Sign-ups for one session from one network address in an hour that take a seat (or a waitlist
 * place) at once; the rest wait to be confirmed by staff. */
export const SIGNUPS_PER_ADDRESS = 5;
const HOUR = 3_600_000;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

// Also served as /<agency>/dialogues/:id ($agency.dialogues.$id.tsx): a session is found within the
// path's agency only, and a sign-up is stored with that agency (docs/rules/agencies.md).
async function publicSession(agency: AgencyRef, idParam: string | undefined) {
  const s = await getSession(agency.id, Number(idParam));
  if (!s || !isPublic(s, new Date())) throw new Response("Not found", { status: 404 });
  return s;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const agency = await requireAgency(params.agency);
  const { lng } = getT(request);
  const s = await publicSession(agency, params.id);
  const [procedures, counts, questions, moderation] = await Promise.all([
    sessionProcedures(agency.id, s.id, lng),
    seatCounts(s.id),
    listPublicQuestions(s.id, lng),
    moderationSummary(s.id),
  ]);
  const notice = PRIVACY_NOTICES.dialogue_registration;
  return json({
    prefix: agency.prefix,
    session: sessionView(s, lng),
    procedures,
    registration: registrationState(s, new Date()),
    seats: { capacity: s.capacity, taken: counts.confirmed, waiting: counts.waitlisted },
    questions,
    moderation,
    notice: { text: notice.text[lng], consentLabel: notice.consentLabel[lng], version: notice.version },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.session.title ?? "Hài Lòng" }];

export async function action({ request, params }: ActionFunctionArgs) {
  // The registration cookie rides on these posts: refuse ones another site made the browser send.
  assertSameOrigin(request);
  const agency = await requireAgency(params.agency);
  const { lng } = getT(request);
  const s = await publicSession(agency, params.id);
  const fd = await readFormData(request);
  const parsed = parseForm(signUpSchema, fd);
  if (!parsed.ok) return json({ errors: parsed.errors, values: formValues(fd) }, 400);
  // Never refused (a whole service hall may sit behind one public IP), but past a few sign-ups
  // from one address for one session they wait "to confirm" instead of taking seats, so made-up
  // names in bulk cannot fill the room (docs/security/limits.md).
  const share = await hit(`dialogue-signup-burst:${s.id}:${clientIp(request)}`, SIGNUPS_PER_ADDRESS, HOUR);
  const d = parsed.data;
  const res = await signUp({
    agencyId: agency.id,
    sessionId: s.id,
    name: d.name,
    phone: d.phone,
    phoneNorm: d.phoneNorm,
    email: d.email,
    emailNorm: d.emailNorm,
    kind: d.kind,
    organisation: d.organisation,
    accessibility: d.accessibility,
    question: d.question,
    topic: d.topic,
    lang: lng,
    channel: "online",
    toConfirm: !share.allowed,
  });
  if (!res.ok) {
    const errors =
      res.reason === "bad_topic"
        ? { topic: "dialogue.errors.topicInvalid" }
        : { _form: "dialogue.errors.registrationClosed" };
    const values = Object.fromEntries([...fd.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
    return json({ errors, values }, res.reason === "bad_topic" ? 400 : 409);
  }
  if (!res.created) {
    // The contact is already registered. Only a browser already signed in as that registration
    // (a double tap, the back button) is shown it again; anyone else gets the same answer whether
    // or not the contact was registered, and the details go to the contact on file.
    if ((await readRegistrant(agency.id, request.headers.get("Cookie"))) === res.registration.id)
      return redirect(agencyPath(agency.prefix, "/dialogues/registration?again=1"), 303);
    await sendRegistrationDetails(res.registration.id, { baseUrl: publicOrigin(request) });
    return redirect(agencyPath(agency.prefix, `/dialogues/${s.id}?checkContact=1#signup-title`), 303);
  }
  await mailRegistrationCode(res.registration.id);
  return redirect(agencyPath(agency.prefix, "/dialogues/registration?new=1"), {
    status: 303,
    headers: { "Set-Cookie": await rememberRegistrant(agency, res.registration.id) },
  });
}

export default function DialoguePage() {
  const {
    prefix,
    session: s,
    procedures,
    registration,
    seats,
    questions,
    moderation,
    notice,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const left = Math.max(0, seats.capacity - seats.taken);
  return (
    <div className="page">
      <p>
        <Link to={agencyPath(prefix, "/dialogues")}>{t("dialogue.page.back")}</Link>
      </p>
      <h1 lang={s.titleLang ?? undefined}>{s.title}</h1>
      <p>
        <StatusTag status={s.status} /> <span className="tag">{t(`dialogue.registrationState.${registration}`)}</span>
      </p>
      {s.status === "cancelled" ? (
        <div className="notice notice--warn" role="status">
          <p>{t("dialogue.page.cancelled")}</p>
          {s.cancelReason ? <p>{t("dialogue.page.cancelReason", { reason: s.cancelReason })}</p> : null}
        </div>
      ) : null}
      {registration === "open" ? (
        <p>
          <a href="#signup-title">{t("dialogue.page.jumpToSignup")}</a>
        </p>
      ) : null}
      {s.description ? (
        <p className="lead" lang={s.descriptionLang ?? undefined}>
          {s.description}
        </p>
      ) : null}
      <SessionFacts s={s} procedures={procedures} />
      <p className="button-row">
        <a className="button button--secondary" href={agencyPath(prefix, `/dialogues/${s.id}/ics`)} download>
          {t("dialogue.page.addToCalendar")}
        </a>
        {s.status === "minutes_published" ? (
          <Link className="button button--secondary" to={agencyPath(prefix, `/dialogues/${s.id}/minutes`)}>
            {t("dialogue.page.readMinutes")}
          </Link>
        ) : null}
      </p>
      {registration === "open" || registration === "closed" ? (
        <p>
          {left > 0
            ? t("dialogue.page.seatsLeft", { left, capacity: seats.capacity })
            : t("dialogue.page.seatsFull", { waiting: seats.waiting })}
        </p>
      ) : null}
      {params.get("checkContact") === "1" ? (
        <div className="notice" role="status" data-testid="check-contact">
          <p>{t("codes.signup.checkContact")}</p>
        </div>
      ) : null}
      {registration === "open" ? (
        <SignUpForm
          topics={s.topicLabels}
          notice={notice}
          errors={actionData?.errors}
          values={actionData?.values}
          full={left === 0}
        />
      ) : actionData?.errors ? (
        <p className="notice notice--warn" role="alert">
          {t("dialogue.errors.registrationClosed")}
        </p>
      ) : null}
      <p>
        <Link to={agencyPath(prefix, "/dialogues/registration")}>{t("dialogue.page.manage")}</Link>
      </p>
      <h2 id="questions">{t("dialogue.questions.heading")}</h2>
      <p className="muted">{t("dialogue.questions.rule")}</p>
      <PublicQuestions questions={questions} />
      {moderation.hidden.length || moderation.merged ? (
        <p className="muted">
          {[
            ...moderation.hidden.map((h) =>
              t("dialogue.questions.hiddenCount", { n: h.n, reason: t(`dialogue.hideReason.${h.reason}`) }),
            ),
            moderation.merged ? t("dialogue.questions.mergedCount", { n: moderation.merged }) : null,
          ]
            .filter(Boolean)
            .join(" ")}
        </p>
      ) : null}
      {moderation.pending ? (
        <p className="muted">{t("dialogue.questions.pendingCount", { n: moderation.pending })}</p>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/kernel/ui/error-boundary";
