// The sender's status page (NĐ 20/2008 Art. 12): code + phone, posted (so the phone stays out
// of addresses and logs). Also where the sender adds information and rates the answer.
import crypto from "node:crypto";
import {
  json,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextField } from "~/kernel/forms/fields";
import { fieldId } from "~/features/feedback/components/ids";
import { StatusView } from "~/features/feedback/components/status-view";
import { parseFeedbackCode } from "~/features/citizen-codes/citizen-code";
import { handleStatusPost, type StatusOutcome } from "~/features/feedback/feedback-status.server";
import { readFeedbackPost } from "~/features/feedback/feedback.http.server";
import { clientOf } from "~/kernel/http/request.server";
import { getT } from "~/kernel/http/i18n.server";
import { requireAgency } from "~/kernel/agency/agency.server";
import { agencyPath } from "~/kernel/agency/agency-path";
import css from "~/styles/feedback.css";

export const handle = { scripts: false };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const agency = await requireAgency(params.agency);
  const { t } = getT(request);
  const code = new URL(request.url).searchParams.get("code");
  return json({
    title: t("feedback.status.title"),
    prefix: agency.prefix,
    code: parseFeedbackCode(code)?.code ?? "",
    requestId: crypto.randomUUID(),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Hài Lòng" }];

const STATUS: Record<StatusOutcome, number> = {
  shown: 200,
  invalid: 400,
  too_large: 413,
  limited: 429,
  not_found: 404,
  state_changed: 409,
};

export async function action({ request, params }: ActionFunctionArgs) {
  const agency = await requireAgency(params.agency);
  const { lng } = getT(request);
  // Codes are looked up within the path's agency only (another agency's code is "not found").
  const result = await handleStatusPost(await readFeedbackPost(request), clientOf(request), lng, agency.id);
  const status = STATUS[result.outcome];
  return json({ ...result, status }, { status });
}

export default function FeedbackStatus() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = result?.errors ?? {};
  const lookupErrors = result?.view ? {} : errors;
  return (
    <div className="page page--narrow">
      <h1>{t("feedback.status.heading")}</h1>
      {result?.message ? (
        <div className={`notice ${result.status === 200 ? "notice--ok" : "notice--warn"}`} role="status">
          <p>{t(result.message)}</p>
        </div>
      ) : null}
      {result?.view ? (
        <>
          <StatusView
            view={result.view}
            phone={result.values.phone}
            requestId={data.requestId}
            errors={errors}
            errorParams={result.errorParams}
            values={result.values}
          />
          <p>
            <a href={agencyPath(data.prefix, "/feedback/status")}>{t("feedback.status.anotherLookup")}</a>
          </p>
        </>
      ) : (
        <>
          <ErrorSummary idFor={fieldId} errors={lookupErrors} order={["code", "phone"]} />
          <p>{t("feedback.status.intro")}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="lookup" />
            <TextField
              marker
              id={fieldId("code")}
              name="code"
              label={t("feedback.common.code")}
              hint={t("feedback.status.codeHint")}
              required
              autoComplete="off"
              spellCheck={false}
              defaultValue={result?.values.code ?? data.code}
              error={lookupErrors.code}
            />
            <TextField
              marker
              id={fieldId("phone")}
              name="phone"
              type="tel"
              inputMode="tel"
              label={t("feedback.status.phone")}
              required
              autoComplete="tel"
              defaultValue={result?.values.phone ?? ""}
              error={lookupErrors.phone}
            />
            <button type="submit" className="button">
              {t("feedback.status.submit")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
