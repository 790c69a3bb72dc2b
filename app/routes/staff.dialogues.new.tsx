// Staff: a new dialogue session (a draft until published from its page).
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SessionForm } from "~/features/dialogue/components/session-form";
import { agencyProcedures } from "~/features/dialogue/dialogue-choices.server";
import { createSession, noticeDays } from "~/features/dialogue/dialogue-session.server";
import { formValues, parseForm } from "~/kernel/forms/parse";
import { procedureIds, sessionInput, sessionSchema } from "~/features/dialogue/dialogue-staff.schema";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import css from "~/styles/dialogue.css";
import { clientOf, readFormData } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: ["admin", "office"], action: ["admin", "office"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  return json({
    title: t("dialogue.staff.new.title"),
    // The account's agency's procedures only; createSession drops any other id sent.
    procedures: await agencyProcedures(user.agencyId, lng),
    noticeDays: await noticeDays(user.agencyId),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Hài Lòng" }];

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const fd = await readFormData(request);
  const parsed = parseForm(sessionSchema, fd);
  const values = {
    ...(parsed.ok ? {} : formValues(fd)),
    procedure_ids: procedureIds(fd.getAll("procedure_ids")).join(","),
  };
  if (!parsed.ok) return json({ errors: parsed.errors, values, vars: {} }, 400);
  const res = await createSession(
    clientOf(request),
    { id: user.id, email: user.email },
    user.agencyId,
    sessionInput(parsed.data, procedureIds(fd.getAll("procedure_ids"))),
  );
  if (!res.ok) {
    const raw = Object.fromEntries([...fd.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
    return json({ errors: res.errors, values: { ...raw, ...values }, vars: {} }, 400);
  }
  return redirect(`/staff/dialogues/${res.id}`, { status: 303 });
}

export default function NewDialogue() {
  const { procedures, noticeDays } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("dialogue.staff.new.heading")}</h1>
      <p>{t("dialogue.staff.new.intro")}</p>
      <SessionForm
        procedures={procedures}
        noticeDays={noticeDays}
        errors={data?.errors}
        values={data?.values}
        submitLabel={t("dialogue.staff.new.submit")}
      />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/kernel/ui/error-boundary";
