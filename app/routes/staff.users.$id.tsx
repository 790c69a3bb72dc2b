// One staff account: change name, role and unit; disable or enable; reset the password; sign
// the person out everywhere. Each button is its own small form with an `intent`.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isDbId } from "~/kernel/db/ids";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { ErrorSummary } from "~/kernel/forms/fields";
import { OneTimePassword } from "~/features/accounts/components/one-time-password";
import { AccountFields } from "~/features/accounts/components/user-fields";
import { formatDateTime } from "~/kernel/time/clock";
import { formValues, parseForm, type FieldErrors } from "~/kernel/forms/parse";
import type { Lang } from "~/kernel/i18n/i18n";
import {
  endAccountSessions,
  getUserDetail,
  resetAccountPassword,
  setAccountActive,
  updateAccount,
} from "~/features/accounts/staff-admin.server";
import { unitOptions } from "~/features/admin/units.server";
import { editUserSchema } from "~/features/accounts/staff.schema";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import { clientOf, readFormData } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: ["admin"], action: ["admin"] };

function userId(params: { id?: string }): number {
  const id = Number(params.id);
  if (!isDbId(id)) throw new Response("Not found", { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const me = await requireStaff(request, access.loader!);
  const id = userId(params);
  const account = await getUserDetail(me.agencyId, id);
  if (!account) throw new Response("Not found", { status: 404 });
  const { t, lng } = getT(request);
  return json({
    title: t("staff.users.editTitle", { email: account.email }),
    account,
    self: me.id === id,
    units: await unitOptions(me.agencyId, lng),
    lng,
  });
}

type ActionData =
  | { intent: string; errors: FieldErrors; values?: Record<string, string> }
  | { intent: string; done: true; password?: string; ended?: number };

export async function action({ request, params }: ActionFunctionArgs) {
  const me = await requireStaff(request, access.action!);
  const id = userId(params);
  // Another agency's account is not found, whatever the form asks (docs/rules/agencies.md).
  if (!(await getUserDetail(me.agencyId, id))) throw new Response("Not found", { status: 404 });
  const fd = await readFormData(request);
  const intent = String(fd.get("intent") ?? "");
  const fail = (errors: FieldErrors, values?: Record<string, string>) =>
    json<ActionData>({ intent, errors, values }, { status: 400 });
  if (intent === "update") {
    const parsed = parseForm(editUserSchema, fd);
    if (!parsed.ok) return fail(parsed.errors, formValues(fd));
    const r = await updateAccount(id, parsed.data, me, clientOf(request));
    return r.ok ? json<ActionData>({ intent, done: true }) : fail({ [r.field]: r.error }, formValues(fd));
  }
  if (intent === "disable" || intent === "enable") {
    const r = await setAccountActive(id, intent === "enable", me, clientOf(request));
    return r.ok ? json<ActionData>({ intent, done: true }) : fail({ [r.field]: r.error });
  }
  if (intent === "reset") {
    const r = await resetAccountPassword(id, me, clientOf(request));
    return r.ok
      ? json<ActionData>({ intent, done: true, password: r.password }, { headers: { "Cache-Control": "no-store" } })
      : fail({ [r.field]: r.error });
  }
  if (intent === "signout") {
    const ended = await endAccountSessions(id, me, clientOf(request));
    if (ended === null) throw new Response("Not found", { status: 404 });
    return json<ActionData>({ intent, done: true, ended });
  }
  return fail({ _form: "staff.errors.invalid" });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} — Hài Lòng` : "Hài Lòng" },
];

function Done({ data, email }: { data: ActionData | undefined; email: string }) {
  const { t } = useTranslation();
  if (!data || !("done" in data)) return null;
  if (data.password) return <OneTimePassword email={email} password={data.password} />;
  return (
    <p className="notice notice--ok" role="status">
      {t(`staff.users.done.${data.intent}`, { count: data.ended ?? 0 })}
    </p>
  );
}

export default function EditUser() {
  const { account, self, units, lng } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation();
  const errors = data && "errors" in data ? data.errors : {};
  const values =
    data && "errors" in data && data.values
      ? data.values
      : { name: account.name, role: account.role, unitId: account.unit_id == null ? "" : String(account.unit_id) };
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} order={["name", "role", "unitId"]} />
      <Done data={data} email={account.email} />
      <h1>{account.email}</h1>
      <p className="muted">
        {account.active ? t("staff.users.active") : t("staff.users.disabled")} ·{" "}
        {t("staff.users.openSessions", { count: account.openSessions })} ·{" "}
        {t("staff.users.passwordChangedAt", { at: formatDateTime(account.password_changed_at, lng as Lang) })}
      </p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="update" />
        <AccountFields values={values} errors={errors} units={units} />
        {self ? <p className="muted">{t("staff.users.selfNote")}</p> : null}
        <button type="submit" className="button">
          {t("staff.users.save")}
        </button>
      </Form>
      <section className="danger-zone" aria-labelledby="account-actions">
        <h2 id="account-actions">{t("staff.users.actions")}</h2>
        {self ? (
          <p>{t("staff.users.selfActions")}</p>
        ) : (
          <div className="button-row">
            <Form method="post">
              <input type="hidden" name="intent" value={account.active ? "disable" : "enable"} />
              <button type="submit" className={account.active ? "button button--warning" : "button button--secondary"}>
                {account.active ? t("staff.users.disable") : t("staff.users.enable")}
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="reset" />
              <button type="submit" className="button button--secondary">
                {t("staff.users.reset")}
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="signout" />
              <button type="submit" className="button button--secondary">
                {t("staff.users.signOutEverywhere")}
              </button>
            </Form>
          </div>
        )}
        <p className="muted">{t("staff.users.actionsHint")}</p>
      </section>
      <p>
        <Link to="/staff/users">{t("staff.users.backToList")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
