// A staff member changes their own password. Also where a new or reset account is sent until
// the temporary password is replaced (requireStaff lets such a user reach only this page).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { ErrorSummary, TextField } from "~/kernel/forms/fields";
import { parseForm, type FieldErrors } from "~/kernel/forms/parse";
import { checkPasswordPolicy, PASSWORD_MAX, PASSWORD_MIN } from "~/features/accounts/password-policy";
import { ALL_ROLES_LIST } from "~/features/accounts/roles";
import { changePassword } from "~/features/accounts/staff.server";
import { passwordSchema } from "~/features/accounts/staff.schema";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import { clientOf, readFormData } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: ALL_ROLES_LIST, action: ALL_ROLES_LIST };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const url = new URL(request.url);
  return json({
    title: getT(request).t("staff.password.title"),
    required: user.mustChangePassword || url.searchParams.get("required") === "1",
    changed: url.searchParams.get("changed") === "1",
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const parsed = parseForm(passwordSchema, await readFormData(request));
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
  const weak = checkPasswordPolicy(parsed.data.password, user.email);
  if (weak) return json({ errors: { password: `staff.errors.${weak}` } as FieldErrors }, { status: 400 });
  const result = await changePassword(user, parsed.data.current, parsed.data.password, {
    client: clientOf(request),
    cookieHeader: request.headers.get("Cookie"),
  });
  if (!result.ok) {
    const errors: FieldErrors =
      result.reason === "locked"
        ? { _form: "staff.password.errors.locked" }
        : { current: "staff.password.errors.currentWrong" };
    return json({ errors }, { status: result.reason === "locked" ? 429 : 400 });
  }
  return redirect("/staff/password?changed=1", { headers: { "Set-Cookie": result.setCookie } });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} — Hài Lòng` : "Hài Lòng" },
];

export default function ChangePassword() {
  const { required, changed } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: FieldErrors = data?.errors ?? {};
  const limits = { min: PASSWORD_MIN, max: PASSWORD_MAX };
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} order={["current", "password", "confirm"]} params={{ password: limits }} />
      <h1>{t("staff.password.heading")}</h1>
      {changed ? (
        <p className="notice notice--ok" role="status">
          {t("staff.password.changed")}
        </p>
      ) : null}
      {required && !changed ? <p className="notice notice--warn">{t("staff.password.required")}</p> : null}
      <Form method="post" noValidate>
        <TextField
          name="current"
          type="password"
          label={t("staff.password.current")}
          autoComplete="current-password"
          error={errors.current}
        />
        <TextField
          name="password"
          type="password"
          label={t("staff.password.new")}
          hint={t("staff.password.hint", limits)}
          autoComplete="new-password"
          error={errors.password}
          vars={limits}
        />
        <TextField
          name="confirm"
          type="password"
          label={t("staff.password.confirm")}
          autoComplete="new-password"
          error={errors.confirm}
        />
        <button type="submit" className="button">
          {t("staff.password.submit")}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
