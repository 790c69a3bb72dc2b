// The public feedback form (NĐ 20/2008 Art. 7). Works without JavaScript: a plain multipart form
// posts here; errors come back with what was typed; success redirects to the code.
import crypto from "node:crypto";
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FeedbackForm } from "~/features/feedback/components/feedback-form";
import { PRIVACY_NOTICES } from "~/features/privacy/privacy-notices";
import { formProcedures } from "~/features/feedback/feedback-form.server";
import { flashCode } from "~/features/citizen-codes/code-flash.server";
import { receiveFeedbackPost } from "~/features/feedback/feedback.http.server";
import { getT } from "~/kernel/http/i18n.server";
import { requireAgency } from "~/kernel/agency/agency.server";
import { agencyPath } from "~/kernel/agency/agency-path";
import css from "~/styles/feedback.css";

export const handle = { scripts: false };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

// Also served as /<agency>/feedback ($agency.feedback._index.tsx): a case belongs to the agency of
// the path it was sent on.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const agency = await requireAgency(params.agency);
  const { t, lng } = getT(request);
  const procedures = await formProcedures(agency.id, lng);
  return json({
    title: t("feedback.form.title"),
    prefix: agency.prefix,
    submissionId: crypto.randomUUID(),
    procedures,
    notice: { text: PRIVACY_NOTICES.feedback.text[lng], consent: PRIVACY_NOTICES.feedback.consentLabel[lng] },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Hài Lòng" }];

export async function action({ request, params }: ActionFunctionArgs) {
  const agency = await requireAgency(params.agency);
  const { lng } = getT(request);
  const { result, status } = await receiveFeedbackPost(request, lng, agency.id);
  // The address carries the short code only; the full one (with its secret key) rides in a cookie.
  const sent = agencyPath(agency.prefix, "/feedback/sent");
  if (result.ok)
    return redirect(`${sent}?code=${encodeURIComponent(result.code)}`, {
      headers: { "Set-Cookie": await flashCode(sent, result.fullCode) },
    });
  return json(result, { status });
}

export default function FeedbackPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && !actionData.ok ? actionData : null;
  return (
    <FeedbackForm
      submissionId={failed?.values.submissionId || data.submissionId}
      prefix={data.prefix}
      procedures={data.procedures}
      notice={data.notice}
      values={failed?.values ?? {}}
      errors={failed?.errors ?? {}}
      errorParams={failed?.errorParams ?? {}}
      filesDropped={failed?.filesDropped ?? false}
    />
  );
}
