// The privacy notice (NĐ 13/2023 Art. 13; docs/rules/personal-data.md): who processes what, why, for how long,
// and how a person uses their rights. The retention period is the admin's setting, so the page
// never promises a period the job does not keep.
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { getSettings } from "~/features/admin/settings.server";
import { getT } from "~/kernel/http/i18n.server";
import css from "~/styles/privacy.css";
import { requireAgency } from "~/kernel/agency/agency.server";
import { agencyPath } from "~/kernel/agency/agency-path";

export const handle = { scripts: false };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Also served as /<agency>/privacy; an unknown agency is 404.
  const agency = await requireAgency(params.agency);
  const { t } = getT(request);
  const settings = await getSettings(agency.id);
  return json({
    title: t("privacy.notice.title"),
    prefix: agency.prefix,
    months: settings["privacy.retention_months"],
    contact: {
      unit: settings["privacy.contact_unit"],
      address: settings["privacy.contact_address"],
      phone: settings["privacy.contact_phone"],
      email: settings["privacy.contact_email"],
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Hài Lòng" }];

const SECTIONS = ["who", "consent", "retention", "rights", "contact"] as const;

export default function PrivacyNotice() {
  const { months, contact, prefix } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const section = (key: (typeof SECTIONS)[number]) => (
    <section key={key} aria-labelledby={`privacy-${key}`}>
      <h2 id={`privacy-${key}`}>{t(`privacy.notice.${key}Heading`)}</h2>
      <p>{t(`privacy.notice.${key}`, { months })}</p>
      {key === "rights" ? (
        <>
          <p>
            <strong>{t("privacy.notice.promise")}</strong>
          </p>
          <p>
            <a className="button" href={agencyPath(prefix, "/privacy/request")}>
              {t("privacy.notice.requestLink")}
            </a>
          </p>
        </>
      ) : null}
      {key === "contact" ? (
        // The unit's name and address are Vietnamese proper names on the English page too.
        <dl className="privacy-contact" data-testid="privacy-contact">
          <dt>{t("privacy.notice.contactUnit")}</dt>
          <dd lang="vi">{contact.unit}</dd>
          <dt>{t("privacy.notice.contactAddress")}</dt>
          <dd lang="vi">{contact.address}</dd>
          {contact.phone ? (
            <>
              <dt>{t("privacy.notice.contactPhone")}</dt>
              <dd>
                <a href={`tel:${contact.phone.replace(/[^\d+]/g, "")}`}>{contact.phone}</a>
              </dd>
            </>
          ) : null}
          {contact.email ? (
            <>
              <dt>{t("privacy.notice.contactEmail")}</dt>
              <dd>
                <a href={`mailto:${contact.email}`}>{contact.email}</a>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </section>
  );
  return (
    <div className="page page--narrow privacy-notice-page">
      <h1>{t("privacy.notice.heading")}</h1>
      <p>{t("privacy.notice.intro")}</p>
      {section("who")}
      <section aria-labelledby="privacy-purposes">
        <h2 id="privacy-purposes">{t("privacy.notice.purposesHeading")}</h2>
        <h3>{t("privacy.notice.surveyHeading")}</h3>
        <p>{t("privacy.notice.survey")}</p>
        <h3>{t("privacy.notice.dialogueHeading")}</h3>
        <p>{t("privacy.notice.dialogue")}</p>
        <h3>{t("privacy.notice.feedbackHeading")}</h3>
        <p>{t("privacy.notice.feedback")}</p>
      </section>
      {SECTIONS.slice(1).map(section)}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
