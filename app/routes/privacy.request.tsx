// Self-service requests about one's own personal data (docs/rules/personal-data.md): code + phone or email,
// then see, correct, ask for deletion or withdraw consent. Works without JavaScript; every post
// is answered in place and carries the code and contact again (no cookie).
import {
  json,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { ErrorSummary, TextField } from "~/kernel/forms/fields";
import { RequestView } from "~/features/privacy/components/request-view";
import { handlePrivacyPost, type SelfServiceOutcome } from "~/features/privacy/privacy-self-service.server";
import { getT } from "~/kernel/http/i18n.server";
import { publicOrigin } from "~/kernel/http/public-url.server";
import { assertSameOrigin, clientOf, readFormFields } from "~/kernel/http/request.server";
import css from "~/styles/privacy.css";
import { requireAgency } from "~/kernel/agency/agency.server";
import { agencyPath } from "~/kernel/agency/agency-path";

export const handle = { scripts: false };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

// Also served as /<agency>/privacy/request: the look-up is within that agency's cases.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const agency = await requireAgency(params.agency);
  const { t } = getT(request);
  return json({ title: t("privacy.request.title"), prefix: agency.prefix });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Hài Lòng" }];

const STATUS: Record<SelfServiceOutcome, number> = { shown: 200, invalid: 400, limited: 429, not_found: 404 };

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const agency = await requireAgency(params.agency);
  const { lng } = getT(request);
  const result = await handlePrivacyPost(
    {
      agencyId: agency.id,
      fields: await readFormFields(request),
      client: clientOf(request),
      baseUrl: publicOrigin(request),
    },
    lng,
  );
  // The answer shows personal data: no cache may keep it.
  return json(result, { status: STATUS[result.outcome], headers: { "Cache-Control": "no-store" } });
}

export default function PrivacyRequest() {
  const { prefix } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const lookupErrors = result && !result.view ? result.errors : {};
  return (
    <div className="page page--narrow">
      {result?.view ? (
        <RequestView result={result} view={result.view} prefix={prefix} />
      ) : (
        <>
          <ErrorSummary errors={lookupErrors} order={["code", "contact"]} />
          <h1>{t("privacy.request.heading")}</h1>
          <p>{t("privacy.request.intro")}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="lookup" />
            <TextField
              name="code"
              label={t("privacy.request.code")}
              hint={t("privacy.request.codeHint")}
              autoComplete="off"
              required
              defaultValue={result?.values.code ?? ""}
              error={lookupErrors.code}
            />
            <TextField
              name="contact"
              label={t("privacy.request.contact")}
              hint={t("privacy.request.contactHint")}
              autoComplete="tel"
              required
              defaultValue={result?.values.contact ?? ""}
              error={lookupErrors.contact}
            />
            <button type="submit" className="button">
              {t("privacy.request.submit")}
            </button>
          </Form>
          <p>
            <a href={agencyPath(prefix, "/privacy")}>{t("privacy.request.noticeLink")}</a>
          </p>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
