// The admin adds a staff account. The temporary password is shown once, on the answer to this
// form, and never stored in a readable form; the new user must change it at first sign-in.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/kernel/ui/error-boundary";
import { ErrorSummary, TextField } from "~/kernel/forms/fields";
import { OneTimePassword } from "~/features/accounts/components/one-time-password";
import { AccountFields } from "~/features/accounts/components/user-fields";
import { formValues, parseForm, type FieldErrors } from "~/kernel/forms/parse";
import { createAccount } from "~/features/accounts/staff-admin.server";
import { unitOptions } from "~/features/admin/units.server";
import { newUserSchema } from "~/features/accounts/staff.schema";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { getT } from "~/kernel/http/i18n.server";
import { clientOf, readFormData } from "~/kernel/http/request.server";

export const access: RouteAccess = { loader: ["admin"], action: ["admin"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  return json({ title: t("staff.users.newTitle"), units: await unitOptions(me.agencyId, lng) });
}

type ActionData =
  | { errors: FieldErrors; values: Record<string, string> }
  | { created: { id: number; email: string; password: string } };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const fd = await readFormData(request);
  const parsed = parseForm(newUserSchema, fd);
  if (!parsed.ok) return json<ActionData>({ errors: parsed.errors, values: formValues(fd) }, { status: 400 });
  const result = await createAccount(parsed.data, user, clientOf(request));
  if (!result.ok)
    return json<ActionData>({ errors: { [result.field]: result.error }, values: formValues(fd) }, { status: 400 });
  // The password is in this one response only: no cache may keep it.
  return json<ActionData>(
    { created: { id: result.id, email: parsed.data.email, password: result.password } },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} — Hài Lòng` : "Hài Lòng" },
];

export default function NewUser() {
  const { units } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation();
  if (data && "created" in data) {
    return (
      <div className="page page--narrow">
        <h1>{t("staff.users.createdHeading")}</h1>
        <OneTimePassword email={data.created.email} password={data.created.password} />
        <div className="button-row">
          <Link to={`/staff/users/${data.created.id}`} className="button button--secondary">
            {t("staff.users.openAccount")}
          </Link>
          <Link to="/staff/users">{t("staff.users.backToList")}</Link>
        </div>
      </div>
    );
  }
  const errors = data?.errors ?? {};
  const values = data?.values ?? {};
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} order={["email", "name", "role", "unitId"]} />
      <h1>{t("staff.users.newHeading")}</h1>
      <Form method="post" noValidate>
        <TextField
          name="email"
          type="email"
          label={t("staff.users.email")}
          autoComplete="off"
          defaultValue={values.email}
          error={errors.email}
        />
        <AccountFields values={values} errors={errors} units={units} />
        <p className="muted">{t("staff.users.passwordNote")}</p>
        <button type="submit" className="button">
          {t("staff.users.create")}
        </button>
      </Form>
      <p>
        <Link to="/staff/users">{t("staff.users.backToList")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
